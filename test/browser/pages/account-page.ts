import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** `/account`: the signed-in user's API tokens and connected apps. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/account`);
  }

  async expectShown(): Promise<void> {
    await expect
      .poll(() => this.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Your account');
  }

  async startNewToken(): Promise<NewApiTokenPage> {
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('link', { name: 'Create an API token' }).click(),
    ]);
    return new NewApiTokenPage(this.page);
  }

  /** The names in the API tokens table. */
  tokenNames(): Promise<string[]> {
    return this.page
      .locator('tr[data-token-id] th')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
  }
}

/** `/account/tokens/new`: name, expiry in days, optional scopes. */
export class NewApiTokenPage {
  constructor(readonly page: Page) {}

  async create(request: {
    name: string;
    days?: number;
    scopes?: string[];
  }): Promise<ApiTokenCreatedPage> {
    await this.page.getByLabel('Name', { exact: true }).fill(request.name);
    if (request.days !== undefined) {
      await this.page.getByLabel('Expires after (days)').fill(String(request.days));
    }
    for (const scope of request.scopes ?? []) {
      await this.page.locator(`input[name="scopes"][value="${scope}"]`).check();
    }
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name: 'Create token' }).click(),
    ]);
    return new ApiTokenCreatedPage(this.page);
  }
}

/** The page that shows a new token once, with its Copy button. */
export class ApiTokenCreatedPage {
  constructor(readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect
      .poll(() => this.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Your new API token');
  }

  /** The token, read from its read-only field as a person would select it. */
  token(): Promise<string> {
    return this.page.getByRole('textbox', { name: /API token/ }).inputValue();
  }

  warning(): Promise<string | null> {
    return this.page.getByRole('alert').textContent();
  }

  /** Clicks Copy (shown only once its script has run) and waits for the announcement. */
  async copy(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy' }).click();
    const status = this.page.getByRole('status');
    await expect.poll(() => status.textContent()).not.toBe('');
    return (await status.textContent()) ?? '';
  }

  clipboard(): Promise<string> {
    // Runs in the page, where `navigator` exists; this package compiles without DOM types.
    return this.page.evaluate('navigator.clipboard.readText()');
  }
}
