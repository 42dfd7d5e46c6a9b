/**
 * Params checked before the MCP SDK sees them. SDK 1.32 parses a request's params inside the
 * handler and answers a failure with JSON-RPC -32603 (internal error) and the zod issue list as
 * the message (typescript-sdk#2284). Here the same SDK schemas decide first, and a failure is
 * answered -32602 (invalid params) with a short sentence naming the fields, never zod's text.
 *
 * Only requests are checked (a notification gets no answer either way), and only the methods
 * this server serves; the SDK answers any other method -32601 itself.
 */
import {
  CallToolRequestSchema,
  ErrorCode,
  InitializeRequestSchema,
  type JSONRPCMessage,
  ListToolsRequestSchema,
  PingRequestSchema,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';

/** The SDK's own request schemas for the methods this server serves. */
const REQUEST_SCHEMAS = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  'tools/list': ListToolsRequestSchema,
  'tools/call': CallToolRequestSchema,
} as const;

/** How many field problems one message names at most. */
const MAX_PROBLEMS = 3;
/** Longest field path named, in characters (paths follow the schema, so this is generous). */
const MAX_FIELD_LENGTH = 64;

/**
 * JSON-RPC 2.0 §5.1 leaves -32000 to -32099 to the implementation: the code for a request in a
 * batch that was not run because another request of the batch has invalid params.
 */
export const NOT_RUN_ERROR_CODE = -32000;

/** The words for the types the SDK's schemas expect; anything else is "not valid". */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  record: 'an object',
  array: 'an array',
};

/** The subset of a zod issue read here: where, what kind, and the expected type. */
interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: unknown;
}

function valueAt(message: unknown, path: readonly PropertyKey[]): unknown {
  let value = message;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(message: JSONRPCMessage, issue: Issue): string {
  const field = issue.path.map(String).join('.').slice(0, MAX_FIELD_LENGTH) || 'the message';
  const type = typeof issue.expected === 'string' ? TYPE_NAMES[issue.expected] : undefined;
  if (issue.code !== 'invalid_type' || type === undefined) return `${field} is not valid`;
  if (valueAt(message, issue.path) === undefined) return `${field} is missing (${type})`;
  return `${field} must be ${type}`;
}

/** The sentence for one request's params problems, or undefined when the SDK would accept them. */
export function checkRequestParams(message: JSONRPCMessage): string | undefined {
  if (!('method' in message) || !('id' in message)) return undefined;
  if (!Object.hasOwn(REQUEST_SCHEMAS, message.method)) return undefined;
  const schema = REQUEST_SCHEMAS[message.method as keyof typeof REQUEST_SCHEMAS];
  const parsed = schema.safeParse(message);
  if (parsed.success) return undefined;
  const problems = (parsed.error.issues as Issue[])
    .slice(0, MAX_PROBLEMS)
    .map((issue) => describeIssue(message, issue));
  return `Invalid params for ${message.method}: ${problems.join('; ')}.`;
}

const NOT_RUN_MESSAGE =
  'Not run: another request in this batch has invalid params; send it corrected, or on its own.';

const errorResponse = (id: RequestId, code: number, message: string) => ({
  jsonrpc: '2.0' as const,
  id,
  error: { code, message },
});

/**
 * The JSON-RPC answer when some request has invalid params, else undefined. A single message
 * gets its -32602; a batch is answered whole, here: -32602 for each request with invalid params,
 * `NOT_RUN_ERROR_CODE` for each other request (none of the batch is run).
 */
export function invalidParamsAnswer(messages: readonly JSONRPCMessage[]): unknown {
  const requests = messages.flatMap((message) =>
    'method' in message && 'id' in message
      ? [{ id: message.id, problem: checkRequestParams(message) }]
      : [],
  );
  if (requests.every(({ problem }) => problem === undefined)) return undefined;
  const responses = requests.map(({ id, problem }) =>
    problem === undefined
      ? errorResponse(id, NOT_RUN_ERROR_CODE, NOT_RUN_MESSAGE)
      : errorResponse(id, ErrorCode.InvalidParams, problem),
  );
  return responses.length === 1 ? responses[0] : responses;
}
