import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { verifySlackRequest } from '@slack/bolt';
import { WebSocket } from 'ws';
import { NoAckError, NotConnectedError, SlackStandIn, type StandInError } from '../../src/local/index.ts';

// Key orders of the captures in /work/shared/slack-payloads (01, 02, 05, 07a-c).
const SLASH_KEYS = [
  'token',
  'team_id',
  'team_domain',
  'channel_id',
  'channel_name',
  'user_id',
  'user_name',
  'command',
  'text',
  'api_app_id',
  'is_enterprise_install',
  'response_url',
  'trigger_id',
];
const EVENT_CALLBACK_KEYS = [
  'token',
  'team_id',
  'api_app_id',
  'event',
  'type',
  'event_id',
  'event_time',
  'authorizations',
  'is_ext_shared_channel',
  'event_context',
];
const APP_MENTION_KEYS = [
  'client_msg_id',
  'type',
  'text',
  'user',
  'ts',
  'team',
  'blocks',
  'channel',
  'event_ts',
];
const BLOCK_ACTIONS_KEYS = [
  'type',
  'user',
  'api_app_id',
  'token',
  'container',
  'trigger_id',
  'team',
  'channel',
  'message',
  'response_url',
  'actions',
];
const ACTION_KEYS = ['action_id', 'block_id', 'text', 'value', 'type', 'action_ts'];

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A bare HTTP "app" that records what it receives and answers as told. */
async function startFakeApp(): Promise<{
  server: Server;
  url: string;
  received: Received[];
  answer: { status: number; body: string; type?: string; delayMs?: number };
}> {
  const received: Received[] = [];
  const answer: { status: number; body: string; type?: string; delayMs?: number } = { status: 200, body: '' };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      setTimeout(() => {
        res.writeHead(answer.status, answer.type ? { 'Content-Type': answer.type } : {});
        res.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    received,
    answer,
  };
}

/** Posts to the stand-in's Web API with the bot token, as JSON. */
async function api(slack: SlackStandIn, method: string, args: Record<string, unknown>) {
  const res = await fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${slack.botToken}` },
    body: JSON.stringify(args),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** POSTs JSON to a response_url and returns status and body. */
async function respond(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const buttonBlocks = [
  {
    type: 'actions',
    block_id: 'b',
    elements: [
      { type: 'button', action_id: 'a', value: 'underlying', text: { type: 'plain_text', text: 'Go' } },
    ],
  },
];

describe('HTTP delivery on the wire', () => {
  let slack: SlackStandIn;
  let fake: Awaited<ReturnType<typeof startFakeApp>>;

  before(async () => {
    fake = await startFakeApp();
    slack = await SlackStandIn.start({ transport: 'http', appUrl: fake.url, ackTimeoutMs: 300 });
  });
  after(async () => {
    await slack.close();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  it('sends a slash command form-encoded, signed, with Slack’s fields in Slack’s order', async () => {
    await slack.slashCommand({ text: 'a b&c', userId: 'U0ALICE' });
    const last = fake.received.at(-1);
    assert.ok(last);
    assert.equal(last.headers['content-type'], 'application/x-www-form-urlencoded');
    const timestamp = String(last.headers['x-slack-request-timestamp']);
    const signature = String(last.headers['x-slack-signature']);
    // Checked by Bolt's own verifier, as a real app's receiver checks it (it throws when the signature is wrong).
    verifySlackRequest({
      signingSecret: slack.signingSecret,
      body: last.body,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
    });
    const fields = new URLSearchParams(last.body);
    assert.deepEqual([...fields.keys()], SLASH_KEYS);
    assert.equal(fields.get('text'), 'a b&c');
    assert.equal(fields.get('command'), '/talk');
    assert.match(String(fields.get('response_url')), new RegExp(`^${slack.url}/response/`));
    assert.equal(last.headers['x-slack-retry-num'], undefined);
  });

  it('sends events as JSON, and redeliveries with the retry headers', async () => {
    const { delivery } = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0BOB',
      text: '<@U0BOT> hey',
    });
    assert.ok(delivery);
    const first = fake.received.at(-1);
    assert.equal(first?.headers['content-type'], 'application/json');
    const body = JSON.parse(String(first?.body));
    assert.deepEqual(Object.keys(body), EVENT_CALLBACK_KEYS);
    assert.deepEqual(Object.keys(body.event), APP_MENTION_KEYS);
    assert.deepEqual(body.event.blocks[0].elements[0].elements, [
      { type: 'user', user_id: 'U0BOT' },
      { type: 'text', text: ' hey' },
    ]);
    assert.equal(body.authorizations[0].user_id, 'U0BOT');

    await slack.redeliver(delivery);
    const retry = fake.received.at(-1);
    assert.equal(retry?.headers['x-slack-retry-num'], '1');
    assert.equal(retry?.headers['x-slack-retry-reason'], 'http_timeout');
    assert.equal(JSON.parse(String(retry?.body)).event_id, body.event_id);
  });

  it('sends a block action as payload=<json> with the clicked message', async () => {
    const posted = await api(slack, 'chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'pick',
      blocks: buttonBlocks,
    });
    const record = await slack.waitFor((r) => r.ts === posted.ts);
    await slack.clickButton({ record, actionId: 'a', userId: 'U0ALICE' });
    const last = fake.received.at(-1);
    assert.equal(last?.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.match(String(last?.body), /^payload=%7B/);
    const payload = JSON.parse(String(new URLSearchParams(String(last?.body)).get('payload')));
    assert.deepEqual(Object.keys(payload), BLOCK_ACTIONS_KEYS);
    assert.deepEqual(Object.keys(payload.actions[0]), ACTION_KEYS);
    assert.deepEqual(payload.container, {
      type: 'message',
      message_ts: record.ts,
      channel_id: 'C0GENERAL',
      is_ephemeral: false,
    });
    assert.equal(payload.actions[0].value, 'underlying');
    assert.equal(payload.message.bot_id, 'B0001');
  });

  it('refuses to click a button that is not there, naming the ones that are', async () => {
    const record = await slack.waitFor((r) => r.text === 'pick');
    await assert.rejects(slack.clickButton({ record, actionId: 'nope' }), (e: StandInError) => {
      return e.code === 'no_such_button' && e.message.includes('button:a');
    });
  });

  it('reads the app’s answer as Slack does: plain text, JSON, errors', async () => {
    fake.answer.body = 'plain words';
    assert.deepEqual((await slack.slashCommand({})).ack, { text: 'plain words' });
    fake.answer.status = 500;
    fake.answer.body = 'boom';
    const failed = await slack.slashCommand({});
    assert.equal(failed.status, 500);
    assert.equal(failed.ack, undefined);
    fake.answer.status = 200;
    fake.answer.body = '';
  });

  it('reports no ack when the app answers after the deadline', async () => {
    fake.answer.delayMs = 600;
    await assert.rejects(slack.slashCommand({}), NoAckError);
    fake.answer.delayMs = 0;
  });
});

describe('response_url', () => {
  let slack: SlackStandIn;
  let fake: Awaited<ReturnType<typeof startFakeApp>>;

  before(async () => {
    fake = await startFakeApp();
    slack = await SlackStandIn.start({ transport: 'http', appUrl: fake.url });
  });
  after(async () => {
    await slack.close();
    await new Promise((resolve) => fake.server.close(resolve));
  });

  it('posts ephemeral by default, in channel and in a thread when asked', async () => {
    const { responseUrl } = await slack.slashCommand({ userId: 'U0ALICE' });
    assert.ok(responseUrl);
    assert.deepEqual(await respond(responseUrl, { text: 'only you' }), { status: 200, body: { ok: true } });
    const secret = await slack.waitFor((r) => r.text === 'only you');
    assert.equal(secret.ephemeralTo, 'U0ALICE');

    const parent = await api(slack, 'chat.postMessage', { channel: 'C0GENERAL', text: 'parent' });
    await respond(responseUrl, {
      text: 'for all',
      response_type: 'in_channel',
      replace_original: 'false',
      thread_ts: parent.ts,
    });
    const open = await slack.waitFor((r) => r.text === 'for all');
    assert.equal(open.ephemeralTo, undefined);
    assert.equal(open.thread_ts, parent.ts);
    assert.equal(open.user, 'U0BOT');
  });

  it('is good for five uses, then answers used_url; an unknown one answers expired_url', async () => {
    const { responseUrl } = await slack.slashCommand({});
    assert.ok(responseUrl);
    for (let i = 0; i < 5; i += 1)
      assert.equal((await respond(responseUrl, { text: `use ${i}` })).status, 200);
    assert.deepEqual(await respond(responseUrl, { text: 'sixth' }), {
      status: 404,
      body: { ok: false, error: 'used_url' },
    });
    assert.equal((await respond(`${slack.url}/response/nope`, { text: 'x' })).status, 404);
  });

  it('answers 400 for a body that is not JSON, or has no text', async () => {
    const { responseUrl } = await slack.slashCommand({});
    assert.ok(responseUrl);
    assert.equal((await respond(responseUrl, '{oops')).status, 400);
    assert.deepEqual(await respond(responseUrl, { response_type: 'in_channel' }), {
      status: 400,
      body: { ok: false, error: 'no_text' },
    });
  });

  it('fails on demand', async () => {
    const { responseUrl } = await slack.slashCommand({});
    assert.ok(responseUrl);
    slack.failNext('response_url', { status: 500 });
    assert.equal((await respond(responseUrl, { text: 'x' })).status, 500);
    assert.equal((await respond(responseUrl, { text: 'x' })).status, 200);
  });

  it('replaces the clicked message, or deletes it and posts a new one', async () => {
    const posted = await api(slack, 'chat.postMessage', {
      channel: 'C0GENERAL',
      text: 'v1',
      blocks: buttonBlocks,
    });
    const record = await slack.waitFor((r) => r.ts === posted.ts);
    const click = await slack.clickButton({ record, actionId: 'a' });
    assert.ok(click.responseUrl);
    await respond(click.responseUrl, { replace_original: 'true', text: 'v2' });
    assert.equal(record.text, 'v2');
    assert.deepEqual(record.blocks, [], 'a replacement without blocks has none');
    assert.equal(record.ephemeralTo, undefined, 'visibility does not change');

    await respond(click.responseUrl, { delete_original: true, text: 'gone, here is news' });
    assert.equal(record.deleted, true);
    const news = await slack.waitFor((r) => r.text === 'gone, here is news');
    assert.equal(news.ephemeralTo, 'U0USER');
  });
});

/** A bare Socket Mode client: connects like @slack/socket-mode and queues what it receives. */
async function connectRawClient(slack: SlackStandIn) {
  const open = await fetch(`${slack.apiUrl}apps.connections.open`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${slack.appToken}` },
  });
  const { url } = (await open.json()) as { url: string };
  const ws = new WebSocket(url);
  const inbox: Array<Record<string, unknown>> = [];
  const waiting: Array<(m: Record<string, unknown>) => void> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Record<string, unknown>;
    const take = waiting.shift();
    if (take) take(message);
    else inbox.push(message);
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve) => {
      const queued = inbox.shift();
      if (queued) resolve(queued);
      else waiting.push(resolve);
    });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, url, next };
}

