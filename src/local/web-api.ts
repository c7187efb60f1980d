import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiMethod, TokenKind } from './api-methods.ts';
import type { JsonObject } from './block-rules.ts';
import { SlackApiError } from './errors.ts';
import { answerFor, type Faults } from './faults.ts';
import { BodyTooLargeError, parseArgs, readBody, sendJson } from './http-io.ts';
import type { RecordStore } from './store.ts';

/** What the `/api/<method>` endpoint needs. */
export interface WebApiContext {
  readonly store: RecordStore;
  readonly faults: Faults;
  readonly methods: ReadonlyMap<string, ApiMethod>;
  readonly tokens: Readonly<Record<TokenKind, string>>;
}

/** The token from `Authorization: Bearer ...`, else from the `token` argument (both are accepted by Slack). */
function tokenOf(req: IncomingMessage, args: JsonObject): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) return match[1];
  return typeof args.token === 'string' && args.token !== '' ? args.token : undefined;
}

/** Slack's auth error for a token: none, of the wrong kind, or unknown; undefined when the token fits. */
function authError(
  token: string | undefined,
  wanted: TokenKind,
  tokens: WebApiContext['tokens'],
): string | undefined {
  if (token === undefined) return 'not_authed';
  if (token === tokens[wanted]) return undefined;
  return Object.values(tokens).includes(token) ? 'not_allowed_token_type' : 'invalid_auth';
}

/** Answers one Web API call; records it; never throws (a broken request gets an error answer, not a crash). */
export async function handleApiCall(
  context: WebApiContext,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { store, faults, methods, tokens } = context;
  if (faults.takeDrop(method)) {
    store.addCall({ method, args: {}, ok: false, error: 'connection_dropped' });
    req.socket.destroy();
    return;
  }
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    sendJson(res, tooLarge ? 413 : 400, {
      ok: false,
      error: tooLarge ? 'request_too_large' : 'invalid_request',
    });
    return;
  }
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://stand-in').searchParams);
  const parsed = parseArgs(req.headers['content-type'], raw);
  if (parsed === undefined) {
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    const error = isJson ? 'invalid_json' : 'invalid_form_data';
    store.addCall({ method, args: {}, ok: false, error });
    sendJson(res, 400, { ok: false, error });
    return;
  }
  const allArgs = { ...query, ...parsed };
  const token = tokenOf(req, allArgs);
  const { token: _token, ...args } = allArgs;
  const answer = (status: number, body: JsonObject, headers: Record<string, string> = {}): void => {
    const ok = body.ok === true;
    store.addCall({ method, args, ok, ...(ok ? {} : { error: String(body.error) }) });
    sendJson(res, status, body, headers);
  };

  const handler = methods.get(method);
  if (handler === undefined) return answer(200, { ok: false, error: 'unknown_method' });
  const refused = authError(token, handler.token, tokens);
  if (refused !== undefined) return answer(200, { ok: false, error: refused });
  const fault = faults.take(method);
  if (fault !== undefined) {
    const { status, headers, body } = answerFor(fault);
    return answer(status, body, headers);
  }
  try {
    answer(200, handler.run(args));
  } catch (error) {
    if (error instanceof SlackApiError) {
      const metadata = error.messages.length > 0 ? { response_metadata: { messages: error.messages } } : {};
      answer(200, { ok: false, error: error.code, ...metadata });
      return;
    }
    // A bug in the stand-in itself: say what it was, since a test would otherwise see only `internal_error`.
    answer(500, { ok: false, error: 'internal_error', stand_in_error: String(error) });
  }
}
