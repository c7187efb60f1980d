import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MessageRecord } from '../../src/local/index.ts';
import { postToApp } from '../../src/local/index.ts';
import type { Message } from '../../src/slack/blocks/message.ts';
import { slackProblems } from '../helpers/slack-rules.ts';
import { SEED_READING_HEADINGS } from '../slack/blocks/fixtures.ts';
import { type Running, startTalkbotAgainstStandIn, visibleText } from './harness.ts';

const seedSections = SEED_READING_HEADINGS;
const asMessage = (r: MessageRecord) => ({ text: r.text, blocks: r.blocks }) as unknown as Message;

for (const transport of ['socket', 'http'] as const) {
  describe(`talkbot in ${transport === 'socket' ? 'Socket Mode' : 'HTTP mode'} against the stand-in of Slack`, () => {
    let bot: Running;
    before(async () => {
      bot = await startTalkbotAgainstStandIn(transport);
    });
    after(() => bot.stop());

    it('answers /talk testing distributed ephemerally with the QCon talk and its six sections', async () => {
      const delivery = await bot.slack.slashCommand({
        text: 'testing distributed',
        userId: 'U0ALICE',
        channelId: 'C0GENERAL',
      });
      assert.equal(delivery.status, 200);
      const answer = await bot.slack.waitFor(
        (r) => r.ephemeralTo === 'U0ALICE' && r.text.includes('testing distributed'),
      );
      const shown = visibleText(answer);
      assert.match(shown, /QCon: How Did I Get Here\?/);
      let last = -1;
      for (const section of seedSections) {
        const at = shown.indexOf(`*${section}*`);
        assert.ok(at > last, `${section} shown, in order`);
        last = at;
      }
      assert.deepEqual(slackProblems(asMessage(answer)), []);
    });

    it('Share in channel reposts the answer for everyone, says who shared it, and removes the ephemeral one', async () => {
      await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0BOB', channelId: 'C0GENERAL' });
      const ephemeral = await bot.slack.waitFor(
        (r) => r.ephemeralTo === 'U0BOB' && r.text.includes('jepsen'),
      );
      await bot.slack.clickButton({ record: ephemeral, actionId: 'talk_share', userId: 'U0BOB' });
      const shared = await bot.slack.waitFor(
        (r) => r.ephemeralTo === undefined && r.text.includes('jepsen') && !r.deleted,
      );
      assert.equal(shared.channel, 'C0GENERAL');
      assert.match(visibleText(shared), /Shared by <@U0BOB>/);
      assert.match(visibleText(shared), /aphyr\.com\/tags\/Jepsen/);
      assert.doesNotMatch(visibleText(shared), /talk_share/, 'no Share button on a shared answer');
      await bot.slack.waitFor((r) => r === ephemeral && r.deleted);
    });

    it('answers a mention in a thread, in that thread, exactly once even when Slack re-delivers it', async () => {
      const { record: parent } = await bot.slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0CAROL',
        text: 'anyone?',
      });
      const { delivery } = await bot.slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0CAROL',
        text: '<@U0BOT> chaos engineering?',
        threadTs: parent.ts,
      });
      assert.ok(delivery);
      const reply = await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === parent.ts);
      assert.match(visibleText(reply), /Principles of Chaos Engineering/);
      const again = await bot.slack.redeliver(delivery);
      assert.equal(again.retryAttempt, 1);
      // The first reply arrived after its delivery; give a duplicate the same time to show up.
      await bot.slack.slashCommand({ text: 'help', userId: 'U0CAROL' });
      await bot.slack.waitFor((r) => r.ephemeralTo === 'U0CAROL');
      const replies = bot.slack.records.filter((r) => r.user === 'U0BOT' && r.thread_ts === parent.ts);
      assert.equal(replies.length, 1);
    });

    it('starts a thread under a mention made in the channel itself', async () => {
      const { record } = await bot.slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0DAN',
        text: '<@U0BOT> jepsen?',
      });
      const reply = await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === record.ts);
      assert.match(visibleText(reply), /Kyle Kingsbury/);
    });

    it('answers a direct message in the DM', async () => {
      const { record } = await bot.slack.userMessage({
        channelId: 'D0ERIN',
        userId: 'U0ERIN',
        text: 'deterministic simulation',
      });
      const reply = await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.channel === record.channel);
      assert.match(visibleText(reply), /Testing Distributed Systems w\/ Deterministic Simulation/);
    });

    it('gives help for /talk alone and for a bare mention', async () => {
      await bot.slack.slashCommand({ text: '', userId: 'U0FAY' });
      const help = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0FAY');
      assert.match(visibleText(help), /tag:testing/);
      const { record } = await bot.slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0FAY',
        text: '<@U0BOT>',
      });
      const reply = await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === record.ts);
      assert.match(visibleText(reply), /tag:testing/);
    });

    it('echoes a query holding <!channel> and a user mention harmlessly', async () => {
      await bot.slack.slashCommand({ text: '<!channel> <@U0ADMIN> @here xyzzy', userId: 'U0GUS' });
      const answer = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0GUS');
      const shown = visibleText(answer);
      assert.doesNotMatch(shown, /<!channel>|<@U0ADMIN>|(?<![\u200b\u2060\w])@here/);
      assert.match(shown, /&lt;!channel&gt;/);
      assert.deepEqual(slackProblems(asMessage(answer)), []);
    });

    it('reads a query as typed: Slack’s &amp; entities are decoded once, and echoed escaped once', async () => {
      // Slack sends typed `R&D <b>` with entities.
      await bot.slack.slashCommand({ text: 'R&amp;D &lt;b&gt;', userId: 'U0GIL' });
      const answer = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0GIL');
      const shown = visibleText(answer);
      assert.match(shown, /R&amp;D &lt;b&gt;/);
      assert.doesNotMatch(shown, /&amp;amp;|<b>/);
    });

    it('/talk tip shows today’s reading tip to the asker, never a profile', async () => {
      await bot.slack.slashCommand({ text: 'tip', userId: 'U0TIP' });
      const tip = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0TIP');
      assert.match(visibleText(tip), /Reading tip/);
      assert.match(visibleText(tip), /tip_more/);
      assert.doesNotMatch(visibleText(tip), /twitter\.com/);
    });

    it('publishes the Home tab with the latest talks when a user opens it', async () => {
      await bot.slack.openHome('U0HAL');
      const view = await bot.slack.waitForHomeView('U0HAL');
      assert.match(JSON.stringify(view), /QCon: How Did I Get Here\?/);
    });

    it('tells the user how to fix it when Slack refuses the reply (not_in_channel), and keeps running', async () => {
      bot.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
      const { record } = await bot.slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0IDA',
        text: '<@U0BOT> jepsen',
      });
      const notice = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0IDA');
      assert.match(notice.text, /\/invite @talkbot/);
      assert.ok(
        bot.logs.some((line) => line.includes('not_in_channel')),
        'the error code is logged',
      );
      await bot.slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0IDA',
        text: '<@U0BOT> jepsen',
        threadTs: record.ts,
      });
      await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === record.ts);
    });

    if (transport === 'http') {
      it('rejects a forged request with 401 and answers nothing', async () => {
        const before = bot.slack.records.length;
        const url = bot.slack.appUrl ?? '';
        const body =
          'command=%2Ftalk&text=jepsen&user_id=U0EVE&channel_id=C0GENERAL&response_url=http%3A%2F%2F127.0.0.1%3A1%2F';
        const forged = await postToApp({
          url,
          body,
          contentType: 'application/x-www-form-urlencoded',
          signingSecret: 'ffffffffffffffffffffffffffffffff',
        });
        assert.equal(forged.status, 401);
        const stale = await postToApp({
          url,
          body,
          contentType: 'application/x-www-form-urlencoded',
          signingSecret: bot.slack.signingSecret,
          timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
        });
        assert.equal(stale.status, 401);
        assert.equal(bot.slack.records.length, before);
      });

      it('answers /healthz for load balancers', async () => {
        const url = new URL('/healthz', bot.slack.appUrl);
        const response = await fetch(url);
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), { ok: true });
      });
    }
  });
}

