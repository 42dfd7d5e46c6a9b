import { describe, expect, it } from 'vitest';
import { WorkspaceError } from '../core/errors.js';
import type { Query } from './ast.js';
import { CQL } from './cql.js';
import { JQL } from './jql.js';
import { parseQuery } from './parser.js';

const clause = (field: string, operator: string, values: string[], position: number) => ({
  type: 'clause',
  field,
  operator,
  operands: values.map((value) => ({ type: 'value', value })),
  position,
});

/** The AST without operand positions, which the clause position already pins down. */
function shape(query: Query): unknown {
  return JSON.parse(JSON.stringify(query), (_key, value) => {
    if (value && typeof value === 'object' && 'type' in value && value.type !== 'clause') {
      const { position: _position, ...rest } = value;
      return rest;
    }
    return value;
  });
}

describe('parseQuery (JQL): valid queries', () => {
  it.each([
    ['', { where: null, orderBy: [] }],
    ['project = OPS', { where: clause('project', '=', ['OPS'], 9), orderBy: [] }],
    ['status = "In Progress"', { where: clause('status', '=', ['In Progress'], 8), orderBy: [] }],
    ["labels != 'on-call'", { where: clause('labels', '!=', ['on-call'], 8), orderBy: [] }],
    ['issuetype = Bug', { where: clause('type', '=', ['Bug'], 11), orderBy: [] }],
    ['summary ~ "tls cert"', { where: clause('summary', '~', ['tls cert'], 9), orderBy: [] }],
    ['text !~ redis', { where: clause('text', '!~', ['redis'], 6), orderBy: [] }],
    ['key in (OPS-1, WEB-2)', { where: clause('key', 'in', ['OPS-1', 'WEB-2'], 5), orderBy: [] }],
    [
      'assignee NOT IN (bob@example.com)',
      { where: clause('assignee', 'not in', ['bob@example.com'], 10), orderBy: [] },
    ],
  ])('%j', (source, expected) => {
    expect(shape(parseQuery(source, JQL))).toEqual(expected);
  });

  it.each([
    ['assignee = currentUser()', { type: 'function', name: 'currentUser' }, '='],
    ['reporter = CURRENTUSER()', { type: 'function', name: 'currentUser' }, '='],
    ['assignee is EMPTY', { type: 'empty' }, 'is'],
    ['assignee IS NOT null', { type: 'empty' }, 'is not'],
    ['assignee = EMPTY', { type: 'empty' }, 'is'],
    ['labels != empty', { type: 'empty' }, 'is not'],
  ])('%j has a %j operand', (source, operand, operator) => {
    const where = parseQuery(source, JQL).where;
    expect(where).toMatchObject({ type: 'clause', operator, operands: [operand] });
  });

  it('binds AND tighter than OR, and honours parentheses and NOT', () => {
    const flat = parseQuery('project = OPS OR project = WEB AND status = Done', JQL).where;
    expect(flat).toMatchObject({
      type: 'or',
      operands: [{ field: 'project' }, { type: 'and', operands: [{}, { field: 'status' }] }],
    });
    const grouped = parseQuery('(project = OPS OR project = WEB) and NOT status = Done', JQL);
    expect(grouped.where).toMatchObject({
      type: 'and',
      operands: [{ type: 'or' }, { type: 'not', operand: { field: 'status' } }],
    });
  });

  it.each([
    ['ORDER BY updated', [{ field: 'updated', direction: 'asc' }]],
    [
      'order by priority desc, key ASC',
      [
        { field: 'priority', direction: 'desc' },
        { field: 'key', direction: 'asc' },
      ],
    ],
    ['project = OPS ORDER BY created DESC', [{ field: 'created', direction: 'desc' }]],
  ])('%j orders by %j', (source, orderBy) => {
    expect(parseQuery(source, JQL).orderBy).toEqual(orderBy);
  });
});

