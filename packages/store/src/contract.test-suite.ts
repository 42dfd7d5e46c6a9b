import { describeApiTokensContract } from './contract-suite/api-tokens.js';
import { describeAuditContract } from './contract-suite/audit.js';
import { describeAuditChainContract } from './contract-suite/audit-chain.js';
import { type StoreHarnessFactory, useContractContext } from './contract-suite/context.js';
import { describeEventsContract } from './contract-suite/events.js';
import {
  describeKeyMaterialContract,
  describeRecordsContract,
} from './contract-suite/keys-and-records.js';
import { describeLifecycleContract } from './contract-suite/lifecycle.js';
import { describeLimitsContract } from './contract-suite/limits.js';
import { describeOidcContract } from './contract-suite/oidc.js';
import { describeSettingsContract } from './contract-suite/settings.js';
import { describeUsersContract } from './contract-suite/users.js';

export type {
  AuditCorruption,
  ChildStoreConfig,
  StoreHarness,
  StoreHarnessFactory,
} from './contract-suite/context.js';

/**
 * The storage contract as tests: every method of every part, run against one backend. Call it
 * inside a `describe` of the backend's test file with a factory that gives each test a harness
 * on fresh storage (sqlite.test.ts, redis.test.ts).
 */
export function describeStoreContract(createHarness: StoreHarnessFactory): void {
  const ctx = useContractContext(createHarness);
  describeOidcContract(ctx);
  describeUsersContract(ctx);
  describeSettingsContract(ctx);
  describeApiTokensContract(ctx);
  describeAuditContract(ctx);
  describeAuditChainContract(ctx);
  describeKeyMaterialContract(ctx);
  describeRecordsContract(ctx);
  describeEventsContract(ctx);
  describeLimitsContract(ctx);
  describeLifecycleContract(ctx);
}
