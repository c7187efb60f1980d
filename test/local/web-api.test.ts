import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { SlackStandIn, type StoreEvent } from '../../src/local/index.ts';
import { silentLogger } from './helpers.ts';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('Web API stand-in, through @slack/web-api', () => {
  let slack: SlackStandIn;
  let client: WebClient;

  before(async () => {
    slack = await SlackStandIn.start({ channelsWithoutBot: ['C0SECRET'], unknownChannels: ['C0GONE'] });
    client = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      // WebClient logs Slack's response_metadata messages as errors; the tests check them instead.
      logger: silentLogger,
    });
  });
  after(() => slack.close());

  it('answers auth.test with the bot’s identity', async () => {
    const result = await client.auth.test();
    assert.equal(result.ok, true);
    assert.equal(result.user_id, 'U0BOT');
    assert.equal(result.bot_id, 'B0001');
    assert.equal(result.team_id, 'T0001');
    assert.match(String(result.url), /^https:\/\/talkbot-local\.slack\.com\/$/);
  });

  it('posts, updates and deletes a message, recording each step', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'first',
      blocks: [section('one')],
    });
    assert.equal(posted.channel, 'C0GENERAL');
    assert.match(String(posted.ts), /^\d{10}\.\d{6}$/);
    assert.equal(posted.message?.text, 'first');
    assert.equal(posted.message?.bot_id, 'B0001');
    // WebClient sends blocks as a JSON string inside a form body; Slack adds a block_id to each block.
    assert.equal(typeof posted.message?.blocks?.[0]?.block_id, 'string');

    const ts = String(posted.ts);
    await client.chat.update({ channel: 'C0GENERAL', ts, text: 'second' });
    const record = slack.records.find((r) => r.ts === ts);
    assert.equal(record?.text, 'second');
    assert.equal(record?.blocks.length, 1, 'an update without blocks keeps them, as Slack does');
    assert.deepEqual(
      record?.edits.map((e) => e.text),
      ['first'],
    );

    await client.chat.delete({ channel: 'C0GENERAL', ts });
    assert.equal(record?.deleted, true);
    assert.deepEqual(
      slack.calls.slice(-3).map((c) => c.method),
      ['chat.postMessage', 'chat.update', 'chat.delete'],
    );
  });

  it('keeps thread_ts, and posts ephemeral messages for one user', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'parent' });
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'reply', thread_ts: String(parent.ts) });
    const reply = await slack.waitFor((r) => r.text === 'reply');
    assert.equal(reply.thread_ts, parent.ts);

    const ephemeral = await client.chat.postEphemeral({
      channel: 'C0GENERAL',
      user: 'U0ALICE',
      text: 'psst',
    });
    const secret = slack.records.find((r) => r.ts === ephemeral.message_ts);
    assert.equal(secret?.ephemeralTo, 'U0ALICE');
  });

  it('answers Slack’s errors for bad messages and channels', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => section(`block ${i}`));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ channel: 'C0GENERAL', text: 'x', blocks: tooMany }, 'invalid_blocks'],
      [{ channel: 'C0GENERAL' }, 'no_text'],
      [
        {
          channel: 'C0GENERAL',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }],
        },
        'invalid_blocks',
      ],
      [{ channel: 'C0SECRET', text: 'x' }, 'not_in_channel'],
      [{ channel: 'C0GONE', text: 'x' }, 'channel_not_found'],
    ];
    for (const [args, error] of cases) {
      await assert.rejects(
        // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed arguments the typings forbid
        client.chat.postMessage(args as any),
        (e: { code: string; data: { error: string } }) =>
          e.code === ErrorCode.PlatformError && e.data.error === error,
        `expected ${error}`,
      );
    }
    const last = slack.calls.at(-1);
    assert.equal(last?.ok, false);
    assert.equal(last?.error, 'channel_not_found');
  });

  it('explains invalid_blocks in response_metadata, as Slack does', async () => {
    const blocks = [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }, { type: 'sektion' }];
    await assert.rejects(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'x', blocks }),
      (e: { data: { error: string; response_metadata: { messages: string[] } } }) => {
        assert.equal(e.data.error, 'invalid_blocks');
        assert.deepEqual(e.data.response_metadata.messages, [
          '[ERROR] must be one of plain_text [json-pointer:/blocks/0/text/type]',
          '[ERROR] unsupported type: sektion [json-pointer:/blocks/1/type]',
        ]);
        return true;
      },
    );
  });

  it('announces new and changed messages to subscribers', async () => {
    const events: StoreEvent['type'][] = [];
    const unsubscribe = slack.subscribe((event) => events.push(event.type));
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'watched' });
    await client.chat.update({ channel: 'C0GENERAL', ts: String(posted.ts), text: 'watched again' });
    unsubscribe();
    await client.chat.postMessage({ channel: 'C0GENERAL', text: 'unwatched' });
    assert.deepEqual(events, ['message_added', 'api_call', 'message_changed', 'api_call']);
  });

  it('refuses an unknown token, and the bot token where an app token is needed', async () => {
    const stranger = new WebClient('xoxb-stolen', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await assert.rejects(stranger.auth.test(), /invalid_auth/);
    await assert.rejects(client.apps.connections.open({}), /not_allowed_token_type/);
    const app = new WebClient(slack.appToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const open = await app.apps.connections.open({});
    assert.match(String(open.url), /^ws:\/\/127\.0\.0\.1:\d+\/socket\?ticket=/);
  });

  it('answers unknown_method for a method it does not know', async () => {
    await assert.rejects(client.apiCall('reactions.add', { channel: 'C0GENERAL' }), /unknown_method/);
  });

  it('rate-limits with 429 and Retry-After when told to', async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 7 });
    const impatient = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
    await assert.rejects(
      impatient.chat.postMessage({ channel: 'C0GENERAL', text: 'x' }),
      (e: { code: string; retryAfter: number }) =>
        e.code === ErrorCode.RateLimitedError && e.retryAfter === 7,
    );
    // The fault is used up: the next call goes through.
    const ok = await impatient.chat.postMessage({ channel: 'C0GENERAL', text: 'after the limit' });
    assert.equal(ok.ok, true);
  });

  it('lets a retrying client through after a one-second rate limit', async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 1 });
    const patient = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
      logLevel: LogLevel.ERROR,
    });
    const result = await patient.chat.postMessage({ channel: 'C0GENERAL', text: 'patient' });
    assert.equal(result.ok, true);
  });

  it('injects HTTP 500s and error codes for the next N calls', async () => {
    slack.failNext('chat.postMessage', { status: 500 });
    await assert.rejects(
      client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' }),
      (e: { code: string }) => {
        return e.code === ErrorCode.HTTPError;
      },
    );
    slack.failNext('chat.postMessage', { error: 'not_in_channel' }, 2);
    await assert.rejects(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' }), /not_in_channel/);
    await assert.rejects(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' }), /not_in_channel/);
    assert.equal((await client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).ok, true);
  });

  it('stores the Home view published for a user', async () => {
    const result = await client.views.publish({
      user_id: 'U0ALICE',
      view: { type: 'home', blocks: [section('welcome')] },
    });
    assert.equal(result.view?.type, 'home');
    const view = await slack.waitForHomeView('U0ALICE');
    assert.equal(view.id, result.view?.id);
  });

  it('answers users.info and conversations.info', async () => {
    const user = await client.users.info({ user: 'U0ALICE' });
    assert.equal(user.user?.id, 'U0ALICE');
    const channel = await client.conversations.info({ channel: 'C0SECRET' });
    assert.equal(channel.channel?.is_member, false);
    await assert.rejects(client.conversations.info({ channel: 'C0GONE' }), /channel_not_found/);
  });

  it('answers malformed bodies with 400 instead of crashing', async () => {
    const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${slack.botToken}` },
      body: '{"channel": ',
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { ok: false, error: 'invalid_json' });
    const badPath = await fetch(`${slack.apiUrl}%E0%A4%A`, { method: 'POST' });
    assert.equal(badPath.status, 400);
    // Still alive afterwards.
    assert.equal((await client.auth.test()).ok, true);
  });

  it('accepts a JSON body with the token in the Authorization header', async () => {
    const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Authorization: `Bearer ${slack.botToken}`,
      },
      body: JSON.stringify({ channel: 'C0GENERAL', text: 'json body', blocks: [section('json')] }),
    });
    const body = (await res.json()) as { ok: boolean; message: { text: string } };
    assert.equal(body.ok, true);
    assert.equal(body.message.text, 'json body');
  });

  it('waitFor rejects with the messages seen so far when nothing matches', async () => {
    await assert.rejects(
      slack.waitFor((r) => r.text === 'never', { timeoutMs: 50 }),
      (e: Error) => {
        return /timed out after 50 ms/.test(e.message) && /json body/.test(e.message);
      },
    );
  });
});
