// The playground's requests, read and checked: what the page may send, and the errors it gets back.
import type { IncomingMessage } from 'node:http';
import { readBody } from '../http-io.ts';
import type { ClickRequest, ModalSubmitRequest, SendRequest } from './protocol.ts';

/** Slack refuses longer messages from its own client. */
const MAX_TEXT = 4000;
/** Requests to the playground are small JSON objects. */
const MAX_BODY_BYTES = 64 * 1024;
/** A request the playground refuses: a status, Slack-style error code and a sentence for the page to show. */
export class PlaygroundRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = this.constructor.name;
  }
}

/** Reads a JSON object body; only `application/json` is taken, so another web page cannot post here unasked. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new PlaygroundRequestError(
      415,
      'invalid_content_type',
      'Send JSON (Content-Type: application/json).',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(await readBody(req, MAX_BODY_BYTES));
  } catch {
    throw new PlaygroundRequestError(400, 'invalid_json', 'The request body is not a JSON object.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PlaygroundRequestError(400, 'invalid_json', 'The request body is not a JSON object.');
  }
  return value as Record<string, unknown>;
}

function requiredString(body: Record<string, unknown>, field: string, pattern: RegExp): string {
  const value = body[field];
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new PlaygroundRequestError(400, 'invalid_arguments', `${field} is missing or malformed.`);
  }
  return value;
}

function optionalString(body: Record<string, unknown>, field: string, pattern: RegExp): string | undefined {
  return body[field] === undefined || body[field] === null ? undefined : requiredString(body, field, pattern);
}

const CHANNEL_ID = /^[CDG][A-Z0-9]{1,30}$/;
const TS = /^\d{1,12}\.\d{6}$/;
const ACTION_ID = /^[\w.:-]{1,255}$/;

export function parseSend(body: Record<string, unknown>): SendRequest {
  const channel = requiredString(body, 'channel', CHANNEL_ID);
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (text === '') throw new PlaygroundRequestError(400, 'no_text', 'Type a message first.');
  if (text.length > MAX_TEXT) {
    throw new PlaygroundRequestError(400, 'msg_too_long', `Messages are limited to ${MAX_TEXT} characters.`);
  }
  const threadTs = optionalString(body, 'threadTs', TS);
  return threadTs === undefined ? { channel, text } : { channel, text, threadTs };
}

export function parseClick(body: Record<string, unknown>): ClickRequest {
  const request = {
    channel: requiredString(body, 'channel', CHANNEL_ID),
    ts: requiredString(body, 'ts', TS),
    actionId: requiredString(body, 'actionId', ACTION_ID),
  };
  const blockId = optionalString(body, 'blockId', /^[^\s]{0,255}$/);
  const feedback = optionalString(body, 'feedback', /^(positive|negative)$/);
  const value = optionalString(body, 'value', /^[\s\S]{0,3000}$/);
  return {
    ...request,
    ...(blockId === undefined || blockId === '' ? {} : { blockId }),
    ...(feedback === 'positive' || feedback === 'negative' ? { feedback } : {}),
    ...(value === undefined ? {} : { value }),
  };
}

/** `POST /playground/modal`: the modal's view id and its inputs as Slack's `state.values`. */
export function parseModalSubmit(body: Record<string, unknown>): ModalSubmitRequest {
  const viewId = requiredString(body, 'viewId', /^V[A-Z0-9]{2,}$/);
  const values = body.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new PlaygroundRequestError(400, 'invalid_values', 'values must be an object of block ids.');
  }
  return { viewId, values: values as Record<string, unknown> };
}

/** Typed text as Slack passes it on: `&`, `<` and `>` as entities, its control characters. */
export function escapeTyped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A typed message as Slack's client sends it: escaped, with `@talkbot` turned into a real mention `<@U…>`. */
export function typedMessageForSlack(text: string, bot: { id: string; name: string }): string {
  const name = bot.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return escapeTyped(text).replace(new RegExp(`(^|[^\\w@])@${name}\\b`, 'gi'), `$1<@${bot.id}>`);
}
