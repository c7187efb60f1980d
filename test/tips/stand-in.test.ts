import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Message } from '../../src/slack/blocks/message.ts';
import { slackErrorCode } from '../../src/slack/slack-errors.ts';
import { pickTip } from '../../src/tips/pick-tip.ts';
import { TipScheduler } from '../../src/tips/scheduler.ts';
import { slackTipPoster } from '../../src/wiring/tip-poster.ts';
import { type Running, startTalkbotAgainstStandIn, visibleText } from '../e2e/harness.ts';
import { slackProblems } from '../helpers/slack-rules.ts';
import { berlinWeekdays } from './helpers.ts';

describe('reading tips end to end, against the local stand-in of Slack', () => {
  let bot: Running;
  const logs: string[] = [];
  const schedulerFor = (channel: string) =>
    new TipScheduler({
      ...berlinWeekdays,
      channel,
      library: () => bot.store.current,
      // The app's own poster and classifier, as src/start.ts wires them.
      poster: slackTipPoster(bot.app.client),
      errorCode: slackErrorCode,
      logger: {
        info: (...msg) => logs.push(`info ${msg.join(' ')}`),
        warn: (...msg) => logs.push(`warn ${msg.join(' ')}`),
        error: (...msg) => logs.push(`error ${msg.join(' ')}`),
      },
      now: () => new Date('2026-03-02T08:00:00Z'),
    });

  before(async () => {
    bot = await startTalkbotAgainstStandIn('socket');
  });
  after(() => bot.stop());

  it('posts the tip to the channel, and More from this talk shows the talk’s other resources to the clicker', async () => {
    const monday = new Date('2026-03-02T08:00:00Z');
    const tip = pickTip(bot.store.current, monday, { ...berlinWeekdays, channel: 'C0GENERAL' });
    assert.ok(tip !== null);
    const outcome = await schedulerFor('C0GENERAL').fire(monday);
    assert.equal(outcome.status, 'posted');

    const posted = await bot.slack.waitFor(
      (r) => r.channel === 'C0GENERAL' && r.text.startsWith('Reading tip'),
    );
    assert.equal(posted.ephemeralTo, undefined, 'the tip is for the whole channel');
    const shown = visibleText(posted);
    assert.match(shown, /Reading tip/);
    assert.match(shown, /QCon: How Did I Get Here\?/);
    assert.ok(shown.includes(tip.resource.url.replace(/&/g, '&amp;')), 'links the resource');
    assert.deepEqual(slackProblems({ text: posted.text, blocks: posted.blocks } as unknown as Message), []);

    await bot.slack.clickButton({ record: posted, actionId: 'tip_more', userId: 'U0READER' });
    const more = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0READER');
    const moreText = visibleText(more);
    assert.match(moreText, /QCon: How Did I Get Here\?/);
    for (const section of ['Peter Alvaro', 'Kyle Kingsbury', 'Chaos Engineering'])
      assert.ok(moreText.includes(section), section);
    assert.equal(posted.edits.length, 0, 'the channel message itself is left as it was');
  });

  it('a channel the bot is not in: the post fails with not_in_channel, the log says how to fix it, the next slot posts', async () => {
    const outcome = await schedulerFor('C0NOBOT').fire(new Date('2026-03-02T08:00:00Z'));
    assert.deepEqual(outcome.status === 'failed' ? outcome.code : outcome.status, 'not_in_channel');
    assert.match(
      logs.join('\n'),
      /error tip post to C0NOBOT failed: not_in_channel\. Invite the bot with \/invite @talkbot/,
    );

    const tuesday = await schedulerFor('C0GENERAL').fire(new Date('2026-03-03T08:00:00Z'));
    assert.equal(tuesday.status, 'posted');
    const tips = bot.slack.records.filter(
      (r) => r.channel === 'C0GENERAL' && r.text.startsWith('Reading tip'),
    );
    assert.equal(tips.length, 2, "Monday's and Tuesday's");
    assert.notEqual(tips[0]?.text, tips[1]?.text);
  });
});
