import type { OrgSettingsReader } from '@gatehouse/org-settings';
import type { Store } from '@gatehouse/store';
import type Provider from 'oidc-provider';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { AsConfig } from '../env.js';
import type { RateLimiter } from '../http/rate-limiter.js';

/** What the login and consent steps need, passed down once from `createApp`. */
export interface InteractionDeps {
  config: AsConfig;
  provider: Provider;
  store: Store;
  settings: OrgSettingsReader;
  audit: AuditWriter;
  /** Key for the forms' CSRF tokens. */
  csrfKey: string;
  /** Failed sign-ins per client IP, and per account (email). */
  loginLimiters: { perIp: RateLimiter; perAccount: RateLimiter };
  /**
   * A real scrypt hash of a random password, verified against when the email is unknown, so
   * that a wrong email and a wrong password take the same time.
   */
  decoyPasswordHash: string;
}
