import { describe, expect, it } from 'vitest';
import { renderMessagePage } from './message-page.js';
import { expectSafeDocument, HOSTILE_VALUES } from './test-page-checks.js';

describe('renderMessagePage', () => {
  it('shows the title as heading and document title, then the message', () => {
    const doc = renderMessagePage({
      title: 'You are signed out',
      message: 'You can close this tab.',
    });
    expectSafeDocument(doc);
    expect(doc).toContain('<title>You are signed out · Gatehouse</title>');
    expect(doc).toMatch(/<h1>You are signed out<\/h1>\s*<p>You can close this tab.<\/p>/);
  });

  it.each(HOSTILE_VALUES)('escapes the hostile value %j', (hostile) => {
    const doc = renderMessagePage({ title: hostile, message: hostile });
    expectSafeDocument(doc);
    expect(doc).not.toContain(hostile);
  });
});
