import { openStore } from '@gatehouse/server-kit';
import { ConfigError, parseAsConfig } from '../env.js';
import { AUDIT_VERIFY_USAGE, parseAuditVerifyArgs, UsageError } from './verify-args.js';
import { verifyAuditLog } from './verify-audit-log.js';

/**
 * `pnpm audit:verify [--expect-head <seq>:<hash>] [--require-keyed]`: checks the audit log's
 * hash chain in the store the authorization server uses (the same DATA_DIR / REDIS_URL and
 * AUDIT_CHAIN_KEY environment; DATA_DIR is relative to the working directory, as for
 * `pnpm start:as`). Prints "intact (N events)" and the head, or the first broken link, or the
 * truncation. Exit code: 0 intact, 1 broken or truncated, 2 could not check.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseAuditVerifyArgs(argv);
  if (args.help) {
    console.log(AUDIT_VERIFY_USAGE);
    return 0;
  }
  const config = parseAsConfig();
  const store = await openStore(config);
  try {
    const { help: _, ...options } = args;
    const report = await verifyAuditLog(store.audit, options);
    (report.exitCode === 0 ? console.log : console.error)(report.message);
    return report.exitCode;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${AUDIT_VERIFY_USAGE}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else console.error(`Could not verify the audit log: ${String(error)}`);
    process.exit(2);
  },
);
