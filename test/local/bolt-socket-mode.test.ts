import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { App } from '@slack/bolt';
import { NoAckError, type SlackStandIn } from '../../src/local/index.ts';
import { type BoltAgainstStandIn, type Seen, startBoltAgainstStandIn } from './helpers.ts';

describe('a real Bolt app in Socket Mode against the stand-in', () => {
  let slack: SlackStandIn;
  let app: App;
  let seen: Seen;

  let running: BoltAgainstStandIn;

  before(async () => {
    running = await startBoltAgainstStandIn('socket');
    ({ slack, app, seen } = running);
  });
  after(() => running.stop());

  it('connects through apps.connections.open and says hello', () => {
    assert.equal(slack.isConnected, true);
    assert.equal(slack.connectionCount, 1);
    assert.ok(slack.calls.some((c) => c.method === 'apps.connections.open' && c.ok));
  });

  it('delivers a slash command; the app acks and answers ephemerally through response_url', async () => {
    const delivery = await slack.slashCommand({ text: 'jepsen', userId: 'U0ALICE', channelId: 'C0GENERAL' });
    assert.deepEqual(delivery.ack, {}, 'a bare ack() carries an empty payload');
    assert.match(String(delivery.envelopeId), /^[0-9a-f-]{36}$/);
    const reply = await slack.waitFor((r) => r.text === 'You asked: jepsen');
    assert.equal(reply.ephemeralTo, 'U0ALICE');
    assert.equal(reply.channel, 'C0GENERAL');
    assert.equal(reply.source, 'response_url');
  });

  it('records a message carried by the slash command’s ack itself', async () => {
    const delivery = await slack.slashCommand({ command: '/talk-now', text: 'now' });
    assert.deepEqual(delivery.ack, { response_type: 'in_channel', text: 'Right away: now' });
    const reply = await slack.waitFor((r) => r.text === 'Right away: now');
    assert.equal(reply.ephemeralTo, undefined);
    assert.equal(reply.source, 'ack');
  });

  it('delivers app_mention in a thread; the reply lands in that thread', async () => {
    const { record: parent } = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0BOB',
      text: 'a question',
    });
    const { delivery } = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0BOB',
      text: '<@U0BOT> any talks on Jepsen?',
      threadTs: parent.ts,
    });
    assert.equal(delivery?.type, 'events_api');
    const reply = await slack.waitFor((r) => r.user === 'U0BOT' && r.text === 'Hello <@U0BOB>');
    assert.equal(reply.thread_ts, parent.ts);
  });

  it('does not deliver a channel message that does not mention the bot', async () => {
    const { delivery } = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0BOB',
      text: 'just chatting',
    });
    assert.equal(delivery, undefined);
  });

  it('delivers a DM as a message event with channel_type im', async () => {
    const { delivery } = await slack.userMessage({ channelId: 'D0BOB', userId: 'U0BOB', text: 'hi bot' });
    const event = delivery?.payload.event as Record<string, unknown>;
    assert.equal(event.type, 'message');
    assert.equal(event.channel_type, 'im');
    const reply = await slack.waitFor((r) => r.channel === 'D0BOB' && r.user === 'U0BOT');
    assert.equal(reply.text, 'You said: hi bot');
  });

  it('delivers a button click on an ephemeral message; respond replaces it', async () => {
    await slack.slashCommand({ text: 'raft', userId: 'U0CAROL' });
    const answer = await slack.waitFor((r) => r.text === 'You asked: raft');
    const delivery = await slack.clickButton({ record: answer, actionId: 'more', userId: 'U0CAROL' });
    const container = delivery.payload.container as Record<string, unknown>;
    assert.equal(container.is_ephemeral, true);
    assert.equal(delivery.payload.message, undefined, 'Slack sends no message for an ephemeral source');
    await slack.waitFor((r) => r === answer && r.text === 'Showing page-2');
    assert.equal(answer.edits.length, 1);
    assert.equal(answer.ephemeralTo, 'U0CAROL');
  });

  it('delivers a button click on a channel message, with the message, and deletes it on request', async () => {
    await app.client.chat.postMessage({
      channel: 'C0GENERAL',
      text: 'tip of the day',
      blocks: [
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'dismiss', text: { type: 'plain_text', text: 'Dismiss' } }],
        },
      ],
    });
    const tip = await slack.waitFor((r) => r.text === 'tip of the day');
    const delivery = await slack.clickButton({ record: tip, actionId: 'dismiss', userId: 'U0DAVE' });
    const message = delivery.payload.message as Record<string, unknown>;
    assert.equal(message.ts, tip.ts);
    await slack.waitFor((r) => r === tip && r.deleted);
  });

  it('delivers app_home_opened; the view is sent back with the next visit', async () => {
    await slack.openHome('U0ERIN');
    const first = await slack.waitForHomeView('U0ERIN');
    assert.equal(JSON.stringify(first.blocks).includes('first time'), true);
    const again = await slack.openHome('U0ERIN');
    const event = again.payload.event as Record<string, unknown>;
    assert.equal((event.view as Record<string, unknown>).id, first.id);
  });

  it('redelivers an event with the same event_id and retry_attempt 1', async () => {
    const { delivery } = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0BOB',
      text: '<@U0BOT> again',
    });
    assert.ok(delivery);
    const retry = await slack.redeliver(delivery);
    assert.equal(retry.payload.event_id, delivery.payload.event_id);
    assert.notEqual(retry.envelopeId, delivery.envelopeId);
    const eventId = String(delivery.payload.event_id);
    assert.deepEqual(
      seen.retries.filter((r) => r.eventId === eventId).map((r) => [r.retryNum, r.retryReason]),
      [
        [0, ''],
        [1, 'timeout'],
      ],
    );
  });

  it('reports no ack when nothing acknowledges within 3 s', async () => {
    // No listener for this command: Bolt in Socket Mode never acks it.
    await assert.rejects(slack.slashCommand({ command: '/nobody-listens' }), NoAckError);
  });

  it('reconnects after a disconnect and keeps delivering', async () => {
    await slack.disconnect('refresh_requested');
    assert.equal(slack.isConnected, false);
    // Bolt's client waits clientPingTimeout (5 s by default) before it reconnects.
    await slack.waitForConnection(8000);
    assert.equal(slack.connectionCount, 2);
    await slack.slashCommand({ text: 'after reconnect' });
    await slack.waitFor((r) => r.text === 'You asked: after reconnect');
  });
});
