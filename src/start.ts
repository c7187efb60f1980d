import type { App, Logger } from '@slack/bolt';
import type { Config } from './config.ts';
import type { ConfigMemory } from './content/config-tree.ts';
import { loadContent } from './content/load.ts';
import { appSaveDelayMs, ParseCache } from './content/parse-cache.ts';
import type { SlackStandIn } from './local/index.ts';
import { Library } from './search/library.ts';
import { createSlackApp, loadBolt } from './slack/app.ts';
import { listening, socketStartFailure } from './slack/connect/start-failure.ts';
import { verifySlack } from './slack/connect/verify-slack.ts';
import { InFlight } from './slack/in-flight.ts';
import { LibraryStore } from './slack/library-store.ts';
import type { ListenerDeps } from './slack/listeners/deps.ts';
import { locateContent } from './sources/content-source.ts';
import type { Commit } from './sources/git-checkout.ts';
import type { Store } from './store/index.ts';
import { openStore } from './store/store.ts';
import type { ChannelTips } from './tips/channel-tips.ts';
import { tipsOffMessage, todaysTip, upcomingTip } from './tips/index.ts';
import { type StoreFeatures, storeFeatures } from './wiring/channel-tips.ts';
import { checkContentFolder } from './wiring/check-content-folder.ts';
import { ContentReloader } from './wiring/content-reloader.ts';
import { reportLoadedContent } from './wiring/content-report.ts';
import { describeStore, fleetParts, followFleet, loadMetrics } from './wiring/fleet.ts';
import { startLocalPlayground } from './wiring/local-playground.ts';
import { slackConnection, webhookRoutes } from './wiring/slack-connection.ts';

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

/** Starts talkbot in the configured mode: Socket Mode, HTTP, or local (stand-in of Slack on PORT). */
export async function startTalkbot(config: Config, logger: Logger): Promise<RunningTalkbot> {
  // A new commit goes through the same reload as an edited folder, then is shared with the fleet; both are
  // made once content is found and the store is open.
  let onNewCommit = async (_commit: Commit): Promise<void> => undefined;
  // With CONTENT_GIT_URL, the repository is fetched first (or its last checkout used, with a warning).
  const located = await locateContent({
    contentDir: config.contentDir,
    siteBaseUrl: config.siteBaseUrl,
    git: config.git,
    logger,
    onCommit: (commit) => onNewCommit(commit),
  });
  const { contentDir, siteBaseUrl, git } = located;
  // With a repository, CONTENT_DIR names the folder inside it.
  await checkContentFolder(contentDir, 'CONTENT_DIR');
  // Each reload parses only the files that changed; the cache file spares a restart the same work.
  const cache = new ParseCache(contentDir, {
    dir: config.cacheDir,
    warn: (message) => logger.warn(message),
    saveDelayMs: appSaveDelayMs,
  });
  // Only SITE_BASE_URL is passed on: each load reads the site's configuration afresh, so a commit that
  // changes `baseURL` moves the links with it.
  // A configuration file broken mid-edit is read as it last parsed, so URLs stay put until it is fixed.
  const configMemory: ConfigMemory = new Map();
  const load = () => loadContent(contentDir, { baseUrl: config.siteBaseUrl, cache, configMemory });
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
  reportLoadedContent({ library: store.current, contentDir, git, reused: cache.reused }, logger);

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

  // The base URL of the content served: SITE_BASE_URL, else the `baseURL` its load read (which an
  // edit of the site's configuration may change). Tips leave out links to it: they are the blog's own.
  const servedBaseUrl = () => store.current.siteBaseUrl ?? siteBaseUrl;
  const reloader = new ContentReloader({
    contentDir,
    load,
    publish: (next) => store.replace(next),
    initial,
    logger,
  });
  const fleetContent = git && config.git ? followFleet(git, config.git, state, logger) : null;
  onNewCommit = async (commit) => {
    await reloader.reloadNow();
    await fleetContent?.served(commit);
  };
  const inFlight = new InFlight();
  const tipOptions = () => ({ ...config.tipSettings, siteBaseUrl: servedBaseUrl() });
  // Local mode posts tips to the playground's #general; in Slack only where TIP_CHANNEL is set.
  const tipChannel =
    config.mode === 'local' ? (config.tips?.channel ?? localTipChannel) : (config.tips?.channel ?? null);
  // Built once the app's client exists (below); listeners read them only when a request comes.
  let features: StoreFeatures | null = null;
  const deps: ListenerDeps = {
    library: () => store.current,
    nextTip: () =>
      tipChannel ? upcomingTip(store.current, new Date(), { ...tipOptions(), channel: tipChannel }) : null,
    todaysTip: () => todaysTip(store.current, new Date(), tipOptions()),
    contentSource: () => git?.status() ?? null,
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
        await startLocalPlayground({
          port: config.port,
          contentDir,
          store,
          siteBaseUrl,
          postTip: async () => {
            await features?.scheduler.refresh();
            const outcome = await features?.scheduler.postNow(tipChannel ?? localTipChannel);
            return outcome?.status === 'posted' ? outcome.tip.at : null;
          },
        })
      : null;
  const slack = slackConnection(config, standIn);
  const app = await createSlackApp({
    ...slack,
    logger,
    deps,
    inFlight,
    routes: webhookRoutes(config, git, logger),
    routesPort: config.port,
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
    siteBaseUrl: servedBaseUrl,
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
  // A checkout is not watched: a reload while git writes it could see half a commit. Its reloads follow
  // each new commit, once it is checked out whole.
  fleetContent?.start();
  const watching = git
    ? Promise.resolve(git.start())
    : reloader.start().catch((error: unknown) => {
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
      await fleetContent?.stop();
      await git?.stop();
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
