import type { Page } from 'playwright-core';
import { expect } from 'vitest';

async function heading(page: Page): Promise<string> {
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

/** `/admin/settings`: the API-token switch (with its confirmation) and the settings form. */
export class AdminSettingsPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/settings`);
    await expect.poll(() => heading(this.page)).toBe('Organization settings');
  }

  /** "On" or "Off", as the status badge says. */
  apiTokenAuthStatus(): Promise<string | null> {
    return this.page.locator('#api-token-auth ~ p .badge').textContent();
  }

  /** Asks to switch API-token authentication; returns the confirmation step. */
  async askToTurnApiTokenAuth(on: boolean): Promise<ConfirmSwitchPage> {
    const name = on ? 'Turn on API-token authentication…' : 'Turn off API-token authentication…';
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name }).click(),
    ]);
    return new ConfirmSwitchPage(this.page, on);
  }

  notice(): Promise<string | null> {
    return this.page.getByRole('status').textContent();
  }
}

/** The confirmation that says what switching API-token authentication will break or enable. */
export class ConfirmSwitchPage {
  constructor(
    readonly page: Page,
    readonly on: boolean,
  ) {}

  heading(): Promise<string> {
    return heading(this.page);
  }

  consequences(): Promise<string> {
    return this.page
      .locator('main ul')
      .textContent()
      .then((text) => text ?? '');
  }

  async confirm(): Promise<AdminSettingsPage> {
    const name = this.on ? 'Turn on API-token authentication' : 'Turn off API-token authentication';
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name, exact: true }).click(),
    ]);
    return new AdminSettingsPage(this.page);
  }
}

/** `/admin/audit`: filters, and the events table. */
export class AuditLogPage {
  constructor(readonly page: Page) {}

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/audit`);
    await expect.poll(() => heading(this.page)).toBe('Audit log');
  }

  async filterByActor(actor: string): Promise<void> {
    await this.page.getByLabel('Actor (email or id)').fill(actor);
    await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name: 'Filter' }).click(),
    ]);
  }

  /** The action of every listed event, newest first. */
  actions(): Promise<string[]> {
    return this.page
      .locator('tr[data-action]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action') ?? ''));
  }
}

/** What someone who is not an org admin sees at `/admin`. */
export class ForbiddenPage {
  constructor(readonly page: Page) {}

  heading(): Promise<string> {
    return heading(this.page);
  }
}