describe('More results over a larger site', () => {
  let bot: Running;
  before(async () => {
    bot = await startTalkbotAgainstStandIn('socket', { contentDir: 'test/fixtures/sites/talks' });
  });
  after(() => bot.stop());

  it('replaces the ephemeral answer with the next page of the same query', async () => {
    await bot.slack.slashCommand({ text: 'tag:testing', userId: 'U0JO' });
    const first = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0JO');
    assert.match(visibleText(first), /talk_more/);
    const firstPage = visibleText(first);
    await bot.slack.clickButton({ record: first, actionId: 'talk_more', userId: 'U0JO' });
    const updated = await bot.slack.waitFor((r) => r === first && r.edits.length === 1);
    const secondPage = visibleText(updated);
    assert.notEqual(secondPage, firstPage);
    assert.match(secondPage, /tag:testing/);
    assert.deepEqual(slackProblems(asMessage(updated)), []);
  });
});

describe('a post with 300 links', () => {
  let bot: Running;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkbot-big-'));
    await mkdir(join(dir, 'posts'));
    const sections = Array.from({ length: 30 }, (_, s) =>
      [
        `## Speaker ${s} <script>&`,
        ...Array.from({ length: 10 }, (_, l) => `* [Link ${s}-${l} | <b>](https://example.com/${s}/${l})`),
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'posts', 'huge.md'),
      `---\ntitle: "Huge talk"\ntags: [huge]\n---\n${sections.join('\n\n')}\n`,
    );
    bot = await startTalkbotAgainstStandIn('socket', { contentDir: dir });
  });
  after(async () => {
    await bot.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('still yields a message Slack accepts, within every limit', async () => {
    await bot.slack.slashCommand({ text: 'huge talk', userId: 'U0KIM' });
    const answer = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0KIM');
    assert.deepEqual(slackProblems(asMessage(answer)), []);
    assert.ok(answer.blocks.length <= 50);
    assert.match(visibleText(answer), /Huge talk/);
    assert.doesNotMatch(visibleText(answer), /<script>|<b>/);
  });
});
