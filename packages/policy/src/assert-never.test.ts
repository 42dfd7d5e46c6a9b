import { describe, expect, it } from 'vitest';
import { assertNever } from './assert-never.js';

describe('assertNever', () => {
  it('throws naming the value a switch did not handle', () => {
    expect(() => assertNever('surprise' as never)).toThrow('Unhandled case: "surprise"');
  });
});
