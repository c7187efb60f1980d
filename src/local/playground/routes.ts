import type { IncomingMessage, ServerResponse } from 'node:http';
import { StandInError } from '../errors.ts';
import { readBody, sendJson } from '../http-io.ts';
import type { SlackStandIn } from '../SlackStandIn.ts';
import type { StoreEvent } from '../store.ts';
import { playgroundAssets } from './assets.ts';
import {
  type ClickRequest,
  type ContentStatus,
  type ModalSubmitRequest,
  PLAYGROUND_EVENTS,
  PLAYGROUND_PATHS,
  type PlaygroundReply,
  type PlaygroundStatus,
  type SendRequest,
} from './protocol.ts';
import { messageView, snapshotFor } from './views.ts';

/** What the playground shows and can do beyond the stand-in itself. */
export interface PlaygroundHooks {
  /** What is loaded now; read on each request, so a content reload shows at once. */
  readonly status: () => ContentStatus;
  /** Posts today's reading tip as the schedule would; absent until tips are wired, and the page then says so. */
  readonly postTip?: (() => Promise<void>) | undefined;
  /** The person typing into the page. */
  readonly userId: string;
}

/** The slash commands the app's manifest declares; anything else gets Slack's "not a valid command". */
const COMMANDS = new Set(['/talk']);
/** Slack refuses longer messages from its own client. */
const MAX_TEXT = 4000;
/** Requests to the playground are small JSON objects. */
const MAX_BODY_BYTES = 64 * 1024;
/** A comment line on the event stream this often keeps proxies and idle timers from closing it. */
const HEARTBEAT_MS = 15_000;

/** The page may load only its own files, and talk only to this server; content images may come from the web. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' http: https:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A request the playground refuses: a status, Slack-style error code and a sentence for the page to show. */
class PlaygroundRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = this.constructor.name;
  }
}

function reply(res: ServerResponse, status: number, body: PlaygroundReply): void {
  sendJson(res, status, body, PAGE_HEADERS);
}

function send(res: ServerResponse, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...PAGE_HEADERS,
    ...headers,
  });
  res.end(body);
}

/** Reads a JSON object body; only `application/json` is taken, so another web page cannot post here unasked. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
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

function parseSend(body: Record<string, unknown>): SendRequest {
  const channel = requiredString(body, 'channel', CHANNEL_ID);
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (text === '') throw new PlaygroundRequestError(400, 'no_text', 'Type a message first.');
  if (text.length > MAX_TEXT) {
    throw new PlaygroundRequestError(400, 'msg_too_long', `Messages are limited to ${MAX_TEXT} characters.`);
  }
  const threadTs = optionalString(body, 'threadTs', TS);
  return threadTs === undefined ? { channel, text } : { channel, text, threadTs };
}

function parseClick(body: Record<string, unknown>): ClickRequest {
  const request = {
    channel: requiredString(body, 'channel', CHANNEL_ID),
    ts: requiredString(body, 'ts', TS),
    actionId: requiredString(body, 'actionId', ACTION_ID),
  };
  const blockId = optionalString(body, 'blockId', /^[^\s]{0,255}$/);
  const feedback = optionalString(body, 'feedback', /^(positive|negative)$/) as
    | 'positive'
    | 'negative'
    | undefined;
  const value = optionalString(body, 'value', /^[\s\S]{0,3000}$/);
  return {
    ...request,
    ...(blockId === undefined || blockId === '' ? {} : { blockId }),
    ...(feedback === undefined ? {} : { feedback }),
    ...(value === undefined ? {} : { value }),
  };
}

function parseModalSubmit(body: Record<string, unknown>): ModalSubmitRequest {
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

/** Serves the playground page, its files, its event stream and its small JSON API on the stand-in's server. */
export class PlaygroundRoutes {
  private readonly hooks: PlaygroundHooks;
  private standIn: SlackStandIn | undefined;

  constructor(hooks: PlaygroundHooks) {
    this.hooks = hooks;
  }

  /** Connects the routes to the stand-in once it is listening; until then the page answers 503. */
  attach(standIn: SlackStandIn): void {
    this.standIn = standIn;
  }

