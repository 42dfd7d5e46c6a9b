import { describe, expect, it } from 'vitest';
import { renderErrorPage } from './error-page.js';
import { expectSafeDocument, HOSTILE_VALUES, textOf } from './test-page-checks.js';

describe('renderErrorPage', () => {
  const doc = renderErrorPage({
    title: 'Your sign-in has expired',
    message: 'You took too long to finish signing in.',
    status: 400,
    details: 'session_expired',
  });
  const text = textOf(doc);

  it('is a safe document whose heading and title are the error title', () => {
    expectSafeDocument(doc);
    expect(doc).toContain('<h1>Your sign-in has expired</h1>');
    expect(doc).toContain('<title>Your sign-in has expired · Gatehouse</title>');
  });

  it.each([
    ['the explanation', 'You took too long to finish signing in.'],
    ['what to do next', 'Start again from the app you were using.'],
    ['the details', 'Details: session_expired'],
    ['the status', 'Error 400'],
  ])('shows %s', (_name, expected) => {
    expect(text).toContain(expected);
  });

  it.each([
    ['status', { status: undefined }, 'Error '],
    ['details', { details: undefined }, 'Details:'],
  ])('leaves out %s when not given', (_name, overrides, absent) => {
    const out = renderErrorPage({
      title: 't',
      message: 'm',
      status: 500,
      details: 'd',
      ...overrides,
    });
    expect(textOf(out)).not.toContain(absent);
    expect(textOf(out)).toContain('Start again from the app you were using.');
  });

  it.each(HOSTILE_VALUES)('escapes the hostile value %j in every field', (hostile) => {
    const out = renderErrorPage({
      title: hostile,
      message: hostile,
      details: hostile,
      status: 403,
    });
    expectSafeDocument(out);
    expect(out).not.toContain(hostile);
  });
});
