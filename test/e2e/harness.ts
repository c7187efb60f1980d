import type { App, webApi } from '@slack/bolt';
import type { LogLevelName } from '../../src/config.ts';
import { loadContent } from '../../src/content/load.ts';
import { SlackStandIn, type Transport } from '../../src/local/index.ts';
import { TalkbotMetrics } from '../../src/ops/metrics.ts';
import type { Library } from '../../src/search/library.ts';
import { Library as LibraryClass } from '../../src/search/library.ts';
import { LibraryStore } from '../../src/slack/library-store.ts';
import type { ListenerDeps } from '../../src/slack/listeners/deps.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';
import { type SlackEndpoints, startAgainst } from '../../src/slack/start-against.ts';
import type { Store } from '../../src/store/index.ts';
import { defaultTipSchedule, defaultTipSeed, todaysTip } from '../../src/tips/index.ts';
import { fleetParts } from '../../src/wiring/fleet.ts';

// The one harness that runs the real talkbot app against the stand-in of Slack: the end-to-end and reliability
// tests start both here (`startTalkbotAgainstStandIn`); the benchmark's load test starts the app alone
// (`startAppAgainst`) against a stand-in in another process.

export type { SlackEndpoints };

/** A signing secret in Slack's format (hex); fake, as every credential in tests and benchmarks. */
export const testSigningSecret = '8f742231b10e8888abc1233cd2b85a55';

/** The real Bolt app with talkbot's listeners, and what it logged. */
export interface RunningApp {
  readonly app: App;
  readonly store: LibraryStore;
  /** The Request URL, for signed HTTP delivery; null over Socket Mode. */
  readonly url: string | null;
  /** Every line the app logged at `logLevel` or above, secrets redacted. */
  readonly logs: string[];
  stop(): Promise<void>;
}

/** How the app is run: what it answers from, how much it logs, how it retries. */
export interface AppOptions {
  /** @default 'debug' (tests read the logs); the benchmark keeps errors only */
  readonly logLevel?: LogLevelName;
  /** No retries unless asked: a failing call must fail now, not after minutes of backoff. @default none */
  readonly retryConfig?: webApi.RetryOptions;
  /** Whether `/talk tip` has today's tip to show, as local mode has. @default true */
  readonly tips?: boolean;
  /** With a store, the app is wired as `talkbot start` wires it: the fleet's dedupe, metrics, health. @default none */
  readonly state?: Store | null;
}

/** Starts the real app (talkbot's listeners, Bolt's receivers) against a Slack's endpoints, as `talkbot start` does. */
export async function startAppAgainst(
  library: Library,
  slack: SlackEndpoints,
  transport: Transport,
  options: AppOptions = {},
): Promise<RunningApp> {
  const store = new LibraryStore(library);
  const logs: string[] = [];
  const logger = new RedactingLogger(
    options.logLevel ?? 'debug',
    [slack.botToken, slack.appToken, slack.signingSecret],
    (line) => {
      logs.push(line);
    },
  );
  const tipSettings = { schedule: defaultTipSchedule, timezone: 'UTC', seed: defaultTipSeed };
  const deps: ListenerDeps = {
    library: () => store.current,
    nextTip: () => null,
    ...(options.tips === false ? {} : { todaysTip: () => todaysTip(store.current, new Date(), tipSettings) }),
  };
  const { app, url } = await startAgainst(slack, transport, {
    logger,
    deps,
    retryConfig: options.retryConfig ?? { retries: 0 },
    ...(options.state ? fleetParts(options.state, logger, new TalkbotMetrics(() => store.current)) : {}),
  });
  return { app, store, url, logs, stop: async () => void (await app.stop()) };
}

/** The real talkbot app connected to a stand-in of Slack, and what it logged. */
export interface Running extends RunningApp {
  readonly slack: SlackStandIn;
}

/** Starts the stand-in, then the real Bolt app with talkbot's listeners over the given transport. */
export async function startTalkbotAgainstStandIn(
  transport: Transport,
  options: AppOptions & {
    contentDir?: string;
    userNames?: Record<string, string>;
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
  } = {},
): Promise<Running> {
  const library = new LibraryClass(await loadContent(options.contentDir ?? 'content'));
  const slack = await SlackStandIn.start({
    transport,
    signingSecret: options.signingSecret ?? testSigningSecret,
    ...(options.botToken ? { botToken: options.botToken } : {}),
    ...(options.appToken ? { appToken: options.appToken } : {}),
    channelsWithoutBot: ['C0NOBOT'],
    ...(options.userNames ? { userNames: options.userNames } : {}),
  });
  const running = await startAppAgainst(library, slack, transport, options);
  if (running.url) slack.appUrl = running.url;
  return {
    ...running,
    slack,
    stop: async () => {
      // The app first: stopping Slack first would make Bolt try to reconnect to a server that is gone.
      await running.stop();
      await slack.close();
    },
  };
}

/** All the text a recorded message shows: its fallback and every string inside its blocks. */
export function visibleText(record: { text: string; blocks: unknown[] }): string {
  return `${record.text}\n${JSON.stringify(record.blocks)}`;
}
