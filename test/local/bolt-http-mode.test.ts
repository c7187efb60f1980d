import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { encodeForm, postToApp, type SlackStandIn, signRequest } from '../../src/local/index.ts';
import { type BoltAgainstStandIn, type Seen, startBoltAgainstStandIn } from './helpers.ts';

describe('a real Bolt app over signed HTTP against the stand-in', () => {
  let slack: SlackStandIn;
  let seen: Seen;

  let running: BoltAgainstStandIn;

  before(async () => {
    running = await startBoltAgainstStandIn('http', 'http-test-secret');
    ({ slack, seen } = running);
  });
  after(() => running.stop());

  it('answers the signed url_verification challenge', async () => {
    const answer = await slack.verifyUrl('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.body), {
      challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
  });

  it('delivers a form-encoded slash command; the reply comes through response_url', async () => {
    const delivery = await slack.slashCommand({ text: 'consensus', userId: 'U0ALICE' });
    assert.equal(delivery.status, 200);
    assert.deepEqual(delivery.ack, {}, 'Bolt acks with an empty 200');
    const reply = await slack.waitFor((r) => r.text === 'You asked: consensus');
    assert.equal(reply.ephemeralTo, 'U0ALICE');
  });

  it('records the message in a slash command’s JSON ack', async () => {
    const delivery = await slack.slashCommand({ command: '/talk-now', text: 'quick' });
    assert.deepEqual(delivery.ack, { response_type: 'in_channel', text: 'Right away: quick' });
    await slack.waitFor(
      (r) => r.text === 'Right away: quick' && r.source === 'ack' && r.ephemeralTo === undefined,
    );
  });

  it('delivers app_mention as JSON; the reply lands in the thread', async () => {
    const { record } = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0BOB',
      text: '<@U0BOT> hi',
    });
    const reply = await slack.waitFor((r) => r.user === 'U0BOT' && r.text === 'Hello <@U0BOB>');
    assert.equal(reply.thread_ts, record.ts, 'a top-level mention is answered in a thread under it');
  });

  it('delivers a block action as payload=<json>; respond replaces the message', async () => {
    await slack.slashCommand({ text: 'paxos', userId: 'U0CAROL' });
    const answer = await slack.waitFor((r) => r.text === 'You asked: paxos');
    const delivery = await slack.clickButton({ record: answer, actionId: 'more', userId: 'U0CAROL' });
    assert.equal(delivery.status, 200);
    await slack.waitFor((r) => r === answer && r.text === 'Showing page-2');
  });

  it('delivers app_home_opened; the app publishes a Home view', async () => {
    await slack.openHome('U0ERIN');
    const view = await slack.waitForHomeView('U0ERIN');
    assert.equal(view.type, 'home');
  });

  it('redelivers with X-Slack-Retry-Num and X-Slack-Retry-Reason, which Bolt exposes in context', async () => {
    const { delivery } = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0BOB',
      text: '<@U0BOT> once',
    });
    assert.ok(delivery);
    const retry = await slack.redeliver(delivery);
    assert.equal(retry.status, 200);
    const eventId = String(delivery.payload.event_id);
    assert.deepEqual(
      seen.retries.filter((r) => r.eventId === eventId).map((r) => [r.retryNum, r.retryReason]),
      [
        [undefined, undefined],
        [1, 'http_timeout'],
      ],
    );
  });

  it('gets 401 from the app for a forged signature or a stale timestamp', async () => {
    const url = String(slack.appUrl);
    const body = encodeForm({
      command: '/talk',
      text: 'forged',
      user_id: 'U0MALLORY',
      channel_id: 'C0GENERAL',
    });
    const contentType = 'application/x-www-form-urlencoded';
    const forged = await postToApp({ url, signingSecret: 'not-the-secret', body, contentType });
    assert.equal(forged.status, 401);
    const stale = Math.floor(Date.now() / 1000) - 301;
    const old = await postToApp({
      url,
      signingSecret: slack.signingSecret,
      body,
      contentType,
      timestamp: stale,
    });
    assert.equal(old.status, 401);
    const tampered = await postToApp({
      url,
      signingSecret: slack.signingSecret,
      body,
      contentType,
      signature: signRequest(slack.signingSecret, Math.floor(Date.now() / 1000), `${body}&x=1`),
    });
    assert.equal(tampered.status, 401);
    assert.equal(
      slack.records.some((r) => r.text.includes('forged')),
      false,
    );
  });
});
