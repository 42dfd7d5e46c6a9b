import { invalidInput, type WorkspaceError } from '../core/errors.js';
import type { Clause, Expression, Operand, Operator, OrderBy, Query } from './ast.js';
import {
  type FieldSpec,
  findField,
  findOrderField,
  formatOperator,
  type LanguageSpec,
} from './language.js';
import { type Token, tokenize } from './tokenizer.js';

const SYMBOL_OPERATORS: Record<string, Operator> = { '=': '=', '!=': '!=', '~': '~', '!~': '!~' };

/**
 * Parses a query of `spec`'s language into an AST. Grammar (keywords case-insensitive):
 *
 * ```
 * query    := [or] [ORDER BY order ("," order)*]
 * or       := and (OR and)*
 * and      := not (AND not)*
 * not      := NOT not | "(" or ")" | clause
 * clause   := field op operand | field [NOT] IN "(" operand ("," operand)* ")"
 *           | field IS [NOT] EMPTY
 * operand  := word | "quoted" | function "(" ")" | EMPTY
 * order    := field [ASC | DESC]
 * ```
 *
 * Throws `invalid_input` naming the offending token, its 1-based character position and what
 * the language supports there.
 */
export function parseQuery(source: string, spec: LanguageSpec): Query {
  return new Parser(tokenize(source, spec.name, spec.inputField), spec).parse();
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly spec: LanguageSpec,
  ) {}

  parse(): Query {
    const where = this.atKeyword('ORDER') || this.peek().type === 'end' ? null : this.parseOr();
    const orderBy = this.atKeyword('ORDER') ? this.parseOrderBy() : [];
    if (this.peek().type !== 'end') throw this.expected('AND, OR or ORDER BY');
    return { where, orderBy };
  }

  private parseOr(): Expression {
    const operands = [this.parseAnd()];
    while (this.acceptKeyword('OR')) operands.push(this.parseAnd());
    return operands.length === 1 ? (operands[0] as Expression) : { type: 'or', operands };
  }

  private parseAnd(): Expression {
    const operands = [this.parseNot()];
    while (this.acceptKeyword('AND')) operands.push(this.parseNot());
    return operands.length === 1 ? (operands[0] as Expression) : { type: 'and', operands };
  }

  private parseNot(): Expression {
    if (this.acceptKeyword('NOT')) return { type: 'not', operand: this.parseNot() };
    if (this.peek().type === 'lparen') {
      this.next();
      const inner = this.parseOr();
      this.expect('rparen', '")"');
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): Clause {
    const token = this.peek();
    if (token.type !== 'word' && token.type !== 'string') throw this.expected('a field name');
    const field = findField(this.spec, token.value);
    if (!field) {
      throw this.fail(
        `unknown field ${describe(token)} at character ${token.position}. ` +
          `Supported fields: ${this.spec.fields.map((f) => f.name).join(', ')}.`,
      );
    }
    this.next();
    const operatorToken = this.peek();
    const operator = this.parseOperator(field);
    const operands = this.parseOperands(field, operator);
    return normaliseEmpty({
      type: 'clause',
      field: field.name,
      operator,
      operands,
      position: operatorToken.position,
    });
  }

  private parseOperator(field: FieldSpec): Operator {
    const token = this.peek();
    const operator = this.readOperator();
    if (!operator) throw this.expected(`an operator after ${field.name}`);
    if (!field.operators.includes(operator)) {
      throw this.fail(
        `operator "${formatOperator(operator)}" is not supported for field "${field.name}" ` +
          `(character ${token.position}). Supported operators for ${field.name}: ` +
          `${field.operators.map(formatOperator).join(', ')}.`,
      );
    }
    return operator;
  }

  private readOperator(): Operator | null {
    const token = this.peek();
    if (token.type === 'operator') {
      const operator = SYMBOL_OPERATORS[token.value];
      if (!operator) {
        throw this.fail(
          `operator "${token.value}" at character ${token.position} is not supported. ` +
            'Supported operators: =, !=, ~, !~, IN, NOT IN, IS EMPTY, IS NOT EMPTY.',
        );
      }
      this.next();
      return operator;
    }
    if (this.acceptKeyword('IN')) return 'in';
    if (this.acceptKeyword('IS')) return this.acceptKeyword('NOT') ? 'is not' : 'is';
    if (this.atKeyword('NOT') && isKeyword(this.peek(1), 'IN')) {
      this.next();
      this.next();
      return 'not in';
    }
    return null;
  }

  private parseOperands(field: FieldSpec, operator: Operator): Operand[] {
    if (operator === 'is' || operator === 'is not') {
      const token = this.peek();
      if (!isKeyword(token, 'EMPTY') && !isKeyword(token, 'NULL')) throw this.expected('EMPTY');
      this.next();
      return [{ type: 'empty', position: token.position }];
    }
    if (operator !== 'in' && operator !== 'not in') return [this.parseOperand(field)];
    this.expect('lparen', `"(" after ${formatOperator(operator)}`);
    const operands = [this.parseOperand(field)];
    while (this.peek().type === 'comma') {
      this.next();
      operands.push(this.parseOperand(field));
    }
    this.expect('rparen', '"," or ")"');
    return operands;
  }

  private parseOperand(field: FieldSpec): Operand {
    const token = this.peek();
    if (token.type === 'string') {
      this.next();
      return { type: 'value', value: token.value, position: token.position };
    }
    if (token.type !== 'word') throw this.expected(`a value for ${field.name}`);
    this.next();
    if (isKeyword(token, 'EMPTY') || isKeyword(token, 'NULL')) {
      if (!field.operators.includes('is')) {
        throw this.fail(`field "${field.name}" cannot be EMPTY (character ${token.position}).`);
      }
      return { type: 'empty', position: token.position };
    }
    if (this.peek().type !== 'lparen') {
      return { type: 'value', value: token.value, position: token.position };
    }
    return this.parseFunction(field, token);
  }

  private parseFunction(field: FieldSpec, token: Token): Operand {
    const name = (field.functions ?? []).find((f) => f.toLowerCase() === token.value.toLowerCase());
    if (!name) {
      const supported = (field.functions ?? []).map((f) => `${f}()`).join(', ');
      throw this.fail(
        `unknown function "${token.value}()" at character ${token.position}. ` +
          (supported
            ? `Supported functions for ${field.name}: ${supported}.`
            : `Field "${field.name}" takes no functions.`),
      );
    }
    this.next();
    this.expect('rparen', `")" (${name}() takes no arguments)`);
    return { type: 'function', name, position: token.position };
  }

  private parseOrderBy(): OrderBy[] {
    this.next();
    if (!this.acceptKeyword('BY')) throw this.expected('BY after ORDER');
    const orderBy = [this.parseOrderItem()];
    while (this.peek().type === 'comma') {
      this.next();
      orderBy.push(this.parseOrderItem());
    }
    return orderBy;
  }

  private parseOrderItem(): OrderBy {
    const token = this.peek();
    const supported = this.spec.orderFields.map((f) => f.name).join(', ');
    if (token.type !== 'word' && token.type !== 'string') {
      throw this.expected(`a field to order by (${supported})`);
    }
    const field = findOrderField(this.spec, token.value);
    if (!field) {
      throw this.fail(
        `cannot order by ${describe(token)} at character ${token.position}. ` +
          `Supported ORDER BY fields: ${supported}.`,
      );
    }
    this.next();
    if (this.acceptKeyword('DESC')) return { field, direction: 'desc' };
    this.acceptKeyword('ASC');
    return { field, direction: 'asc' };
  }

  private peek(ahead = 0): Token {
    const token = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
    if (!token) throw new Error('tokenizer returned no end token');
    return token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private atKeyword(keyword: string): boolean {
    return isKeyword(this.peek(), keyword);
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.atKeyword(keyword)) return false;
    this.next();
    return true;
  }

  private expect(type: Token['type'], what: string): void {
    if (this.peek().type !== type) throw this.expected(what);
    this.next();
  }

  private expected(what: string): WorkspaceError {
    const token = this.peek();
    return this.fail(
      `expected ${what} at character ${token.position} but found ${describe(token)}.`,
    );
  }

  private fail(message: string): WorkspaceError {
    return invalidInput(this.spec.inputField, `${this.spec.name}: ${message}`);
  }
}

function isKeyword(token: Token, keyword: string): boolean {
  return token.type === 'word' && token.value.toUpperCase() === keyword;
}

function describe(token: Token): string {
  return token.type === 'end' ? 'the end of the query' : `"${token.text}"`;
}

/** `x = EMPTY` means `x IS EMPTY`; `x != EMPTY` means `x IS NOT EMPTY`. */
function normaliseEmpty(clause: Clause): Clause {
  const onlyEmpty = clause.operands.length === 1 && clause.operands[0]?.type === 'empty';
  if (!onlyEmpty) return clause;
  if (clause.operator === '=') return { ...clause, operator: 'is' };
  if (clause.operator === '!=') return { ...clause, operator: 'is not' };
  return clause;
}
