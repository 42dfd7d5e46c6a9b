import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The consent page: what the app asks for, and the Allow and Deny buttons. */
export class ConsentPage {
  constructor(readonly page: Page) {}

  async expectShown(clientName: string): Promise<void> {
    await expect
      .poll(() => this.page.getByRole('heading', { level: 1 }).textContent())
      .toContain(clientName);
  }

  /** The scopes listed on the page, by their `data-scope` markers. */
  scopes(): Promise<string[]> {
    return this.page
      .locator('[data-scope]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-scope') ?? ''));
  }

  bodyText(): Promise<string> {
    return this.page
      .locator('main')
      .textContent()
      .then((text) => text ?? '');
  }

  async allow(): Promise<void> {
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name: 'Allow' }).click(),
    ]);
  }

  async deny(): Promise<void> {
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name: 'Deny' }).click(),
    ]);
  }

  /** Replaces the form's CSRF token, as a forged cross-site post would carry a wrong one. */
  async forgeCsrfToken(): Promise<void> {
    await this.page.locator('input[name="csrf"]').evaluate((input) => {
      (input as unknown as { value: string }).value = 'forged-token';
    });
  }
}
