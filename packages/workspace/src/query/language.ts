import type { Operator } from './ast.js';

/** One searchable field of a query language. */
export interface FieldSpec {
  /** Canonical name, as the AST carries it. */
  name: string;
  /** Other names accepted for it (`issuetype` for `type`). */
  aliases?: string[];
  operators: Operator[];
  /** Functions allowed as a value, without parentheses (`currentUser`). */
  functions?: string[];
}

/** What the parser accepts for one language; used in its error messages too. */
export interface LanguageSpec {
  /** `JQL` or `CQL`, used as the prefix of every error message. */
  name: string;
  /** The input field errors name (`jql`, `cql`). */
  inputField: string;
  fields: FieldSpec[];
  /** Fields allowed after ORDER BY, canonical name first in each entry. */
  orderFields: Array<{ name: string; aliases?: string[] }>;
}

/** Equality and list operators. */
export const EQUALITY_OPERATORS: Operator[] = ['=', '!=', 'in', 'not in'];
/** Text-containment operators. */
export const TEXT_OPERATORS: Operator[] = ['~', '!~'];
/** Emptiness operators (`IS EMPTY`, `IS NOT EMPTY`). */
export const EMPTY_OPERATORS: Operator[] = ['is', 'is not'];

function matchesName(entry: { name: string; aliases?: string[] }, name: string): boolean {
  const wanted = name.toLowerCase();
  return [entry.name, ...(entry.aliases ?? [])].some((n) => n.toLowerCase() === wanted);
}

/** The field spec for a name or alias, case-insensitive. */
export function findField(spec: LanguageSpec, name: string): FieldSpec | undefined {
  return spec.fields.find((field) => matchesName(field, name));
}

/** The canonical order field for a name or alias, case-insensitive. */
export function findOrderField(spec: LanguageSpec, name: string): string | undefined {
  return spec.orderFields.find((field) => matchesName(field, name))?.name;
}

/** An operator as users write it (`NOT IN`). */
export function formatOperator(operator: Operator): string {
  return /^[a-z ]+$/.test(operator) ? operator.toUpperCase() : operator;
}
