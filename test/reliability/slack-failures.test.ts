import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Running, startTalkbotAgainstStandIn } from '../e2e/harness.ts';

describe('when Slack fails', () => {
  let bot: Running;
  before(async () => {
    // The production retry shape, with short waits so the test stays quick.
    bot = await startTalkbotAgainstStandIn('socket', {
      retryConfig: { retries: 3, factor: 1, minTimeout: 50, maxTimeout: 100 },
    });
  });
  after(() => bot.stop());

  const mentionReplies = (ts: string) =>
    bot.slack.records.filter((r) => r.user === 'U0BOT' && r.thread_ts === ts);

  it('honours 429 Retry-After and the reply arrives exactly once', async () => {
    bot.slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 1 });
    const { record } = await bot.slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0A',
      text: '<@U0BOT> jepsen',
    });
    await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === record.ts, { timeoutMs: 5000 });
    const attempts = bot.slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    assert.ok(attempts >= 2, 'retried after the 429');
    assert.equal(mentionReplies(record.ts).length, 1);
  });

  it('retries a 500 a bounded number of times, and the reply arrives once', async () => {
    bot.slack.failNext('chat.postMessage', { status: 500 }, 2);
    const { record } = await bot.slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0B',
      text: '<@U0BOT> chaos engineering',
    });
    await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === record.ts, { timeoutMs: 5000 });
    assert.equal(mentionReplies(record.ts).length, 1);
  });

  it('gives up after the bound on a Slack that keeps failing, logs it, and answers the next request', async () => {
    bot.slack.failNext('chat.postMessage', { status: 503 }, 10);
    const { record } = await bot.slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0C',
      text: '<@U0BOT> jepsen',
    });
    const notice = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0C', { timeoutMs: 5000 });
    assert.match(notice.text, /try again/i);
    assert.equal(mentionReplies(record.ts).length, 0);
    assert.ok(bot.logs.some((l) => l.includes('http_503') || l.includes('503')));
    bot.slack.clearFaults();
    await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0C2' });
    await bot.slack.waitFor((r) => r.ephemeralTo === 'U0C2');
  });

  it('tells the user how to fix channel_not_found', async () => {
    bot.slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await bot.slack.userMessage({ channelId: 'C0GENERAL', userId: 'U0D', text: '<@U0BOT> jepsen' });
    const notice = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0D');
    assert.match(notice.text, /\/invite @talkbot/);
  });

  it('tells the asker when the answer to /talk is refused, and logs which command failed', async () => {
    bot.slack.failNext('response_url', { status: 500 });
    await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0F', channelId: 'C0GENERAL' });
    const notice = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0F');
    assert.match(notice.text, /Sorry, that did not work: .*try again/);
    assert.ok(bot.logs.some((l) => /\/talk from U0F in C0GENERAL failed: .*500/.test(l)));
  });

  it('keeps the ephemeral answer and tells the clicker when Share in channel is refused', async () => {
    await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0G', channelId: 'C0GENERAL' });
    const ephemeral = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0G' && r.text.includes('jepsen'));
    bot.slack.failNext('response_url', { status: 500 });
    await bot.slack.clickButton({ record: ephemeral, actionId: 'talk_share', userId: 'U0G' });
    const notice = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0G' && r.text.startsWith('Sorry'));
    assert.match(notice.text, /try again/);
    assert.ok(!ephemeral.deleted, 'the answer is still there to try again from');
    assert.ok(bot.logs.some((l) => /the talk_share button from U0G in C0GENERAL failed/.test(l)));
    assert.equal(
      bot.slack.records.filter((r) => JSON.stringify(r.blocks).includes('Shared by <@U0G>')).length,
      0,
    );
  });

  it('logs a Home tab that Slack refuses to publish, with the code, and publishes it next time', async () => {
    bot.slack.failNext('views.publish', { error: 'invalid_arguments' });
    await bot.slack.openHome('U0H');
    const logged = () =>
      bot.logs.some((l) => /app_home_opened event from U0H in D0H failed: invalid_arguments/.test(l));
    const end = Date.now() + 5000;
    while (!logged()) {
      assert.ok(
        Date.now() < end,
        `the refused publish is logged: ${bot.logs.filter((l) => /ERROR/.test(l)).join('')}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await bot.slack.openHome('U0H');
    const view = await bot.slack.waitForHomeView('U0H');
    assert.match(JSON.stringify(view), /QCon/);
  });
});

describe('Socket Mode connection trouble', () => {
  let bot: Running;
  before(async () => {
    bot = await startTalkbotAgainstStandIn('socket');
  });
  after(() => bot.stop());

  it('reconnects when the connection stops answering pings, and answers the next command once', async () => {
    const before = bot.slack.connectionCount;
    bot.slack.stopAnsweringPings();
    // The client pings every 5 s and gives up on a silent server; this waits for that, bounded.
    const end = Date.now() + 40_000;
    while (bot.slack.connectionCount <= before) {
      assert.ok(Date.now() < end, 'no reconnection after the server went quiet');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await bot.slack.waitForConnection(15_000);
    await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0PING' });
    await bot.slack.waitFor((r) => r.ephemeralTo === 'U0PING', { timeoutMs: 5000 });
    await bot.slack.slashCommand({ text: 'help', userId: 'U0PING2' });
    await bot.slack.waitFor((r) => r.ephemeralTo === 'U0PING2');
    assert.equal(bot.slack.records.filter((r) => r.ephemeralTo === 'U0PING').length, 1);
  });

  for (const reason of ['warning', 'refresh_requested'] as const) {
    it(`reconnects after a "${reason}" disconnect and answers once, with no duplicated listeners`, async () => {
      const connectionsBefore = bot.slack.connectionCount;
      await bot.slack.disconnect(reason);
      await bot.slack.waitForConnection(15_000);
      assert.ok(bot.slack.connectionCount >= 1);
      const { record } = await bot.slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0E',
        text: '<@U0BOT> jepsen',
      });
      await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === record.ts, { timeoutMs: 5000 });
      await bot.slack.slashCommand({ text: 'help', userId: 'U0E' });
      await bot.slack.waitFor((r) => r.ephemeralTo === 'U0E');
      assert.equal(
        bot.slack.records.filter((r) => r.user === 'U0BOT' && r.thread_ts === record.ts).length,
        1,
      );
      assert.ok(connectionsBefore >= 1);
    });
  }
});