describe('parseQuery (JQL): errors name the token, its position and what is supported', () => {
  it.each([
    [
      'foo = 1',
      'JQL: unknown field "foo" at character 1. Supported fields: project, status, assignee, ' +
        'reporter, labels, type, priority, key, summary, description, comment, text.',
    ],
    [
      'project ~ OPS',
      'JQL: operator "~" is not supported for field "project" (character 9). Supported ' +
        'operators for project: =, !=, IN, NOT IN.',
    ],
    [
      'key = OPS-1 ORDER BY',
      'JQL: expected a field to order by (updated, created, key, priority) at character 21 ' +
        'but found the end of the query.',
    ],
    [
      'priority >= High',
      'JQL: operator ">=" at character 10 is not supported. Supported operators: =, !=, ~, ' +
        '!~, IN, NOT IN, IS EMPTY, IS NOT EMPTY.',
    ],
    [
      'project = ',
      'JQL: expected a value for project at character 11 but found the end of the query.',
    ],
    ['project OPS', 'JQL: expected an operator after project at character 9 but found "OPS".'],
    [
      'project = OPS AND',
      'JQL: expected a field name at character 18 but found the end of the query.',
    ],
    [
      'project = OPS status = Done',
      'JQL: expected AND, OR or ORDER BY at character 15 but found "status".',
    ],
    ['(project = OPS', 'JQL: expected ")" at character 15 but found the end of the query.'],
    ['project in OPS', 'JQL: expected "(" after IN at character 12 but found "OPS".'],
    ['project in (OPS WEB)', 'JQL: expected "," or ")" at character 17 but found "WEB".'],
    [
      'assignee = now()',
      'JQL: unknown function "now()" at character 12. Supported functions for assignee: currentUser().',
    ],
    [
      'project = currentUser()',
      'JQL: unknown function "currentUser()" at character 11. Field "project" takes no functions.',
    ],
    [
      'assignee = currentUser(bob)',
      'JQL: expected ")" (currentUser() takes no arguments) at character 24 but found "bob".',
    ],
    [
      'status is EMPTY',
      'JQL: operator "IS" is not supported for field "status" (character 8). Supported operators for status: =, !=, IN, NOT IN.',
    ],
    ['status = EMPTY', 'JQL: field "status" cannot be EMPTY (character 10).'],
    ['assignee is bob', 'JQL: expected EMPTY at character 13 but found "bob".'],
    ['ORDER updated', 'JQL: expected BY after ORDER at character 7 but found "updated".'],
    [
      'ORDER BY rank',
      'JQL: cannot order by "rank" at character 10. Supported ORDER BY fields: updated, ' +
        'created, key, priority.',
    ],
    [
      'summary ~ "unterminated',
      'JQL: unterminated string starting at character 11. Close it with ".',
    ],
    [
      'project = OPS; drop',
      'JQL: unexpected character ";" at character 14. Quote values that contain spaces or ' +
        'special characters.',
    ],
    [
      'project = OPS ! status',
      'JQL: unexpected character "!" at character 15. Quote values that contain spaces or special characters.',
    ],
  ])('%j', (source, message) => {
    let caught: unknown;
    try {
      parseQuery(source, JQL);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorkspaceError);
    expect(caught).toMatchObject({ code: 'invalid_input', field: 'jql', status: 400, message });
  });
});

describe('parseQuery (CQL)', () => {
  it.each([
    ['space = ENG', clause('space', '=', ['ENG'], 7)],
    ['space.key = ENG', clause('space', '=', ['ENG'], 11)],
    ['title ~ "on-call"', clause('title', '~', ['on-call'], 7)],
    ['type = page', clause('type', '=', ['page'], 6)],
    ['parent = 1', clause('parent', '=', ['1'], 8)],
  ])('%j', (source, where) => {
    expect(shape(parseQuery(source, CQL))).toEqual({ where, orderBy: [] });
  });

  it('orders by lastmodified (any case) and title', () => {
    expect(parseQuery('space = ENG ORDER BY lastModified DESC, title', CQL).orderBy).toEqual([
      { field: 'lastmodified', direction: 'desc' },
      { field: 'title', direction: 'asc' },
    ]);
  });

  it.each([
    [
      'label = x',
      'CQL: unknown field "label" at character 1. Supported fields: space, title, text, type, ' +
        'creator, parent, id.',
    ],
    [
      'text = x',
      'CQL: operator "=" is not supported for field "text" (character 6). Supported operators ' +
        'for text: ~, !~.',
    ],
    [
      'space = ENG ORDER BY updated',
      'CQL: cannot order by "updated" at character 22. Supported ORDER BY fields: ' +
        'lastmodified, title, created.',
    ],
  ])('%j fails with field cql', (source, message) => {
    expect(() => parseQuery(source, CQL)).toThrow(message);
    expect(() => parseQuery(source, CQL)).toThrow(expect.objectContaining({ field: 'cql' }));
  });
});
