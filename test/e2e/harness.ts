import type { App, webApi } from '@slack/bolt';
import { loadContent } from '../../src/content/load.ts';
import { SlackStandIn, type Transport } from '../../src/local/index.ts';
import { Library } from '../../src/search/library.ts';
import { LibraryStore } from '../../src/slack/library-store.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';
import { startAgainst } from '../../src/slack/start-against.ts';
import { defaultTipSchedule, defaultTipSeed, todaysTip } from '../../src/tips/index.ts';

/** A signing secret in Slack's format (hex); fake, as every credential in tests. */
export const testSigningSecret = '8f742231b10e8888abc1233cd2b85a55';

/** The real talkbot app connected to a stand-in of Slack, and what it logged. */
export interface Running {
  readonly slack: SlackStandIn;
  readonly app: App;
  readonly store: LibraryStore;
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Starts the stand-in, then the real Bolt app with talkbot's listeners over the given transport. */
export async function startTalkbotAgainstStandIn(
  transport: Transport,
  options: {
    contentDir?: string;
    userNames?: Record<string, string>;
    retryConfig?: webApi.RetryOptions;
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    /** The site's base URL: posts get permalinks, and its host is the app's unfurl domain. */
    siteBaseUrl?: string;
  } = {},
): Promise<Running> {
  const baseUrl = options.siteBaseUrl ?? null;
  const library = new Library(await loadContent(options.contentDir ?? 'content', { baseUrl }));
  const store = new LibraryStore(library);
  const slack = await SlackStandIn.start({
    transport,
    signingSecret: options.signingSecret ?? testSigningSecret,
    ...(options.botToken ? { botToken: options.botToken } : {}),
    ...(options.appToken ? { appToken: options.appToken } : {}),
    channelsWithoutBot: ['C0NOBOT'],
    ...(baseUrl ? { unfurlDomains: [new URL(baseUrl).hostname] } : {}),
    ...(options.userNames ? { userNames: options.userNames } : {}),
  });
  const logs: string[] = [];
  const logger = new RedactingLogger(
    'debug',
    [slack.botToken, slack.appToken, slack.signingSecret],
    (line) => {
      logs.push(line);
    },
  );
  const { app, url } = await startAgainst(slack, transport, {
    logger,
    deps: {
      library: () => store.current,
      nextTip: () => null,
      todaysTip: () =>
        todaysTip(store.current, new Date(), {
          schedule: defaultTipSchedule,
          timezone: 'UTC',
          seed: defaultTipSeed,
        }),
    },
    // No retries unless a test asks: a failing call must fail now, not after minutes of backoff.
    retryConfig: options.retryConfig ?? { retries: 0 },
  });
  if (url) slack.appUrl = url;
  return {
    slack,
    app,
    store,
    logs,
    stop: async () => {
      // The app first: stopping Slack first would make Bolt try to reconnect to a server that is gone.
      await app.stop();
      await slack.close();
    },
  };
}

/** All the text a recorded message shows: its fallback and every string inside its blocks. */
export function visibleText(record: { text: string; blocks: unknown[] }): string {
  return `${record.text}\n${JSON.stringify(record.blocks)}`;
}
