import { describe, expect, it } from 'vitest';
import { parseApiTokenForm, readApiTokenForm } from './api-token-form.js';

const limits = { maxDays: 365, allowedScopes: ['read:jira-work', 'read:jsm', 'write:jsm'] };

describe('parseApiTokenForm: accepted', () => {
  it.each([
    [
      'a name, days and scopes',
      { name: ' CI bot ', expiresInDays: '30', scopes: ['read:jsm', 'write:jsm'] },
      { name: 'CI bot', expiresInDays: 30, scopes: ['read:jsm', 'write:jsm'] },
    ],
    [
      'one scope as a plain string',
      { name: 'x', expiresInDays: '1', scopes: 'read:jsm' },
      { name: 'x', expiresInDays: 1, scopes: ['read:jsm'] },
    ],
    [
      'no scope, meaning every allowed scope',
      { name: 'x', expiresInDays: '365' },
      { name: 'x', expiresInDays: 365, scopes: null },
    ],
    [
      'an 80-character name',
      { name: 'n'.repeat(80), expiresInDays: '7' },
      { name: 'n'.repeat(80), expiresInDays: 7, scopes: null },
    ],
  ])('%s', (_name, body, request) => {
    expect(parseApiTokenForm(body, limits)).toEqual({ ok: true, request });
  });
});

describe('parseApiTokenForm: refused, naming the field', () => {
  it.each([
    ['an empty name', { name: '  ', expiresInDays: '30' }, 'name', 'Give the token a name'],
    ['an 81-character name', { name: 'n'.repeat(81), expiresInDays: '30' }, 'name', 'at most 80'],
    ['a control character', { name: 'a\u0007b', expiresInDays: '30' }, 'name', 'Use letters'],
    ['zero days', { name: 'x', expiresInDays: '0' }, 'expiresInDays', 'from 1 to 365'],
    ['366 days', { name: 'x', expiresInDays: '366' }, 'expiresInDays', 'from 1 to 365'],
    ['half a day', { name: 'x', expiresInDays: '1.5' }, 'expiresInDays', 'whole number'],
    ['no days', { name: 'x', expiresInDays: '' }, 'expiresInDays', 'whole number'],
    [
      'a scope the org does not allow',
      { name: 'x', expiresInDays: '3', scopes: ['read:jsm', 'write:bitbucket'] },
      'scopes',
      'does not allow write:bitbucket',
    ],
  ])('%s', (_name, body, fieldName, message) => {
    const result = parseApiTokenForm(body, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[fieldName as 'name']).toContain(message);
  });

  it("keeps to the org's shorter maximum", () => {
    const result = parseApiTokenForm(
      { name: 'x', expiresInDays: '31' },
      { ...limits, maxDays: 30 },
    );
    expect(result).toMatchObject({
      ok: false,
      errors: { expiresInDays: expect.stringContaining('from 1 to 30') },
    });
  });

  it('gives the values back as typed, to re-fill the form', () => {
    const result = parseApiTokenForm(
      { name: '', expiresInDays: 'soon', scopes: 'read:jsm' },
      limits,
    );
    expect(result).toMatchObject({
      ok: false,
      values: { name: '', expiresInDays: 'soon', scopes: ['read:jsm'] },
    });
  });
});

describe('readApiTokenForm', () => {
  it.each([
    ['nothing', undefined, { name: '', expiresInDays: '', scopes: [] }],
    [
      'numbers and objects instead of text',
      { name: 5, expiresInDays: {}, scopes: [1, 'a', 'a'] },
      { name: '', expiresInDays: '', scopes: ['a'] },
    ],
  ])('copes with %s', (_name, body, expected) => {
    expect(readApiTokenForm(body)).toEqual(expected);
  });
});
