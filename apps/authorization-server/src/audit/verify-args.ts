import { parseArgs } from 'node:util';
import type { AuditChainHead, AuditVerifyOptions } from '@gatehouse/store';

/** What `pnpm audit:verify --help` prints. */
export const AUDIT_VERIFY_USAGE = `Usage: pnpm audit:verify [--expect-head <seq>:<hash>] [--require-keyed]

Checks the audit log's hash chain in the store the authorization server uses (DATA_DIR or
REDIS_URL, and AUDIT_CHAIN_KEY, from the same environment). On success it prints the head
(seq and hash): record it, and pass it back next time.

  --expect-head <seq>:<hash>  a head seen earlier (a previous run's, or the seq and hash of an
                              audit log line a SIEM kept): the chain must still hold that hash
                              at that seq, else it was truncated (newest events deleted)
  --require-keyed             refuse events hashed without the chain key (plain SHA-256, from
                              before the chain was keyed): for chains keyed from event 1
  --help                      print this

Exit code: 0 intact, 1 broken or truncated, 2 could not check.`;

/** A command line `pnpm audit:verify` cannot run with; the message says what is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const HEAD = /^(\d{1,15}):([0-9a-f]{64})$/;

/** Parses `<seq>:<hash>` (decimal seq, 64 lower-case hex digits), as printed on success. */
export function parseChainHead(text: string): AuditChainHead {
  const match = HEAD.exec(text.trim());
  if (match === null) {
    throw new UsageError(
      `--expect-head must be <seq>:<hash> (a decimal seq and 64 lower-case hex digits), got "${text}"`,
    );
  }
  return { seq: Number(match[1]), hash: match[2] as string };
}

/**
 * The verification options and whether help was asked for, from the arguments after the
 * script name. A bare `--` (which some pnpm versions pass through) is ignored. Throws
 * `UsageError` for anything else it does not know.
 */
export function parseAuditVerifyArgs(argv: string[]): AuditVerifyOptions & { help: boolean } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv.filter((arg) => arg !== '--'));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  return {
    help: values.help === true,
    ...(values['expect-head'] === undefined
      ? {}
      : { expectHead: parseChainHead(values['expect-head']) }),
    ...(values['require-keyed'] === true ? { requireKeyed: true } : {}),
  };
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      'expect-head': { type: 'string' },
      'require-keyed': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
