import type { IncomingMessage, ServerResponse } from 'node:http';
import { StandInError } from '../errors.ts';
import { sendJson } from '../http-io.ts';
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
  type SendRequest,
} from './protocol.ts';
import {
  escapeTyped,
  PlaygroundRequestError,
  parseClick,
  parseModalSubmit,
  parseSend,
  readJson,
  typedMessageForSlack,
} from './requests.ts';
import { messageView, snapshotFor } from './views.ts';

/** What the playground shows and can do beyond the stand-in itself. */
export interface PlaygroundHooks {
  /** What is loaded now; read on each request, so a content reload shows at once. */
  readonly status: () => ContentStatus;
  /** Posts today's reading tip as the schedule would ("Post today's tip"); resolves with its slot's time. */
  readonly postTip: () => Promise<Date | null>;
  /** Calls a listener each time what `status` says may have changed (a reload); returns how to stop. */
  readonly statusChanges?: ((listener: () => void) => () => void) | undefined;
  /** The person typing into the page. */
  readonly userId: string;
}

/** The slash commands the app's manifest declares; anything else gets Slack's "not a valid command". */
const COMMANDS = new Set(['/talk']);
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

function withTs(ts: string | undefined): PostResult {
  return ts === undefined ? undefined : { ts };
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

type GetHandler = (res: ServerResponse, standIn: SlackStandIn) => Promise<void> | void;
/** What a POST answers besides `ok`: the ts of a message it sent, the time of a tip it posted. */
type PostResult = { readonly ts?: string; readonly at?: string } | undefined;
type PostHandler = (req: IncomingMessage, standIn: SlackStandIn) => Promise<PostResult>;

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

  /** What a GET serves, by path: built once, each handler given the request's parts. */
  private readonly gets: Readonly<Record<string, GetHandler>> = {
    [PLAYGROUND_PATHS.page]: async (res) => {
      send(res, 'text/html; charset=utf-8', (await playgroundAssets()).html, {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
    },
    [PLAYGROUND_PATHS.script]: async (res) => {
      send(res, 'text/javascript; charset=utf-8', (await playgroundAssets()).script);
    },
    [PLAYGROUND_PATHS.styles]: async (res) => {
      send(res, 'text/css; charset=utf-8', (await playgroundAssets()).css);
    },
    [PLAYGROUND_PATHS.icon]: async (res) => {
      send(res, 'image/svg+xml', (await playgroundAssets()).icon);
    },
    '/favicon.ico': async (res) => {
      send(res, 'image/svg+xml', (await playgroundAssets()).icon);
    },
    [PLAYGROUND_PATHS.status]: (res) => {
      sendJson(res, 200, this.hooks.status(), PAGE_HEADERS);
    },
    [PLAYGROUND_PATHS.events]: (res, standIn) => this.streamEvents(standIn, res),
  };

  /** What a POST does, by path; a handler returns the ts of the message it sent, if any. */
  private readonly posts: Readonly<Record<string, PostHandler>> = {
    [PLAYGROUND_PATHS.send]: async (req, standIn) =>
      withTs(await this.send(standIn, parseSend(await readJson(req)))),
    [PLAYGROUND_PATHS.click]: async (req, standIn) =>
      withTs(await this.click(standIn, parseClick(await readJson(req)))),
    [PLAYGROUND_PATHS.modal]: async (req, standIn) =>
      withTs(await this.submitModal(standIn, parseModalSubmit(await readJson(req)))),
    [PLAYGROUND_PATHS.home]: async (_req, standIn) => {
      await standIn.openHome(this.hooks.userId);
      return undefined;
    },
    [PLAYGROUND_PATHS.tip]: async () => {
      const at = await this.hooks.postTip();
      return at === null ? undefined : { at: at.toISOString() };
    },
  };

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://playground').pathname;
    const standIn = this.standIn;
    if (standIn === undefined) {
      throw new PlaygroundRequestError(503, 'starting', 'The playground is starting; reload in a moment.');
    }
    const method = req.method ?? 'GET';
    const get = Object.hasOwn(this.gets, path) ? this.gets[path] : undefined;
    const post = Object.hasOwn(this.posts, path) ? this.posts[path] : undefined;
    if ((method === 'GET' || method === 'HEAD') && get !== undefined) {
      await get(res, standIn);
    } else if (method === 'POST' && post !== undefined) {
      reply(res, 200, { ok: true, ...(await post(req, standIn)) });
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
    // The side panel follows reloads as the messages do: the new counts and problems are pushed.
    const unwatch = this.hooks.statusChanges?.(() => write(PLAYGROUND_EVENTS.status, this.hooks.status()));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      unsubscribe();
      unsubscribeModals();
      unwatch?.();
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

  /** Submit in a modal: errors the app answers with go back to the page, to show under their inputs. */
  private async submitModal(standIn: SlackStandIn, request: ModalSubmitRequest): Promise<undefined> {
    const userId = this.hooks.userId;
    const modal = standIn.modals.get(request.viewId);
    if (modal === undefined || !modal.open || modal.userId !== userId) {
      throw new PlaygroundRequestError(404, 'modal_not_found', 'That form is no longer open.');
    }
    const result = await standIn.submitView({
      viewId: request.viewId,
      values: { ...request.values },
      userId,
    });
    if (result.errors !== undefined) {
      throw new PlaygroundRequestError(400, 'invalid_input', JSON.stringify(result.errors));
    }
    return undefined;
  }
}
