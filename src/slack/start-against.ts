import type { AddressInfo } from 'node:net';
import type { App, Logger, webApi } from '@slack/bolt';
import { createSlackApp, type SlackAppOptions } from './app.ts';
import type { InFlight } from './in-flight.ts';
import type { ListenerDeps } from './listeners/deps.ts';

/** Where a Slack (real or a stand-in) answers, and the credentials the app uses with it. */
export interface SlackEndpoints {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
}

/** What the app needs besides the endpoints (and, optionally, the store's parts). */
export interface StartAgainstOptions extends Pick<SlackAppOptions, 'dedupe' | 'metrics' | 'storeHealth'> {
  readonly logger: Logger;
  readonly deps: ListenerDeps;
  readonly inFlight?: InFlight;
  readonly retryConfig?: webApi.RetryOptions;
}

/**
 * Builds and starts the real app against given endpoints, as local mode, the tests and the benchmark
 * do: over Socket Mode, or over HTTP on a free loopback port whose Request URL is returned.
 */
export async function startAgainst(
  slack: SlackEndpoints,
  transport: 'socket' | 'http',
  options: StartAgainstOptions,
): Promise<{ app: App; url: string | null }> {
  const app = await createSlackApp({
    botToken: slack.botToken,
    transport:
      transport === 'socket'
        ? { kind: 'socket', appToken: slack.appToken }
        : { kind: 'http', signingSecret: slack.signingSecret, port: 0 },
    apiUrl: slack.apiUrl,
    ...options,
  });
  if (transport === 'socket') {
    await app.start();
    return { app, url: null };
  }
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  return { app, url: `http://127.0.0.1:${server.address().port}/slack/events` };
}
