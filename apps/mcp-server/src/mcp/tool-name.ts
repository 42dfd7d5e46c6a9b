/**
 * Tool names come from the client: a `tools/call` may name a tool that does not exist, at any
 * length up to the body limit (1 MiB). What is written down about it — the audit event, the log
 * line, the "unknown tool" error — keeps the first `MAX_RECORDED_TOOL_NAME_LENGTH` characters,
 * readable, and says that the rest was cut and how long the name was.
 */

/** Longest tool name recorded as sent, in UTF-16 code units; every catalogue name is far shorter. */
export const MAX_RECORDED_TOOL_NAME_LENGTH = 128;

/** A lone high surrogate at the end of a cut: half a character, dropped. */
const TRAILING_HIGH_SURROGATE = /[\uD800-\uDBFF]$/;

/**
 * The name as it may be recorded: unchanged up to 128 characters; otherwise the first 128 and a
 * marker, e.g. `aaaa…aaa… [truncated, 5000 characters]`.
 */
export function recordableToolName(name: string): string {
  if (name.length <= MAX_RECORDED_TOOL_NAME_LENGTH) return name;
  const kept = name.slice(0, MAX_RECORDED_TOOL_NAME_LENGTH).replace(TRAILING_HIGH_SURROGATE, '');
  return `${kept}… [truncated, ${name.length} characters]`;
}
