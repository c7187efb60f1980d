import type { App, Logger } from '@slack/bolt';
import type { Config } from './config.ts';
import { formatProblem } from './content/format-problem.ts';
import { loadContent } from './content/load.ts';
import { appSaveDelayMs, ParseCache } from './content/parse-cache.ts';
import type { SlackStandIn } from './local/index.ts';
import { startPlayground } from './local/playground/index.ts';
import { Library } from './search/library.ts';
import { createSlackApp, loadBolt, type SlackTransport } from './slack/app.ts';
import { InFlight } from './slack/in-flight.ts';
import { LibraryStore } from './slack/library-store.ts';
import type { ListenerDeps } from './slack/listeners/deps.ts';
import { slackErrorCode } from './slack/slack-errors.ts';
import { TipScheduler, tipsOffMessage, todaysTip, upcomingTip } from './tips/index.ts';
import { ContentReloader } from './wiring/content-reloader.ts';
import { slackTipPoster } from './wiring/tip-poster.ts';

/** A running talkbot: the app, the Library it answers from, and in local mode the stand-in of Slack. */
export interface RunningTalkbot {
  readonly app: App;
  readonly store: LibraryStore;
  /** In local mode, the stand-in of Slack the app is connected to. */
  readonly standIn: SlackStandIn | null;
  /** Resolves once content edits are being watched for (shortly after start). */
  readonly watching: Promise<void>;
  /** Where to point a browser (local mode) or Slack's Request URL (HTTP mode); null in Socket Mode. */
  readonly url: string | null;
  /** Stops taking work, lets answers in flight finish (up to `drainMs`), and closes every connection. */
  stop(): Promise<void>;
}

/** How long shutdown waits for answers in flight: well inside the 10 s a process manager allows. */
export const drainMs = 7000;

/** The playground channel that local mode's reading tips go to. */
const localTipChannel = 'C0GENERAL';

/** How the app reaches Slack: the configured tokens, or the stand-in's own in local mode. */
function slackConnection(
  config: Config,
  standIn: SlackStandIn | null,
): { botToken: string; transport: SlackTransport; apiUrl: string | null } {
  if (config.mode === 'socket') {
    return {
      botToken: config.botToken,
      transport: { kind: 'socket', appToken: config.appToken },
      apiUrl: config.apiUrl,
    };
  }
  if (config.mode === 'http') {
    const transport = { kind: 'http', signingSecret: config.signingSecret, port: config.port } as const;
    return { botToken: config.botToken, transport, apiUrl: config.apiUrl };
  }
  if (standIn === null)
    throw new Error('local mode runs against the stand-in of Slack, which is not running');
  return {
    botToken: standIn.botToken,
    transport: { kind: 'socket', appToken: standIn.appToken },
    apiUrl: standIn.apiUrl,
  };
}

/** Starts talkbot in the configured mode: Socket Mode, HTTP, or local (stand-in of Slack on PORT). */
export async function startTalkbot(config: Config, logger: Logger): Promise<RunningTalkbot> {
  // Each reload parses only the files that changed; the cache file spares a restart the same work.
  const cache = new ParseCache(config.contentDir, {
    dir: config.cacheDir,
    warn: (message) => logger.warn(message),
    saveDelayMs: appSaveDelayMs,
  });
  const load = () => loadContent(config.contentDir, { baseUrl: config.siteBaseUrl, cache });
  const loading = load();
  // A large site is parsed by worker threads: this thread loads Bolt meanwhile.
  const boltLoading = loadBolt();
  const initial = await loading;
  await boltLoading;
  const store = new LibraryStore(new Library(initial));
  const library = store.current;
  logger.info(
    `loaded ${library.posts.length} posts and ${library.resources.length} resources from ${config.contentDir}` +
      (cache.reused
        ? ` (${cache.reused} ${cache.reused === 1 ? 'file' : 'files'} unchanged since the last run)`
        : '') +
      (library.problems.length ? `, with ${library.problems.length} problems:` : ''),
  );
  for (const problem of library.problems) logger.warn(formatProblem(problem));

  const reloader = new ContentReloader({
    contentDir: config.contentDir,
    load,
    publish: (next) => store.replace(next),
    initial,
    logger,
  });
  const inFlight = new InFlight();
  const tipOptions = { ...config.tipSettings, siteBaseUrl: config.siteBaseUrl };
  // Local mode posts tips to the playground's #general; in Slack only where TIP_CHANNEL is set.
  const tipChannel =
    config.mode === 'local' ? (config.tips?.channel ?? localTipChannel) : (config.tips?.channel ?? null);
  const deps: ListenerDeps = {
    library: () => store.current,
    nextTip: () => (tipChannel ? upcomingTip(store.current, new Date(), tipOptions) : null),
    todaysTip: () => todaysTip(store.current, new Date(), tipOptions),
  };
  let scheduler: TipScheduler | null = null;

  const standIn =
    config.mode === 'local'
      ? // The stand-in must be listening before the app is built: Bolt calls auth.test straight away.
        await startPlayground({
          port: config.port,
          host: '127.0.0.1',
          status: () => ({
            contentDir: config.contentDir,
            posts: store.current.posts.length,
            resources: store.current.resources.length,
            problems: store.current.problems,
          }),
          postTip: async () => {
            await scheduler?.fire();
          },
        })
      : null;
  const slack = slackConnection(config, standIn);
  const app = await createSlackApp({
    ...slack,
    logger,
    deps,
    inFlight,
  });
  try {
    await app.start();
  } catch (error) {
    // What did start must not keep the process alive once the error is reported.
    await standIn?.close();
    throw error;
  }
  // The watcher's first scan of the folder (a file-system call per file) is not needed to answer, so
  // the app is ready without waiting for it: edits are picked up from when it is ready.
  const watching = reloader.start().catch((error: unknown) => {
    logger.warn(`content changes will not be picked up: ${(error as Error).message}`);
  });
  if (tipChannel) {
    scheduler = new TipScheduler({
      ...tipOptions,
      channel: tipChannel,
      library: () => store.current,
      poster: slackTipPoster(app.client),
      errorCode: slackErrorCode,
      logger,
    });
    scheduler.start();
  } else {
    logger.info(tipsOffMessage);
  }

  return {
    app,
    store,
    standIn,
    watching,
    url: standIn
      ? standIn.url
      : config.mode === 'http'
        ? `http://localhost:${config.port}/slack/events`
        : null,
    stop: async () => {
      inFlight.close();
      scheduler?.stop();
      await reloader.stop();
      if (!(await inFlight.idle(drainMs)))
        logger.warn(`${inFlight.count} answers were still in flight at shutdown`);
      await app.stop();
      await standIn?.close();
      // A save cut short would only leave a temporary file, but a whole one spares the next start.
      await cache.saved();
    },
  };
}