describe('Socket Mode on the wire', () => {
  let slack: SlackStandIn;

  before(async () => {
    slack = await SlackStandIn.start({ ackTimeoutMs: 300, disconnectGraceMs: 200, connectionWaitMs: 200 });
  });
  after(() => slack.close());

  it('reports not connected when no app is connected', async () => {
    await assert.rejects(slack.slashCommand({}), NotConnectedError);
  });

  it('says hello, delivers envelopes shaped like Slack’s, and resolves with the ack payload', async () => {
    const client = await connectRawClient(slack);
    const hello = await client.next();
    assert.deepEqual(Object.keys(hello), ['type', 'num_connections', 'debug_info', 'connection_info']);
    assert.equal(hello.type, 'hello');

    const command = slack.slashCommand({ text: 'hi' });
    const envelope = await client.next();
    assert.deepEqual(Object.keys(envelope), ['envelope_id', 'payload', 'type', 'accepts_response_payload']);
    assert.equal(envelope.type, 'slash_commands');
    assert.equal(envelope.accepts_response_payload, true);
    assert.deepEqual(Object.keys(envelope.payload as object), SLASH_KEYS);
    client.ws.send('not json at all');
    client.ws.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'instant' } }));
    assert.deepEqual((await command).ack, { text: 'instant' });
    await slack.waitFor((r) => r.text === 'instant' && r.ephemeralTo === 'U0USER');

    const event = slack.userMessage({ channelId: 'D0BOB', userId: 'U0BOB', text: 'dm' });
    const eventEnvelope = await client.next();
    assert.deepEqual(Object.keys(eventEnvelope), [
      'envelope_id',
      'payload',
      'type',
      'accepts_response_payload',
      'retry_attempt',
      'retry_reason',
    ]);
    assert.equal(eventEnvelope.retry_attempt, 0);
    assert.equal(eventEnvelope.retry_reason, '');
    client.ws.send(JSON.stringify({ envelope_id: eventEnvelope.envelope_id, payload: {} }));
    assert.deepEqual((await event).delivery?.ack, {});

    await assert.rejects(slack.openHome('U0BOB'), NoAckError, 'an envelope left unacked');
    await client.next(); // the unacked app_home_opened envelope

    const closed = new Promise((resolve) => client.ws.once('close', resolve));
    const disconnecting = slack.disconnect('warning');
    assert.deepEqual(await client.next(), {
      type: 'disconnect',
      reason: 'warning',
      debug_info: { host: 'talkbot-stand-in' },
    });
    // This client ignores the request; the stand-in closes the socket after the grace period.
    await disconnecting;
    await closed;
    assert.equal(slack.isConnected, false);
  });

  it('accepts each Socket Mode URL once', async () => {
    const { url, ws } = await connectRawClient(slack);
    const again = new WebSocket(url);
    again.on('error', () => {}); // terminate() below reports the aborted handshake as an error
    const status = await new Promise<number | undefined>((resolve) => {
      again.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      again.once('open', () => resolve(undefined));
    });
    assert.equal(status, 401);
    again.terminate();
    ws.close();
  });
});
