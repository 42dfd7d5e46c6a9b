import type { OrgSettingsReader } from '@gatehouse/org-settings';
import type { Store } from '@gatehouse/store';
import Provider from 'oidc-provider';
import type { Logger } from 'pino';
import { apiTokenIntrospection } from '../api-tokens/introspection-hook.js';
import type { AuditWriter } from '../audit/audit-writer.js';
import type { ClientBlocks } from '../clients/client-blocks.js';
import type { DocumentClients } from '../clients/document-clients.js';
import type { AsConfig } from '../env.js';
import type { UsageRecorder } from '../grants/usage.js';
import { buildProviderConfiguration } from './configuration.js';
import { wireProviderEvents } from './events.js';
import type { KeyMaterial } from './key-material.js';
import { logoutSource, postLogoutSuccessSource, renderProviderError } from './pages.js';
import { auditRevocations } from './revocation-audit.js';

export interface CreateProviderOptions {
  config: AsConfig;
  store: Store;
  logger: Logger;
  settings: OrgSettingsReader;
  keys: KeyMaterial;
  introspectionClientSecret: string;
  blocks: ClientBlocks;
  documentClients: DocumentClients;
  usage: UsageRecorder;
  audit: AuditWriter;
  fetch?: typeof fetch;
}

/**
 * oidc-provider, configured (see `configuration.ts`), with our event handlers and the two
 * middleware that run after its own endpoints: API tokens at introspection, and the audit of
 * revocations.
 */
export function createProvider(options: CreateProviderOptions): Provider {
  const { config, store, logger, settings, audit, usage } = options;
  const orgId = config.orgId;
  const provider = new Provider(
    config.issuer,
    buildProviderConfiguration({
      config,
      store,
      settings,
      blocks: options.blocks,
      documentClients: options.documentClients,
      keys: options.keys,
      introspectionClientSecret: options.introspectionClientSecret,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      renderError: renderProviderError,
      logoutSource,
      postLogoutSuccessSource,
    }),
  );
  provider.proxy = config.trustProxy;
  provider.maxIpsCount = config.proxyHops;
  wireProviderEvents(provider, { store, logger, audit, orgId, usage });
  provider.use(
    apiTokenIntrospection({
      introspection: {
        store,
        settings: () => settings.current(),
        orgId,
        issuer: config.issuer,
        mcpResourceUrl: config.mcpResourceUrl,
      },
      resourceServerClientId: config.introspectionClient.clientId,
      store,
      audit,
      usage,
      orgId,
    }),
  );
  provider.use(auditRevocations({ audit, orgId }));
  return provider;
}
