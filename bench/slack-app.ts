import type { App } from '@slack/bolt';
import type { Transport } from '../src/local/index.ts';
import { TalkbotMetrics } from '../src/ops/metrics.ts';
import type { Library } from '../src/search/library.ts';
import { LibraryStore } from '../src/slack/library-store.ts';
import { RedactingLogger } from '../src/slack/logger.ts';
import { type SlackEndpoints, startAgainst } from '../src/slack/start-against.ts';
import type { Store } from '../src/store/index.ts';
import { fleetParts } from '../src/wiring/fleet.ts';

export type { SlackEndpoints };

/** The real Bolt app with talkbot's listeners. */
export interface RunningApp {
  readonly app: App;
  /** The Request URL, for signed HTTP delivery; null over Socket Mode. */
  readonly url: string | null;
  /** Lines the app logged at error level: each one is a failure the figures must show. */
  readonly errors: string[];
  stop(): Promise<void>;
}

/** A signing secret in Slack's format (hex); fake, as every credential here. */
export const benchSigningSecret = '8f742231b10e8888abc1233cd2b85a55';

/** Starts the real app against a stand-in of Slack (in this process or another), as `talkbot start` does. */
export async function startApp(
  library: Library,
  slack: SlackEndpoints,
  transport: Transport,
  /** With a store, the app is wired as `talkbot start` wires it: the fleet's dedupe, metrics, health. */
  state: Store | null = null,
): Promise<RunningApp> {
  const store = new LibraryStore(library);
  const errors: string[] = [];
  const logger = new RedactingLogger(
    'error',
    [slack.botToken, slack.appToken, slack.signingSecret],
    (line) => {
      errors.push(line);
    },
  );
  const { app, url } = await startAgainst(slack, transport, {
    logger,
    deps: { library: () => store.current, nextTip: () => null },
    retryConfig: { retries: 0 },
    ...(state ? fleetParts(state, logger, new TalkbotMetrics(() => store.current)) : {}),
  });
  return { app, url, errors, stop: async () => void (await app.stop()) };
}
