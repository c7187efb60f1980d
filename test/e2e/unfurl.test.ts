import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkBlocks } from '../../src/local/block-rules.ts';
import { eventually } from '../helpers/eventually.ts';
import { type Running, startTalkbotAgainstStandIn } from './harness.ts';

// Unfurls end to end: a person posts a link to the blog in the stand-in, Slack's link_shared reaches
// the real Bolt app, and its chat.unfurl attaches the post's card to that message.
for (const transport of ['socket', 'http'] as const) {
  describe(`unfurling links to the blog (${transport})`, () => {
    let running: Running;
    before(async () => {
      running = await startTalkbotAgainstStandIn(transport, {
        contentDir: 'test/fixtures/sites/talks',
        siteBaseUrl: 'https://talks.example.org',
      });
    });
    after(() => running.stop());

    it("attaches the post's card: title, date, description and its resources by kind", async () => {
      const { slack } = running;
      const link = 'https://talks.example.org/posts/jepsen-call-me-maybe/';
      const sent = await slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0ALICE',
        text: `worth a read before the retro: <${link}>`,
      });
      assert.ok(sent.linkShared, 'link_shared was delivered');
      const call = await slack.waitForCall((c) => c.method === 'chat.unfurl');
      assert.ok(call.ok, call.error ?? 'chat.unfurl failed');
      assert.equal(call.args.channel, 'C0GENERAL');
      assert.equal(call.args.ts, sent.record.ts);
      await eventually('the unfurl to be recorded', () => sent.record.unfurls !== undefined);
      const card = sent.record.unfurls?.[link] as { blocks: unknown[]; fallback: string };
      assert.deepEqual(checkBlocks(card.blocks), []);
      const texts = (card.blocks as { text?: { text: string }; elements?: { text: string }[] }[]).map(
        (block) => block.text?.text ?? block.elements?.map((e) => e.text).join(' '),
      );
      assert.deepEqual(texts, [
        `*<${link}|Call Me Maybe: Jepsen and Partition Tolerance>*\n` +
          'Kyle Kingsbury breaks databases under network partitions and shows what they lose.',
        '15 May 2013 · distributed systems, testing, jepsen',
        '🎬 *Video:* <https://www.youtube.com/watch?v=QdkS6ZjeR7Q|Jepsen II: Linearizable Boogaloo>',
        `2 more links in <${link}|the post>`,
      ]);
      assert.match(card.fallback, /^Call Me Maybe: Jepsen and Partition Tolerance · 15 May 2013 · /);
    });

    it('leaves a link to a post that does not exist, and any other site, to Slack', async () => {
      const { slack } = running;
      const before = slack.calls.filter((c) => c.method === 'chat.unfurl').length;
      const sent = await slack.userMessage({
        channelId: 'C0GENERAL',
        userId: 'U0ALICE',
        text: 'gone: https://talks.example.org/posts/removed-last-week/ and https://example.com/x',
      });
      assert.ok(sent.linkShared, 'the blog link still raised link_shared');
      // Every listener acks before it calls the Web API; a message posted after this one is answered
      // after it, so once the mention below is answered, any unfurl for the first would have been made.
      await slack.userMessage({ channelId: 'C0GENERAL', userId: 'U0ALICE', text: '<@U0BOT> jepsen' });
      await slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts !== undefined);
      assert.equal(slack.calls.filter((c) => c.method === 'chat.unfurl').length, before);
      assert.equal(sent.record.unfurls, undefined);
    });
  });
}