  /** The stand-in's `fallback`: every path that is not the Web API, a response_url or Socket Mode. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof PlaygroundRequestError) {
        reply(res, error.status, { ok: false, error: error.code, message: error.message });
      } else if (error instanceof StandInError) {
        // The app did not answer in time, or the click was on a message that is gone: say so on the page.
        reply(res, 502, { ok: false, error: error.code, message: error.message });
      } else {
        reply(res, 500, { ok: false, error: 'internal_error', message: String(error) });
      }
    });
  };

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://playground').pathname;
    const standIn = this.standIn;
    if (standIn === undefined) {
      throw new PlaygroundRequestError(503, 'starting', 'The playground is starting; reload in a moment.');
    }
    const method = req.method ?? 'GET';
    const gets: Record<string, () => Promise<void> | void> = {
      [PLAYGROUND_PATHS.page]: async () => {
        send(res, 'text/html; charset=utf-8', (await playgroundAssets()).html, {
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        });
      },
      [PLAYGROUND_PATHS.script]: async () => {
        send(res, 'text/javascript; charset=utf-8', (await playgroundAssets()).script);
      },
      [PLAYGROUND_PATHS.styles]: async () => {
        send(res, 'text/css; charset=utf-8', (await playgroundAssets()).css);
      },
      [PLAYGROUND_PATHS.icon]: async () => {
        send(res, 'image/svg+xml', (await playgroundAssets()).icon);
      },
      '/favicon.ico': async () => {
        send(res, 'image/svg+xml', (await playgroundAssets()).icon);
      },
      [PLAYGROUND_PATHS.status]: () => {
        const status: PlaygroundStatus = { ...this.hooks.status(), tips: this.hooks.postTip !== undefined };
        sendJson(res, 200, status, PAGE_HEADERS);
      },
      [PLAYGROUND_PATHS.events]: () => this.streamEvents(standIn, res),
    };
    const posts: Record<string, () => Promise<string | undefined>> = {
      [PLAYGROUND_PATHS.send]: async () => this.send(standIn, parseSend(await readJson(req))),
      [PLAYGROUND_PATHS.click]: async () => this.click(standIn, parseClick(await readJson(req))),
      [PLAYGROUND_PATHS.modal]: async () => this.submitModal(standIn, parseModalSubmit(await readJson(req))),
      [PLAYGROUND_PATHS.home]: async () => {
        await standIn.openHome(this.hooks.userId);
        return undefined;
      },
      [PLAYGROUND_PATHS.tip]: async () => {
        if (this.hooks.postTip === undefined) {
          throw new PlaygroundRequestError(
            501,
            'tips_not_wired',
            'Reading tips are not wired into local mode yet.',
          );
        }
        await this.hooks.postTip();
        return undefined;
      },
    };
    const get = Object.hasOwn(gets, path) ? gets[path] : undefined;
    const post = Object.hasOwn(posts, path) ? posts[path] : undefined;
    if ((method === 'GET' || method === 'HEAD') && get !== undefined) {
      await get();
    } else if (method === 'POST' && post !== undefined) {
      const ts = await post();
      reply(res, 200, ts === undefined ? { ok: true } : { ok: true, ts });
    } else if (get !== undefined || post !== undefined) {
      throw new PlaygroundRequestError(405, 'method_not_allowed', `${method} is not allowed on ${path}.`);
    } else {
      throw new PlaygroundRequestError(404, 'not_found', `Nothing at ${path}.`);
    }
  }

  /** Server-Sent Events: a snapshot first, then each message added or changed and each Home view published. */
  private streamEvents(standIn: SlackStandIn, res: ServerResponse): void {
    const { userId } = this.hooks;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      ...PAGE_HEADERS,
    });
    const write = (event: string, data: unknown): void => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    res.write('retry: 1000\n\n');
    write(PLAYGROUND_EVENTS.snapshot, snapshotFor(standIn, userId));
    const unsubscribe = standIn.subscribe((event: StoreEvent) => {
      if (event.type === 'message_added' || event.type === 'message_changed') {
        const view = messageView(standIn.workspace, event.record, userId);
        if (view !== null) write(PLAYGROUND_EVENTS.message, view);
      } else if (event.type === 'home_published' && event.home.userId === userId) {
        write(PLAYGROUND_EVENTS.home, event.home.view);
      }
    });
    const unsubscribeModals = standIn.subscribeModals((modal) => {
      if (modal.userId !== userId) return;
      write(PLAYGROUND_EVENTS.modal, { id: String(modal.view.id), open: modal.open, view: modal.view });
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      unsubscribe();
      unsubscribeModals();
      clearInterval(heartbeat);
    });
  }

  /** `/talk …` runs the slash command; anything else is a message, which Slack delivers as a DM or a mention. */
  private async send(standIn: SlackStandIn, request: SendRequest): Promise<string | undefined> {
    const { userId } = this.hooks;
    const command = /^(\/\S+)(?:\s+([\s\S]*))?$/.exec(request.text);
    if (command) {
      const name = (command[1] ?? '').toLowerCase();
      if (!COMMANDS.has(name)) {
        throw new PlaygroundRequestError(
          400,
          'unknown_command',
          `${name} is not a valid command here. Try /talk testing distributed.`,
        );
      }
      const text = escapeTyped((command[2] ?? '').trim());
      await standIn.slashCommand({ command: name, text, userId, channelId: request.channel });
      return undefined;
    }
    const bot = { id: standIn.workspace.botUserId, name: standIn.workspace.botName };
    const { record } = await standIn.userMessage({
      channelId: request.channel,
      userId,
      text: typedMessageForSlack(request.text, bot),
      ...(request.threadTs === undefined ? {} : { threadTs: request.threadTs }),
    });
    return record.ts;
  }

  private async click(standIn: SlackStandIn, request: ClickRequest): Promise<undefined> {
    const record = standIn.records.find((r) => r.channel === request.channel && r.ts === request.ts);
    if (record === undefined) {
      throw new PlaygroundRequestError(404, 'message_not_found', 'That message is no longer there.');
    }
    const userId = this.hooks.userId;
    if (request.feedback !== undefined) {
      await standIn.clickFeedback({ record, positive: request.feedback === 'positive', userId });
    } else if (request.value !== undefined) {
      await standIn.submitInput({ record, actionId: request.actionId, value: request.value, userId });
    } else {
      await standIn.clickButton({
        record,
        actionId: request.actionId,
        userId,
        ...(request.blockId === undefined ? {} : { blockId: request.blockId }),
      });
    }
    return undefined;
  }

  /** Submit in a modal: the app's errors are sent to the page on the event stream, next to their inputs. */
  private async submitModal(standIn: SlackStandIn, request: ModalSubmitRequest): Promise<undefined> {
    const modal = standIn.modals.get(request.viewId);
    if (modal === undefined || !modal.open || modal.userId !== this.hooks.userId) {
      throw new PlaygroundRequestError(404, 'modal_not_found', 'That form is no longer open.');
    }
    const result = await standIn.submitView({
      viewId: request.viewId,
      values: { ...request.values },
      userId: this.hooks.userId,
    });
    if (result.errors !== undefined) {
      throw new PlaygroundRequestError(400, 'invalid_input', JSON.stringify(result.errors));
    }
    return undefined;
  }
}
