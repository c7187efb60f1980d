import type { ServerResponse } from 'node:http';
import type { App, HTTPReceiver, Logger, webApi } from '@slack/bolt';
import type { TalkbotMetrics } from '../ops/metrics.ts';
import type { SlackIdentity } from './connect/verify-slack.ts';
import { dropRedeliveredEvents, type EventDedupe, SeenEvents } from './dedupe.ts';
import type { InFlight } from './in-flight.ts';
import { instrumentApp, markDeduped } from './instrument.ts';
import { listenerErrorHandler } from './listener-errors.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import { registerListeners } from './listeners/index.ts';

/** How the app reaches Slack (or the local stand-in, which speaks Socket Mode). */
export type SlackTransport =
  | { readonly kind: 'socket'; readonly appToken: string }
  | { readonly kind: 'http'; readonly signingSecret: string; readonly port: number };

/** Everything needed to build the Bolt app. */
export interface SlackAppOptions {
  readonly botToken: string;
  readonly transport: SlackTransport;
  /** Web API base URL (GovSlack, a proxy, the stand-in), or null for Slack's own. */
  readonly apiUrl: string | null;
  readonly logger: Logger;
  readonly deps: ListenerDeps;
  /** Counts requests in flight, for a graceful shutdown. @default none */
  readonly inFlight?: InFlight;
  /** Web API retries. @default interactiveRetries */
  readonly retryConfig?: webApi.RetryOptions;
  /** Tells re-delivered events apart: the fleet's, through the store. @default this process's memory */
  readonly dedupe?: EventDedupe;
  /** Counts and times requests; HTTP mode serves them at `GET /metrics`. @default none */
  readonly metrics?: TalkbotMetrics;
  /** Whether the store answers, for `/healthz`. @default not reported */
  readonly storeHealth?: () => Promise<boolean>;
  /** Who the bot is, when `auth.test` was already called (so Bolt need not call it again, unwatched). */
  readonly identity?: SlackIdentity;
}

/**
 * Retries for calls made while a user waits: a few quick tries, not the SDK's default of ten over
 * half an hour (an answer that arrives tomorrow helps nobody). Rate limits are still honoured:
 * the client waits out `Retry-After` before retrying.
 */
export const interactiveRetries: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 300,
  maxTimeout: 3000,
};

/**
 * How long an HTTP request may go unacknowledged before it is answered 400. Every talkbot listener acks
 * at once, so only a payload no listener understands waits this long; Slack's own deadline is 3 s.
 */
const unhandledRequestMs = 1500;

/**
 * Bolt's HTTP receiver at `/slack/events`, with `/healthz` and `/metrics`, and a 400 for payloads nothing
 * handles. `/healthz` is 200 whenever the process answers, store or no store: a replica whose store is down
 * still answers, so a load balancer must not take it out; the body says whether the store is reachable.
 */
function httpReceiver(
  Receiver: typeof HTTPReceiver,
  transport: Extract<SlackTransport, { kind: 'http' }>,
  logger: Logger,
  options: Pick<SlackAppOptions, 'metrics' | 'storeHealth'>,
): HTTPReceiver {
  const { metrics, storeHealth } = options;
  return new Receiver({
    signingSecret: transport.signingSecret,
    port: transport.port,
    logger,
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: async (_req, res) => {
          const up = storeHealth ? await storeHealth() : null;
          metrics?.storeUp.set(up === false ? 0 : 1);
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(up === null ? { ok: true } : { ok: true, store: up ? 'up' : 'down' }));
        },
      },
      ...(metrics
        ? [
            {
              path: '/metrics',
              method: ['GET'],
              handler: async (_req: unknown, res: ServerResponse) => {
                if (storeHealth) metrics.storeUp.set((await storeHealth()) ? 1 : 0);
                const text = await metrics.text();
                res.writeHead(200, { 'content-type': metrics.contentType });
                res.end(text);
              },
            },
          ]
        : []),
    ],
    unhandledRequestTimeoutMillis: unhandledRequestMs,
    unhandledRequestHandler: ({ logger: log, response }) => {
      log.warn('refused a request no listener acknowledged (an unknown payload type?) with 400');
      if (!response.headersSent) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end('{"ok":false,"error":"unhandled_request"}');
      }
    },
  });
}

/** The two classes of Bolt that talkbot builds on. */
export interface BoltClasses {
  readonly App: typeof App;
  readonly HTTPReceiver: typeof HTTPReceiver;
  /** The Web API client Bolt itself uses, for the checks made before the app starts. */
  readonly WebClient: typeof webApi.WebClient;
}

let bolt: Promise<BoltClasses> | undefined;

/**
 * Loads Bolt (once). Loading it is a noticeable part of a start (see the README's Performance section), so
 * it is loaded on first use rather than with this module: startup calls this while worker threads parse the
 * content, the CLI's other commands never.
 */
export function loadBolt(): Promise<BoltClasses> {
  bolt ??= import('@slack/bolt').then((module) => {
    // Bolt is CommonJS: Node's loader and tsx give its exports by name, the bundle (esbuild) as the default export only.
    const { App, HTTPReceiver, webApi } = module.App ? module : module.default;
    return { App, HTTPReceiver, WebClient: webApi.WebClient };
  });
  return bolt;
}

/** Builds the Bolt app for a transport and registers talkbot's listeners: wiring only. */
export async function createSlackApp(options: SlackAppOptions): Promise<App> {
  const { App, HTTPReceiver } = await loadBolt();
  const { transport, logger } = options;
  const clientOptions: webApi.WebClientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: options.retryConfig ?? interactiveRetries,
  };
  // Bolt resets a given logger to INFO unless told its level; keep the one LOG_LEVEL chose.
  const common = {
    token: options.botToken,
    logger,
    logLevel: logger.getLevel(),
    clientOptions,
    ignoreSelf: true,
    ...(options.identity ? { botId: options.identity.botId, botUserId: options.identity.botUserId } : {}),
    // The error handler is given the request's body, so it can tell the user who asked.
    extendedErrorHandler: true,
  } as const;
  const app =
    transport.kind === 'socket'
      ? new App({
          ...common,
          socketMode: true,
          appToken: transport.appToken,
          // Socket Mode's own client calls apps.connections.open; it must use the same API base URL.
          installerOptions: { clientOptions },
        })
      : new App({ ...common, receiver: httpReceiver(HTTPReceiver, transport, logger, options) });

  const { metrics } = options;
  if (metrics) instrumentApp(app, metrics);
  if (options.inFlight) app.use(options.inFlight.middleware());
  app.use(
    dropRedeliveredEvents(options.dedupe ?? new SeenEvents(), {
      onRepeat: (body) => {
        metrics?.retriesDeduped.inc();
        markDeduped(body);
      },
    }),
  );
  registerListeners(app, options.deps);
  app.error(listenerErrorHandler(app.client));
  return app;
}
