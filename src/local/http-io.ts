import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonObject, type JsonObject } from './block-rules.ts';

/** Far above any message Slack accepts; keeps a runaway client from filling memory. */
const MAX_BODY_BYTES = 2_000_000;

/** The request body was larger than the stand-in accepts. */
export class BodyTooLargeError extends Error {}

/** Reads the whole request body as UTF-8. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`request body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers with a JSON body, as Slack's Web API does (`application/json; charset=utf-8`). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A form body's fields; a repeated field keeps its last value. */
export function parseForm(raw: string): JsonObject {
  return Object.fromEntries(new URLSearchParams(raw));
}

/** The arguments of a JSON or form-encoded body (or an empty body); undefined when the body is malformed. */
export function parseArgs(contentType: string | undefined, raw: string): JsonObject | undefined {
  if (raw.trim() === '') return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const value: unknown = JSON.parse(raw);
      return isJsonObject(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') return parseForm(raw);
  return undefined;
}
