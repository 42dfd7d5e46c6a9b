import { invalidInput } from '../core/errors.js';

export type TokenType = 'word' | 'string' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'end';

/** One lexical token. `position` is the 1-based character where it starts. */
export interface Token {
  type: TokenType;
  /** The value: unquoted for strings, the operator itself for operators. */
  value: string;
  /** The source text, quotes included, for error messages. */
  text: string;
  position: number;
}

/** Characters an unquoted word may hold: keys, emails, account ids, labels. */
const WORD_CHAR = /[A-Za-z0-9_.@\-+]/;
const OPERATORS = ['!=', '!~', '>=', '<=', '=', '~', '>', '<'] as const;
const PUNCTUATION: Record<string, TokenType> = { '(': 'lparen', ')': 'rparen', ',': 'comma' };

/** Splits a JQL or CQL string into tokens, or throws `invalid_input` on `field`. */
export function tokenize(source: string, language: string, field: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const token = readToken(source, index, language, field);
    tokens.push(token);
    index += token.text.length;
  }
  tokens.push({ type: 'end', value: '', text: '', position: source.length + 1 });
  return tokens;
}

function readToken(source: string, index: number, language: string, field: string): Token {
  const char = source[index] ?? '';
  const position = index + 1;
  const punctuation = PUNCTUATION[char];
  if (punctuation) return { type: punctuation, value: char, text: char, position };
  if (char === '"' || char === "'") return readString(source, index, language, field);
  const operator = OPERATORS.find((op) => source.startsWith(op, index));
  if (operator) return { type: 'operator', value: operator, text: operator, position };
  if (WORD_CHAR.test(char)) {
    let end = index;
    while (end < source.length && WORD_CHAR.test(source[end] ?? '')) end += 1;
    const text = source.slice(index, end);
    return { type: 'word', value: text, text, position };
  }
  throw invalidInput(
    field,
    `${language}: unexpected character "${char}" at character ${position}. ` +
      'Quote values that contain spaces or special characters.',
  );
}

function readString(source: string, index: number, language: string, field: string): Token {
  const quote = source[index] ?? '"';
  let value = '';
  let end = index + 1;
  while (end < source.length && source[end] !== quote) {
    if (source[end] === '\\' && end + 1 < source.length) end += 1;
    value += source[end];
    end += 1;
  }
  if (end >= source.length) {
    throw invalidInput(
      field,
      `${language}: unterminated string starting at character ${index + 1}. ` +
        `Close it with ${quote}.`,
    );
  }
  return { type: 'string', value, text: source.slice(index, end + 1), position: index + 1 };
}
