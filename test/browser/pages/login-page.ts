import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The sign-in page, found by its accessible names (DESIGN.md §3: Email, Password, Sign in). */
export class LoginPage {
  constructor(readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect
      .poll(() => this.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Sign in');
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  }

  errorText(): Promise<string | null> {
    return this.page.getByRole('alert').textContent();
  }
}
