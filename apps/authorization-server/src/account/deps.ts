import type { OrgSettingsReader } from '@gatehouse/org-settings';
import type { Store } from '@gatehouse/store';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { ClientBlocks } from '../clients/client-blocks.js';
import type { DocumentClients } from '../clients/document-clients.js';
import type { AsConfig } from '../env.js';
import type { UsageRecorder } from '../grants/usage.js';
import type { CredentialDeps } from '../sign-in/check-credentials.js';
import type { AccountSessions } from './session.js';

/** What the account pages and the admin console need, passed down once from `createApp`. */
export interface PageDeps {
  config: AsConfig;
  store: Store;
  settings: OrgSettingsReader;
  audit: AuditWriter;
  logger: Logger;
  /** Key for the forms' CSRF tokens. */
  csrfKey: string;
  sessions: AccountSessions;
  /** The same throttling and neutral errors as the OAuth sign-in. */
  credentials: CredentialDeps;
  usage: UsageRecorder;
  blocks: ClientBlocks;
  /** Clients known by their metadata documents (never stored as `Client`). */
  documentClients: DocumentClients;
  /** Clients from configuration (the resource server's), shown but never deleted or blocked. */
  staticClients: ReadonlyArray<{ clientId: string; name: string }>;
}
