import { createStore } from '@gatehouse/store';
import { ConfigError, parseAsConfig } from '../env.js';
import { verifyAuditLog } from './verify-audit-log.js';

/**
 * `pnpm audit:verify`: checks the audit log's hash chain in the store the authorization server
 * uses (the same DATA_DIR / REDIS_URL environment; DATA_DIR is relative to the working
 * directory, as for `pnpm start:as`). Prints "intact (N events)" or the first broken link.
 * Exit code: 0 intact, 1 broken, 2 could not check.
 */
async function main(): Promise<number> {
  const config = parseAsConfig();
  const store = await createStore({
    dataDir: config.dataDir,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
  });
  try {
    const report = await verifyAuditLog(store.audit);
    (report.exitCode === 0 ? console.log : console.error)(report.message);
    return report.exitCode;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Could not verify the audit log: ${String(error)}`,
    );
    process.exit(2);
  },
);
