import type { z } from 'zod';

/** A configuration the server must not start with; the message names the problem and the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** One line per zod issue, `- PATH: message`, in the schema's order. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`).join('\n');
}

/**
 * Parses the environment with `schema`. Throws `ConfigError` naming every problem at once
 * ("Invalid environment:" and one line per variable), so one start-up shows them all.
 */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment:\n${formatIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Throws `ConfigError` listing every problem when there is any: production mode refuses to
 * start on what it must never run with (DESIGN.md §3). Each problem is a sentence naming the
 * variable, what is wrong and what to do.
 */
export function refuseInProduction(problems: readonly string[]): void {
  if (problems.length === 0) return;
  throw new ConfigError(
    `Refusing to start in production mode:\n${problems.map((p) => `- ${p}`).join('\n')}`,
  );
}
