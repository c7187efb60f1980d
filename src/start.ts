import type { App, Logger } from '@slack/bolt';
import type { Config } from './config.ts';
import { loadContent } from './content/load.ts';
import type { SlackStandIn } from './local/index.ts';
import { startPlayground } from './local/playground/index.ts';
import { Library } from './search/library.ts';
import { createSlackApp, type SlackTransport } from './slack/app.ts';
import { LibraryStore } from './slack/library-store.ts';
import type { UpcomingTip } from './slack/listeners/deps.ts';

/** A running talkbot: the app, the Library it answers from, and in local mode the stand-in of Slack. */
export interface RunningTalkbot {
  readonly app: App;
  readonly store: LibraryStore;
  /** In local mode, the stand-in of Slack the app is connected to. */
  readonly standIn: SlackStandIn | null;
  /** Where to point a browser (local mode) or Slack's Request URL (HTTP mode); null in Socket Mode. */
  readonly url: string | null;
  /** Stops taking work and closes every connection. */
  stop(): Promise<void>;
}

/** Loads content into a Library and logs what was loaded and what is wrong with it. */
export async function loadLibrary(
  config: Pick<Config, 'contentDir' | 'siteBaseUrl'>,
  logger: Logger,
): Promise<Library> {
  const library = new Library(await loadContent(config.contentDir, { baseUrl: config.siteBaseUrl }));
  logger.info(
    `loaded ${library.posts.length} posts and ${library.resources.length} resources from ${config.contentDir}` +
      (library.problems.length ? `, with ${library.problems.length} problems:` : ''),
  );
  for (const p of library.problems)
    logger.warn(`${p.path}${p.line === null ? '' : `:${p.line}`}: ${p.message}`);
  return library;
}

/** Starts talkbot in the configured mode: Socket Mode, HTTP, or local (stand-in of Slack on PORT). */
export async function startTalkbot(config: Config, logger: Logger): Promise<RunningTalkbot> {
  const store = new LibraryStore(await loadLibrary(config, logger));
  const deps = { library: () => store.current, nextTip: (): UpcomingTip | null => null };

  if (config.mode === 'local') {
    // The stand-in must be listening before the app is built: Bolt calls auth.test straight away.
    const standIn = await startPlayground({
      port: config.port,
      host: '127.0.0.1',
      status: () => {
        const library = store.current;
        return {
          contentDir: config.contentDir,
          posts: library.posts.length,
          resources: library.resources.length,
          problems: library.problems,
        };
      },
      // Reading tips are wired in separately; until then the page shows its tip button disabled.
      postTip: undefined,
    });
    const app = createSlackApp({
      botToken: standIn.botToken,
      transport: { kind: 'socket', appToken: standIn.appToken },
      apiUrl: standIn.apiUrl,
      logger,
      deps,
    });
    await app.start();
    return {
      app,
      store,
      standIn,
      url: standIn.url,
      stop: async () => {
        await app.stop();
        await standIn.close();
      },
    };
  }

  const botToken = config.botToken ?? '';
  const transport: SlackTransport =
    config.mode === 'socket'
      ? { kind: 'socket', appToken: config.appToken ?? '' }
      : { kind: 'http', signingSecret: config.signingSecret ?? '', port: config.port };
  const app = createSlackApp({ botToken, transport, apiUrl: config.apiUrl, logger, deps });
  await app.start();
  return {
    app,
    store,
    standIn: null,
    url: config.mode === 'http' ? `http://localhost:${config.port}/slack/events` : null,
    stop: () => app.stop() as Promise<void>,
  };
}
