/** Comparison operators, in the lower case the AST uses. */
export type Operator = '=' | '!=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

/** A right-hand side: a literal, a function call such as `currentUser()`, or `EMPTY`. */
export type Operand =
  | { type: 'value'; value: string; position: number }
  | { type: 'function'; name: string; position: number }
  | { type: 'empty'; position: number };

/** `field operator operand(s)`; `field` is the canonical field name. */
export interface Clause {
  type: 'clause';
  field: string;
  operator: Operator;
  /** One operand, or several for `in` / `not in`. */
  operands: Operand[];
  position: number;
}

export type Expression =
  | Clause
  | { type: 'and'; operands: Expression[] }
  | { type: 'or'; operands: Expression[] }
  | { type: 'not'; operand: Expression };

export interface OrderBy {
  /** Canonical order field name. */
  field: string;
  direction: 'asc' | 'desc';
}

/** A parsed query: an optional condition and the requested order. */
export interface Query {
  where: Expression | null;
  orderBy: OrderBy[];
}
