import type { Actor } from '../core/actor.js';
import type { UserDirectory } from '../core/directory.js';
import type { PageRecord, SpaceRecord } from '../model/confluence.js';
import type { Operand } from './ast.js';
import { type Evaluator, unknownValue } from './evaluate.js';
import { EQUALITY_OPERATORS, type LanguageSpec, TEXT_OPERATORS } from './language.js';

/** The CQL subset the workspace understands. Only pages exist, so `type` knows `page`. */
export const CQL: LanguageSpec = {
  name: 'CQL',
  inputField: 'cql',
  fields: [
    { name: 'space', aliases: ['space.key'], operators: EQUALITY_OPERATORS },
    { name: 'title', operators: [...TEXT_OPERATORS, ...EQUALITY_OPERATORS] },
    { name: 'text', operators: TEXT_OPERATORS },
    { name: 'type', operators: EQUALITY_OPERATORS },
    { name: 'creator', operators: EQUALITY_OPERATORS, functions: ['currentUser'] },
    { name: 'parent', operators: EQUALITY_OPERATORS },
    { name: 'id', operators: EQUALITY_OPERATORS },
  ],
  orderFields: [
    { name: 'lastmodified', aliases: ['lastModified'] },
    { name: 'title' },
    { name: 'created' },
  ],
};

/** Content types CQL knows; the workspace has pages only. */
export const CQL_CONTENT_TYPES = ['page'] as const;

/** What resolving CQL values needs: who asks, who exists, which spaces they can see. */
export interface CqlScope {
  actor: Actor;
  directory: UserDirectory;
  visibleSpaces: readonly SpaceRecord[];
}

type LiteralOperand = Extract<Operand, { type: 'value' | 'function' }>;

function literalValue(operand: LiteralOperand): string {
  return operand.type === 'value' ? operand.value.toLowerCase() : '';
}

/** The CQL evaluator over pages the scope's actor may view. */
export function createCqlEvaluator(scope: CqlScope): Evaluator<PageRecord> {
  return {
    spec: CQL,
    fields: {
      space: {
        values: (page) => [page.spaceKey],
        resolve: (operand) => {
          const value = literalValue(operand);
          const space = scope.visibleSpaces.find(
            (s) => s.key.toLowerCase() === value || s.name.toLowerCase() === value,
          );
          if (!space) throw unknownValue(CQL, 'space', operand);
          return space.key;
        },
      },
      title: { values: (page) => [page.title], text: (page) => page.title },
      text: { text: (page) => `${page.title}\n${page.body}` },
      type: {
        values: () => ['page'],
        resolve: (operand) => {
          const value = literalValue(operand);
          if (!CQL_CONTENT_TYPES.some((t) => t === value)) {
            throw unknownValue(CQL, 'type', operand, CQL_CONTENT_TYPES);
          }
          return value;
        },
      },
      creator: {
        values: (page) => [page.createdBy],
        resolve: (operand) => {
          if (operand.type === 'function') return scope.actor.userId;
          const user = scope.directory.resolve(operand.value);
          if (!user) throw unknownValue(CQL, 'creator', operand);
          return user.id;
        },
      },
      parent: { values: (page) => (page.parentId ? [page.parentId] : []) },
      id: { values: (page) => [page.id] },
    },
    order: {
      lastmodified: (a, b) => a.updatedAt - b.updatedAt,
      title: (a, b) => a.title.localeCompare(b.title),
      created: (a, b) => a.createdAt - b.createdAt,
    },
    defaultOrder: [{ field: 'lastmodified', direction: 'desc' }],
    tieBreak: (a, b) => Number(a.id) - Number(b.id),
  };
}
