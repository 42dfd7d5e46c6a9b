import type { z } from 'zod';
import { invalidInput } from './errors.js';

/**
 * Parses tool input with a zod schema. On failure throws `invalid_input` whose message names
 * every field at fault (`summary: must not be empty`) and whose `field` is the first of them.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return { field: path || 'input', text: `${path || 'input'}: ${issue.message}` };
  });
  const first = problems[0]?.field ?? 'input';
  throw invalidInput(first, `Invalid input. ${problems.map((p) => p.text).join('; ')}.`);
}
