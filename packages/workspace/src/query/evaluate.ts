import { invalidInput, type WorkspaceError } from '../core/errors.js';
import type { Clause, Expression, Operand, OrderBy, Query } from './ast.js';
import type { LanguageSpec } from './language.js';

export type Predicate<T> = (item: T) => boolean;
export type Comparator<T> = (a: T, b: T) => number;

/** How one field of a language reads an item and understands operands. */
export interface FieldEvaluator<T> {
  /** The item's values for `=`, `IN` and `IS EMPTY`; an empty list means "empty". */
  values?(item: T): readonly string[];
  /** The item's text for `~`. */
  text?(item: T): string;
  /**
   * The canonical value an operand stands for (e.g. an email becomes an account id). Throws
   * `invalid_input` for a value that does not exist. Default: the literal value.
   */
  resolve?(operand: Extract<Operand, { type: 'value' | 'function' }>): string;
}

/** Everything a language needs to run a parsed query over items of type `T`. */
export interface Evaluator<T> {
  spec: LanguageSpec;
  fields: Record<string, FieldEvaluator<T>>;
  /** Comparators per order field, ascending. */
  order: Record<string, Comparator<T>>;
  /** Order when the query names none. */
  defaultOrder: OrderBy[];
  /** Last resort, so that paging is stable. */
  tieBreak: Comparator<T>;
}

/** Case-insensitive "contains every word of `query`". An empty query matches everything. */
export function matchesText(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => haystack.includes(term));
}

/** Filters and orders `items` by a parsed query. */
export function runQuery<T>(query: Query, items: readonly T[], evaluator: Evaluator<T>): T[] {
  const predicate = query.where ? compileExpression(query.where, evaluator) : () => true;
  const compare = compileOrder(
    query.orderBy.length ? query.orderBy : evaluator.defaultOrder,
    evaluator,
  );
  return items.filter(predicate).sort(compare);
}

function compileExpression<T>(expression: Expression, evaluator: Evaluator<T>): Predicate<T> {
  switch (expression.type) {
    case 'and': {
      const parts = expression.operands.map((e) => compileExpression(e, evaluator));
      return (item) => parts.every((part) => part(item));
    }
    case 'or': {
      const parts = expression.operands.map((e) => compileExpression(e, evaluator));
      return (item) => parts.some((part) => part(item));
    }
    case 'not': {
      const inner = compileExpression(expression.operand, evaluator);
      return (item) => !inner(item);
    }
    case 'clause':
      return compileClause(expression, evaluator);
  }
}

function compileClause<T>(clause: Clause, evaluator: Evaluator<T>): Predicate<T> {
  const field = evaluator.fields[clause.field];
  if (!field) throw new Error(`no evaluator for ${evaluator.spec.name} field ${clause.field}`);
  if (clause.operator === '~' || clause.operator === '!~') {
    const text = field.text;
    const operand = clause.operands[0];
    if (!text || operand?.type !== 'value') throw unsupported(clause, evaluator.spec);
    const wanted = clause.operator === '~';
    return (item) => matchesText(text(item), operand.value) === wanted;
  }
  const values = field.values;
  if (!values) throw unsupported(clause, evaluator.spec);
  const wanted = clause.operands.map((operand) => resolveOperand(operand, field));
  const matches = (item: T) => {
    const held = values(item).map((v) => v.toLowerCase());
    return wanted.some((w) => (w === null ? held.length === 0 : held.includes(w)));
  };
  const negated = ['!=', 'not in', 'is not'].includes(clause.operator);
  return negated ? (item) => !matches(item) : matches;
}

/** The lower-cased canonical value of an operand; null for EMPTY. */
function resolveOperand<T>(operand: Operand, field: FieldEvaluator<T>): string | null {
  if (operand.type === 'empty') return null;
  const resolved = field.resolve ? field.resolve(operand) : literal(operand);
  return resolved.toLowerCase();
}

function literal(operand: Extract<Operand, { type: 'value' | 'function' }>): string {
  return operand.type === 'value' ? operand.value : `${operand.name}()`;
}

function compileOrder<T>(orderBy: OrderBy[], evaluator: Evaluator<T>): Comparator<T> {
  const parts = orderBy.map(({ field, direction }) => {
    const compare = evaluator.order[field];
    if (!compare) throw new Error(`no comparator for ${evaluator.spec.name} field ${field}`);
    return direction === 'asc' ? compare : (a: T, b: T) => compare(b, a);
  });
  return (a, b) => {
    for (const part of parts) {
      const result = part(a, b);
      if (result !== 0) return result;
    }
    return evaluator.tieBreak(a, b);
  };
}

function unsupported(clause: Clause, spec: LanguageSpec): WorkspaceError {
  return invalidInput(
    spec.inputField,
    `${spec.name}: operator "${clause.operator}" cannot be used with field "${clause.field}" ` +
      `(character ${clause.position}).`,
  );
}

/**
 * The `invalid_input` for an operand that names nothing known, e.g.
 * `JQL: the value "FOO" does not exist for the field "project" (character 11).`
 */
export function unknownValue(
  spec: LanguageSpec,
  field: string,
  operand: Operand,
  known?: readonly string[],
): WorkspaceError {
  const shown = operand.type === 'value' ? operand.value : operand.type;
  const hint = known ? ` Known values: ${known.join(', ')}.` : '';
  return invalidInput(
    spec.inputField,
    `${spec.name}: the value "${shown}" does not exist for the field "${field}" ` +
      `(character ${operand.position}).${hint}`,
  );
}
