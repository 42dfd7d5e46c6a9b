import { describe, expect, it } from 'vitest';
import { type LoginPageOptions, renderLoginPage } from './login-page.js';
import {
  attributeNames,
  expectSafeDocument,
  HOSTILE_VALUES,
  tagsNamed,
  tagWithId,
  textOf,
} from './test-page-checks.js';

const BASE: LoginPageOptions = {
  action: '/interaction/abc123/login',
  csrfToken: 'csrf-token-1',
  clientName: 'Claude',
};

describe('renderLoginPage: the contract', () => {
  const doc = renderLoginPage(BASE);

  it('is a safe document titled "Sign in"', () => {
    expectSafeDocument(doc);
    expect(doc).toContain('<title>Sign in · Gatehouse</title>');
    expect(doc).toContain('<h1>Sign in</h1>');
  });

  it('names the client it signs in to', () => {
    expect(textOf(doc)).toContain('to continue to Claude');
  });

  it.each([
    ['email', 'Email', ['name="email"', 'type="email"', 'autocomplete="username"', 'required']],
    [
      'password',
      'Password',
      ['name="password"', 'type="password"', 'autocomplete="current-password"', 'required'],
    ],
  ])('labels the %s input "%s"', (id, label, attributes) => {
    expect(doc).toContain(`<label for="${id}">${label}</label>`);
    const input = tagWithId(doc, id);
    for (const attribute of attributes) expect(input).toContain(attribute);
  });

  it('has one "Sign in" submit button', () => {
    expect(doc.match(/<button type="submit"[^>]*>Sign in<\/button>/g)).toHaveLength(1);
    expect(tagsNamed(doc, 'button')).toHaveLength(1);
  });

  it('POSTs to the given action with the CSRF token', () => {
    expect(doc).toContain('<form method="post" action="/interaction/abc123/login">');
    expect(doc).toContain('<input type="hidden" name="csrf" value="csrf-token-1">');
  });

  it('starts focus on Email and shows no alert', () => {
    expect(tagWithId(doc, 'email')).toContain('autofocus');
    expect(tagWithId(doc, 'password')).not.toContain('autofocus');
    expect(doc).not.toContain('role="alert"');
    expect(doc).not.toContain('aria-describedby');
  });
});

describe('renderLoginPage: after a failed attempt', () => {
  const doc = renderLoginPage({
    ...BASE,
    email: 'bob@example.com',
    error: 'Email or password is wrong.',
  });

  it('shows the error in an alert above the form', () => {
    const alert = tagWithId(doc, 'login-error');
    expect(alert).toContain('role="alert"');
    expect(doc).toContain('>Email or password is wrong.</div>');
    expect(doc.indexOf('role="alert"')).toBeLessThan(doc.indexOf('<form'));
  });

  it.each(['email', 'password'])('ties the %s input to the alert', (id) => {
    const input = tagWithId(doc, id);
    expect(input).toContain('aria-describedby="login-error"');
    expect(input).toContain('aria-invalid="true"');
  });

  it('refills Email and moves focus to Password', () => {
    expect(tagWithId(doc, 'email')).toContain('value="bob@example.com"');
    expect(tagWithId(doc, 'email')).not.toContain('autofocus');
    expect(tagWithId(doc, 'password')).toContain('autofocus');
  });

  it('never refills the password', () => {
    expect(tagWithId(doc, 'password')).not.toContain('value=');
  });
});

describe.each(HOSTILE_VALUES)('renderLoginPage with the hostile value %j', (hostile) => {
  const doc = renderLoginPage({
    action: '/interaction/x/login',
    csrfToken: hostile,
    clientName: hostile,
    email: hostile,
    error: hostile,
  });

  it('escapes it everywhere', () => {
    expectSafeDocument(doc);
    expect(doc).not.toContain(hostile);
  });

  it.each([
    [
      'email',
      [
        'id',
        'name',
        'type',
        'autocomplete',
        'required',
        'value',
        'aria-describedby',
        'aria-invalid',
      ],
    ],
    [
      'password',
      [
        'id',
        'name',
        'type',
        'autocomplete',
        'required',
        'autofocus',
        'aria-describedby',
        'aria-invalid',
      ],
    ],
  ])('keeps the %s input to its own attributes', (id, names) => {
    expect(attributeNames(tagWithId(doc, id))).toEqual(names);
  });
});
