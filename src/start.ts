import type { App, Logger } from '@slack/bolt';
import type { Config } from './config.ts';
import { formatProblem } from './content/format-problem.ts';
import { loadContent } from './content/load.ts';
import { appSaveDelayMs, ParseCache } from './content/parse-cache.ts';
import type { SlackStandIn } from './local/index.ts';
import { startPlayground } from './local/playground/index.ts';

import { Library } from './search/library.ts';
import { createSlackApp, loadBolt, type SlackTransport } from './slack/app.ts';
import { listening, socketStartFailure } from './slack/connect/start-failure.ts';
import { verifySlack } from './slack/connect/verify-slack.ts';
import { InFlight } from './slack/in-flight.ts';
import { LibraryStore } from './slack/library-store.ts';
import type { ListenerDeps } from './slack/listeners/deps.ts';
import type { Store } from './store/index.ts';
import { openStore } from './store/store.ts';
import type { ChannelTips } from './tips/channel-tips.ts';
import { tipsOffMessage, todaysTip, upcomingTip } from './tips/index.ts';
import { type StoreFeatures, storeFeatures } from './wiring/channel-tips.ts';
import { checkContentFolder } from './wiring/check-content-folder.ts';
import { ContentReloader } from './wiring/content-reloader.ts';
import { describeStore, fleetParts, loadMetrics } from './wiring/fleet.ts';

/** A running talkbot: the app, the Library it answers from, and in local mode the stand-in of Slack. */
export interface RunningTalkbot {
  readonly app: App;
  readonly store: LibraryStore;
  /** The state that lasts: the embedded database, or PostgreSQL shared with other replicas. */
  readonly state: Store;
  /** In local mode, the stand-in of Slack the app is connected to. */
  readonly standIn: SlackStandIn | null;
  /** Resolves once content edits are being watched for (shortly after start). */
  readonly watching: Promise<void>;
  /** Where to point a browser (local mode) or Slack's Request URL (HTTP mode); null in Socket Mode. */
  readonly url: string | null;
  /** Every channel's reading-tip schedule (subscriptions in the store). */
  readonly tips: ChannelTips;
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
  await checkContentFolder(config.contentDir, 'CONTENT_DIR');
  // Each reload parses only the files that changed; the cache file spares a restart the same work.
  const cache = new ParseCache(config.contentDir, {
    dir: config.cacheDir,
    warn: (message) => logger.warn(message),
    saveDelayMs: appSaveDelayMs,
  });
  const load = () => loadContent(config.contentDir, { baseUrl: config.siteBaseUrl, cache });
  const loading = load();
  // A large site is parsed by worker threads: this thread loads Bolt and opens the store meanwhile.
  const boltLoading = loadBolt();
  const stateOpening = openStore(config.store);
  // Awaited below; until then a failure to open must not count as unhandled.
  stateOpening.catch(() => {});
  // The Library is read at each scrape, by then built.
  const metricsLoading = loadMetrics(() => store.current);
  const initial = await loading;
  const { WebClient } = await boltLoading;
  const state = await stateOpening;
  logger.info(describeStore(state));
  if (state.unknownMigrations.length > 0) {
    logger.warn(
      `the store was migrated by a newer talkbot (${state.unknownMigrations.join(', ')}): carrying on, as migrations only add`,
    );
  }
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
  if (library.posts.length === 0) {
    logger.warn(
      `CONTENT_DIR "${config.contentDir}" holds no posts: every answer is "I found nothing" until posts are added there (they are picked up without a restart)`,
    );
  }

  // Tokens are checked before anything listens, so a wrong one stops startup with a line saying which.
  const identity =
    config.mode === 'local'
      ? undefined
      : ((await verifySlack({
          WebClient,
          botToken: config.botToken,
          appToken: config.mode === 'socket' ? config.appToken : null,
          apiUrl: config.apiUrl,
          logger,
        }).catch(async (error: unknown) => {
          // The store's connections would keep the process alive after the error is reported.
          await state.close();
          throw error;
        })) ?? undefined);

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
  // Built once the app's client exists (below); listeners read them only when a request comes.
  let features: StoreFeatures | null = null;
  const deps: ListenerDeps = {
    library: () => store.current,
    nextTip: () =>
      tipChannel ? upcomingTip(store.current, new Date(), { ...tipOptions, channel: tipChannel }) : null,
    todaysTip: () => todaysTip(store.current, new Date(), tipOptions),
    get channelTips() {
      return features?.channelTips;
    },
    get feedback() {
      return features?.feedback;
    },
  };
  const fleet = fleetParts(state, logger, await metricsLoading);

  const standIn =
    config.mode === 'local'
      ? // The stand-in must be listening before the app is built: Bolt calls auth.test straight away.
        await listening(
          config.port,
          startPlayground({
            port: config.port,
            host: '127.0.0.1',
            status: () => ({
              contentDir: config.contentDir,
              posts: store.current.posts.length,
              resources: store.current.resources.length,
              problems: store.current.problems,
            }),
            statusChanges: (listener) => store.subscribe(listener),
            postTip: async () => {
              await features?.scheduler.refresh();
              const outcome = await features?.scheduler.postNow(tipChannel ?? localTipChannel);
              return outcome?.status === 'posted' ? outcome.tip.at : null;
            },
          }),
        )
      : null;
  const slack = slackConnection(config, standIn);
  const app = await createSlackApp({
    ...slack,
    logger,
    deps,
    inFlight,
    dedupe: fleet.dedupe,
    metrics: fleet.metrics,
    storeHealth: fleet.storeHealth,
    ...(identity ? { identity } : {}),
  });
  features = storeFeatures({
    state,
    client: app.client,
    library: () => store.current,
    tipSettings: config.tipSettings,
    siteBaseUrl: config.siteBaseUrl,
    insights: config.insights,
    logger,
    startupChannel: tipChannel,
    // Every replica runs every channel's schedule; the store's claims let exactly one post each slot.
    claims: fleet.claims,
    onSlot: fleet.onSlot,
  });
  try {
    await (config.mode === 'http' ? listening(config.port, app.start()) : app.start());
  } catch (error) {
    // What did start must not keep the process alive once the error is reported.
    await standIn?.close();
    await state.close();
    throw config.mode === 'socket' ? socketStartFailure(error) : error;
  }
  // The watcher's first scan of the folder (a file-system call per file) is not needed to answer, so
  // the app is ready without waiting for it: edits are picked up from when it is ready.
  const watching = reloader.start().catch((error: unknown) => {
    logger.warn(`content changes will not be picked up: ${(error as Error).message}`);
  });
  await features.start();
  if (!tipChannel) logger.info(tipsOffMessage);

  return {
    app,
    store,
    tips: features.scheduler,
    state,
    standIn,
    watching,
    url: standIn
      ? standIn.url
      : config.mode === 'http'
        ? `http://localhost:${config.port}/slack/events`
        : null,
    stop: async () => {
      inFlight.close();
      features?.stop();
      await reloader.stop();
      if (!(await inFlight.idle(drainMs)))
        logger.warn(`${inFlight.count} answers were still in flight at shutdown`);
      await app.stop();
      await standIn?.close();
      // A save cut short would only leave a temporary file, but a whole one spares the next start.
      await cache.saved();
      await state.close();
    },
  };
}
