/**
 * Reads and checks an MCP POST body before anything acts on it: JSON, within the size limit,
 * and one JSON-RPC 2.0 message or a non-empty batch of them. Anything else is a 400 (415 for a
 * wrong content type, 413 for too large), never a 500.
 */
import type { IncomingMessage } from 'node:http';
import { type JSONRPCMessage, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { RequestError } from './errors.js';

/** Largest body accepted: 1 MiB. Tool arguments are small; this bounds memory per request. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body as read: the parsed JSON (handed to the SDK as is) and its messages. */
export interface JsonRpcBody {
  json: unknown;
  messages: JSONRPCMessage[];
}

function tooLarge(): RequestError {
  return new RequestError(
    413,
    'request_too_large',
    `The body is larger than ${MAX_BODY_BYTES} bytes.`,
  );
}

async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Checks the shape: one JSON-RPC message, or a non-empty array of them. */
export function parseJsonRpcMessages(json: unknown): JSONRPCMessage[] | undefined {
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return undefined;
  const messages: JSONRPCMessage[] = [];
  for (const item of items) {
    const parsed = JSONRPCMessageSchema.safeParse(item);
    if (!parsed.success) return undefined;
    messages.push(parsed.data);
  }
  return messages;
}

/** Reads the request body; rejects with a `RequestError` saying what is wrong with it. */
export async function readJsonRpcBody(
  req: IncomingMessage,
  contentType: string,
  limit: number = MAX_BODY_BYTES,
): Promise<JsonRpcBody> {
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new RequestError(415, 'unsupported_media_type', 'The body must be application/json.');
  }
  const raw = await readRaw(req, limit);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new RequestError(400, 'invalid_request', 'The body is not valid JSON.');
  }
  const messages = parseJsonRpcMessages(json);
  if (messages === undefined) {
    throw new RequestError(400, 'invalid_request', 'The body is not a JSON-RPC 2.0 message.');
  }
  return { json, messages };
}
