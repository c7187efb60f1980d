import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@slack/bolt';
import { App, LogLevel } from '@slack/bolt';
import { SlackStandIn, type Transport } from '../../src/local/index.ts';

/** A logger that says nothing, so test output stays readable; errors are checked through the stand-in instead. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** What the test listeners saw: the retry context of every event, by event_id. */
export interface Seen {
  retries: Array<{ eventId: string; retryNum: number | undefined; retryReason: string | undefined }>;
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** Small listeners standing in for the real bot, registered on a Bolt app under test. */
export function registerTestListeners(app: App): Seen {
  const seen: Seen = { retries: [] };
  app.use(async ({ body, context, next }) => {
    if ('event_id' in body && typeof body.event_id === 'string') {
      seen.retries.push({
        eventId: body.event_id,
        retryNum: context.retryNum,
        retryReason: context.retryReason,
      });
    }
    await next();
  });
  app.command('/talk', async ({ command, ack, respond }) => {
    await ack();
    await respond({
      text: `You asked: ${command.text}`,
      blocks: [
        section(`You asked: *${command.text}*`),
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'more',
              value: 'page-2',
              text: { type: 'plain_text', text: 'More' },
            },
          ],
        },
      ],
    });
  });
  app.command('/talk-now', async ({ command, ack }) => {
    await ack({ response_type: 'in_channel', text: `Right away: ${command.text}` });
  });
  app.event('app_mention', async ({ event, say }) => {
    await say({ text: `Hello <@${event.user}>`, thread_ts: event.thread_ts ?? event.ts });
  });
  app.message(async ({ message, say }) => {
    if (message.channel_type === 'im' && 'text' in message) await say(`You said: ${message.text}`);
  });
  app.action('more', async ({ ack, respond, action }) => {
    await ack();
    const value = 'value' in action ? action.value : '';
    await respond({ replace_original: true, text: `Showing ${value}` });
  });
  app.action('dismiss', async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true });
  });
  app.event('app_home_opened', async ({ event, client }) => {
    const visits = event.view ? 'again' : 'first time';
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [section(visits)] } });
  });
  return seen;
}

/** A plain Bolt app (the test listeners above, none of talkbot's) connected to a fresh stand-in over a transport. */
export interface BoltAgainstStandIn {
  readonly slack: SlackStandIn;
  readonly app: App;
  readonly seen: Seen;
  stop(): Promise<void>;
}

/**
 * The one setup of the transport tests: the stand-in listens first (Bolt calls auth.test from its constructor),
 * then Bolt connects over Socket Mode, or serves signed HTTP on a free port the stand-in delivers to.
 */
export async function startBoltAgainstStandIn(
  transport: Transport,
  signingSecret?: string,
): Promise<BoltAgainstStandIn> {
  const slack = await SlackStandIn.start({ transport, ...(signingSecret ? { signingSecret } : {}) });
  const common = {
    token: slack.botToken,
    logger: silentLogger,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  };
  const app =
    transport === 'socket'
      ? new App({ ...common, appToken: slack.appToken, socketMode: true })
      : new App({ ...common, signingSecret: slack.signingSecret });
  const seen = registerTestListeners(app);
  if (transport === 'socket') await app.start();
  else {
    // Bolt's HTTPReceiver resolves start() with its http.Server; port 0 picks a free port.
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    slack.appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  }
  return {
    slack,
    app,
    seen,
    stop: async () => {
      await app.stop();
      await slack.close();
    },
  };
}
