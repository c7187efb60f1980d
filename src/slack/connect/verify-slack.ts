import type { Logger, webApi } from '@slack/bolt';
import { type Backoff, backoffDelay, startupBackoff } from './backoff.ts';
import { classifyStartupFailure, type TokenVariable } from './classify.ts';

/** Who the bot is in its workspace, as `auth.test` says. */
export interface SlackIdentity {
  readonly botId: string;
  readonly botUserId: string;
}

/** What checking the credentials against Slack needs. */
export interface VerifySlackOptions {
  readonly WebClient: typeof webApi.WebClient;
  readonly botToken: string;
  /** Socket Mode's app-level token, checked with `apps.connections.open`; null in HTTP mode. */
  readonly appToken: string | null;
  /** `SLACK_API_URL`, or null for Slack's own. */
  readonly apiUrl: string | null;
  readonly logger: Logger;
  /** @default startupBackoff */
  readonly backoff?: Backoff;
  /** @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Slack's own Web API base, as the SDK has it. */
const slackApiUrl = 'https://slack.com/api/';

/** A request that hangs (a proxy swallowing it) counts as a failed attempt after this long. */
const attemptTimeoutMs = 10_000;

// The checks report each attempt in one line of their own; the client's own warnings would double them.
const quiet: webApi.Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => 'error' as webApi.LogLevel,
  setName: () => {},
};

/**
 * Checks the tokens with Slack before the app starts: `auth.test` for the bot token, and in Socket Mode
 * `apps.connections.open` for the app token. A rejected token stops startup (a `StartupError` naming it);
 * a Slack out of reach is tried again, with backoff and jitter and one log line per attempt, until it answers.
 * Resolves with the bot's identity (null if Slack did not say it, and Bolt will ask itself).
 */
export async function verifySlack(options: VerifySlackOptions): Promise<SlackIdentity | null> {
  const { WebClient, logger } = options;
  const backoff = options.backoff ?? startupBackoff;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const client = (token: string) =>
    new WebClient(token, {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: { retries: 0 },
      logger: quiet,
      timeout: attemptTimeoutMs,
    });
  const bot = client(options.botToken);
  const app = options.appToken ? client(options.appToken) : null;
  const where = options.apiUrl ? `${options.apiUrl} (SLACK_API_URL)` : slackApiUrl;

  for (let failures = 0; ; ) {
    let step: { variable: TokenVariable; method: string } = {
      variable: 'SLACK_BOT_TOKEN',
      method: 'auth.test',
    };
    try {
      const auth = await bot.auth.test();
      if (app) {
        step = { variable: 'SLACK_APP_TOKEN', method: 'apps.connections.open' };
        await app.apps.connections.open({});
      }
      return auth.bot_id && auth.user_id ? { botId: auth.bot_id, botUserId: auth.user_id } : null;
    } catch (error) {
      const failure = classifyStartupFailure(error, step.variable, step.method);
      if (failure.kind !== 'unreachable') throw failure.error;
      failures += 1;
      const waitMs = backoffDelay(failures, backoff);
      logger.warn(
        `could not reach Slack at ${where} for ${step.method} (${failure.reason}); ` +
          `retrying in ${(waitMs / 1000).toFixed(1)} s (attempt ${failures + 1})`,
      );
      await sleep(waitMs);
    }
  }
}
