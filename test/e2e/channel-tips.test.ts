import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../src/config.ts';
import type { SlackStandIn } from '../../src/local/index.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';
import { type RunningTalkbot, startTalkbot } from '../../src/start.ts';
import { nextSlot, pickTip } from '../../src/tips/pick-tip.ts';
import { eventually } from '../helpers/eventually.ts';
import { runTalkbot } from '../helpers/run-cli.ts';
import { slackProblems } from '../helpers/slack-rules.ts';
import { visibleText } from './harness.ts';

const tipsIn = (slack: SlackStandIn, channel: string) =>
  slack.records.filter((r) => r.channel === channel && r.text.startsWith('Reading tip') && !r.ephemeralTo);

// The real `startTalkbot` in local mode (the app, the stand-in of Slack, the embedded store), twice on one
// data folder: what `npm start` runs, restarted.
describe('reading tips per channel, from Slack, end to end', () => {
  let data: string;
  let cache: string;
  let bot: RunningTalkbot;
  const logs: string[] = [];
  const env = () => ({
    CONTENT_DIR: 'content',
    PORT: '0',
    TALKBOT_CACHE_DIR: cache,
    TALKBOT_DATA_DIR: data,
    LOG_LEVEL: 'info',
    TALKBOT_ADMINS: 'U0WRITER',
  });
  const start = () =>
    startTalkbot(
      readConfig(env()),
      new RedactingLogger('info', [], (line) => {
        logs.push(line);
      }),
    );
  const slack = () => {
    assert.ok(bot.standIn, 'local mode runs the stand-in');
    return bot.standIn;
  };

  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'talkbot-tips-data-'));
    cache = await mkdtemp(join(tmpdir(), 'talkbot-tips-cache-'));
    bot = await start();
  });
  after(async () => {
    await bot.stop();
    await rm(data, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('/talk tips on weekdays 9:00 Europe/Berlin: confirmed in the channel for everyone, then a tip at the next slot', async () => {
    await slack().slashCommand({
      text: 'tips on weekdays 9:00 Europe/Berlin',
      userId: 'U0ANA',
      channelId: 'C0READING',
    });
    const confirmation = await slack().waitFor(
      (r) => r.channel === 'C0READING' && r.text.includes('set reading tips'),
    );
    assert.equal(confirmation.ephemeralTo, undefined, 'everyone in the channel sees it');
    assert.equal(confirmation.text, '<@U0ANA> set reading tips here for weekdays at 09:00 Europe/Berlin');
    assert.deepEqual(slackProblems(confirmation), []);

    await eventually('the channel to be scheduled', () => bot.tips.channels.includes('C0READING'));
    const slot = nextSlot('0 9 * * 1-5', 'Europe/Berlin', new Date());
    assert.ok(slot);
    assert.equal(slot.toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin' }), '09:00:00');
    assert.equal(await bot.tips.runSlot('C0READING', slot), 'posted');
    const [tip] = tipsIn(slack(), 'C0READING');
    assert.ok(tip, 'the tip is posted in the channel');
    const expected = pickTip(bot.store.current, slot, {
      schedule: '0 9 * * 1-5',
      timezone: 'Europe/Berlin',
      seed: 'talkbot',
      channel: 'C0READING',
    });
    assert.ok(expected);
    assert.ok(
      visibleText(tip).includes(expected.resource.url.replace(/&/g, '&amp;')),
      'the channel’s own tip',
    );
    assert.ok(
      tip.blocks.some((b) => b.type === 'context_actions'),
      'a tip carries the feedback buttons',
    );
    assert.equal(await bot.tips.runSlot('C0READING', slot), 'claimed_elsewhere', 'a slot is posted once');
  });

  it('/talk tips shows the settings with buttons; Set up tips opens the modal in the user’s own zone, Save sets and confirms', async () => {
    slack().workspace.userTimezones.set('U0BEN', 'America/New_York');
    await slack().slashCommand({ text: 'tips', userId: 'U0BEN', channelId: 'C0DESIGN' });
    const settings = await slack().waitFor((r) => r.ephemeralTo === 'U0BEN' && /Reading tips/.test(r.text));
    assert.match(visibleText(settings), /Reading tips are off in this channel/);
    await slack().clickButton({ record: settings, actionId: 'tips_set_up', userId: 'U0BEN' });
    const modal = await slack().waitForModal('U0BEN');
    const zone = JSON.stringify(modal.view.blocks);
    assert.match(zone, /"initial_option":\{"text":\{"type":"plain_text","text":"America\/New_York"/);

    const none = await slack().submitView({
      viewId: String(modal.view.id),
      userId: 'U0BEN',
      values: {
        tips_days: { tips_days: { type: 'checkboxes', selected_options: [] } },
        tips_time: { tips_time: { type: 'timepicker', selected_time: '08:30' } },
        tips_timezone: {
          tips_timezone: { type: 'static_select', selected_option: { value: 'America/New_York' } },
        },
      },
    });
    assert.equal(none.closed, false, 'no day picked: the modal stays open');
    assert.deepEqual(none.errors, { tips_days: 'Pick at least one day.' });

    const saved = await slack().submitView({
      viewId: String(modal.view.id),
      userId: 'U0BEN',
      values: {
        tips_days: {
          tips_days: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '4' }] },
        },
        tips_time: { tips_time: { type: 'timepicker', selected_time: '08:30' } },
        tips_timezone: {
          tips_timezone: { type: 'static_select', selected_option: { value: 'America/New_York' } },
        },
      },
    });
    assert.equal(saved.closed, true);
    const confirmation = await slack().waitFor(
      (r) => r.channel === 'C0DESIGN' && r.text.includes('<@U0BEN> set'),
    );
    assert.equal(
      confirmation.text,
      '<@U0BEN> set reading tips here for Mondays and Thursdays at 08:30 America/New_York',
    );
  });

  it('pause and off: each confirmed in the channel; a paused channel posts nothing until it resumes', async () => {
    await slack().slashCommand({ text: 'tips pause 2w', userId: 'U0ANA', channelId: 'C0READING' });
    await slack().waitFor(
      (r) => r.channel === 'C0READING' && r.text.startsWith('<@U0ANA> paused reading tips here until'),
    );
    await eventually('the paused channel to stop', () => !bot.tips.channels.includes('C0READING'));
    await slack().slashCommand({ text: 'tips resume', userId: 'U0ANA', channelId: 'C0READING' });
    await slack().waitFor(
      (r) => r.channel === 'C0READING' && r.text === '<@U0ANA> resumed reading tips here',
    );
    await eventually('the channel to run again', () => bot.tips.channels.includes('C0READING'));

    await slack().slashCommand({ text: 'tips on daily 7:15 UTC', userId: 'U0ANA', channelId: 'C0SCRATCH' });
    await slack().waitFor((r) => r.channel === 'C0SCRATCH' && r.text.includes('daily at 07:15 UTC'));
    await slack().slashCommand({ text: 'tips off', userId: 'U0ANA', channelId: 'C0SCRATCH' });
    await slack().waitFor(
      (r) => r.channel === 'C0SCRATCH' && r.text === '<@U0ANA> turned reading tips off here',
    );
    await eventually('the channel to stop', () => !bot.tips.channels.includes('C0SCRATCH'));

    await slack().slashCommand({ text: 'tips pause whenever', userId: 'U0ANA', channelId: 'C0READING' });
    const mistake = await slack().waitFor((r) => r.ephemeralTo === 'U0ANA' && r.text.includes('pause 2w'));
    assert.equal(mistake.channel, 'C0READING');
  });

  it('a channel the bot is not in: the subscriber is told how to fix it, and tips stop after three failures with a note on Home', async () => {
    slack().workspace.channelsWithoutBot.add('C0NOBOT');
    await slack().slashCommand({ text: 'tips on weekdays 10am UTC', userId: 'U0CAT', channelId: 'C0NOBOT' });
    // The command's confirmation goes through its response_url, which works before the bot is invited.
    await slack().waitFor((r) => r.channel === 'C0NOBOT' && r.text.includes('<@U0CAT> set reading tips'));
    await eventually('the channel to be scheduled', () => bot.tips.channels.includes('C0NOBOT'));
    let at = new Date();
    for (let i = 0; i < 3; i++) {
      const slot = nextSlot('0 10 * * 1-5', 'UTC', at);
      assert.ok(slot);
      assert.equal(await bot.tips.runSlot('C0NOBOT', slot), 'failed');
      at = slot;
    }
    const told = slack().records.filter((r) => r.channel === 'D0CAT');
    assert.equal(told.length, 2, 'told at the first failure and when tips stop');
    assert.match(
      told[0]?.text ?? '',
      /not_in_channel.*invite the bot to the channel \(`\/invite @talkbot`\)/,
    );
    assert.match(told[1]?.text ?? '', /stopped until you fix it and press \*Resume\*/);
    assert.ok(!bot.tips.channels.includes('C0NOBOT'), 'tips there stopped');

    await slack().openHome('U0CAT');
    const home = JSON.stringify(await slack().waitForHomeView('U0CAT'));
    assert.match(home, /Reading tips in channels/);
    assert.match(home, /Stopped after repeated failed posts \(not_in_channel\)/);
    assert.match(
      home,
      /#c0reading\* · weekdays at 09:00 \(Europe\/Berlin\)\\nNext /,
      'the others list their next tip',
    );
  });

  it('survives a restart: the subscriptions are in the store, and the restarted app runs them', async () => {
    await bot.stop();
    bot = await start();
    await eventually('the channels to be scheduled again', () =>
      ['C0GENERAL', 'C0READING', 'C0DESIGN'].every((c) => bot.tips.channels.includes(c)),
    );
    assert.ok(!bot.tips.channels.includes('C0NOBOT'), 'a stopped channel stays stopped');
    await slack().slashCommand({ text: 'tips', userId: 'U0ANA', channelId: 'C0READING' });
    const settings = await slack().waitFor(
      (r) => r.ephemeralTo === 'U0ANA' && /Reading tips here/.test(r.text),
    );
    assert.match(visibleText(settings), /weekdays at 09:00 \(Europe\/Berlin\)/);
    assert.match(visibleText(settings), /Next tip /);
  });

  it('feedback: 👍 and 👎 stored and counted, the 👎 asks what was missing in place; insights --json lists it while the app runs', async () => {
    await slack().slashCommand({ text: 'jepsen', userId: 'U0DAN', channelId: 'C0GENERAL' });
    const answer = await slack().waitFor((r) => r.ephemeralTo === 'U0DAN' && r.text.includes('jepsen'));
    assert.ok(
      answer.blocks.some((b) => b.type === 'context_actions'),
      'the answer carries the feedback element',
    );
    assert.deepEqual(slackProblems(answer), []);
    await slack().clickFeedback({ record: answer, positive: false, userId: 'U0DAN' });
    await eventually('the question to appear in place', () =>
      JSON.stringify(answer.blocks).includes('What were you looking for?'),
    );
    assert.match(visibleText(answer), /aphyr\.com/, 'the answer is still there');
    await slack().submitInput({
      record: answer,
      actionId: 'talk_feedback_note',
      value: 'the Jepsen talk video',
      userId: 'U0DAN',
    });
    await slack().waitFor((r) => r.ephemeralTo === 'U0DAN' && r.text.startsWith('Thanks, that helps'));

    await slack().slashCommand({ text: 'zanzibar consensus', userId: 'U0EVE', channelId: 'C0GENERAL' });
    await slack().waitFor((r) => r.ephemeralTo === 'U0EVE' && r.text.includes('zanzibar'));
    await slack().slashCommand({ text: 'Zanzibar  consensus', userId: 'U0FAY', channelId: 'C0GENERAL' });
    await slack().waitFor((r) => r.ephemeralTo === 'U0FAY' && r.text.toLowerCase().includes('zanzibar'));

    const nextWeek = nextSlot('0 9 * * 1-5', 'Europe/Berlin', new Date(Date.now() + 7 * 86_400_000));
    assert.ok(nextWeek);
    assert.equal(await bot.tips.runSlot('C0READING', nextWeek), 'posted');
    const [tip] = tipsIn(slack(), 'C0READING');
    assert.ok(tip);
    await slack().clickFeedback({ record: tip, positive: true, userId: 'U0EVE' });
    await slack().waitFor((r) => r.ephemeralTo === 'U0EVE' && r.text === 'Thanks! Glad it helped.');
    assert.equal(tip.edits.length, 0, 'nothing changes in the channel');

    const run = await runTalkbot(['insights', '--json', '--since', '7d'], { env: env() });
    assert.equal(run.code, 0, run.stderr);
    const insights = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(insights), [
      'since',
      'questions',
      'unanswered',
      'feedback',
      'unhelpful',
      'top',
    ]);
    assert.equal(insights.questions, 3);
    assert.deepEqual(insights.unanswered, [{ query: 'zanzibar consensus', count: 2 }]);
    assert.deepEqual(insights.feedback, { helpful: 1, unhelpful: 1 });
    assert.equal(insights.unhelpful.length, 1);
    assert.equal(insights.unhelpful[0].query, 'jepsen');
    assert.equal(insights.unhelpful[0].note, 'the Jepsen talk video');
    assert.ok(insights.unhelpful[0].urls.some((u: string) => u.includes('aphyr.com')));
    assert.ok(!run.stdout.includes('U0DAN'), 'no user IDs');

    await slack().openHome('U0WRITER');
    const home = JSON.stringify(await slack().waitForHomeView('U0WRITER'));
    assert.match(home, /What readers looked for/);
    assert.match(home, /3 questions, 3 this week · 👍 1 · 👎 1/);
    await slack().openHome('U0DAN');
    assert.doesNotMatch(JSON.stringify(await slack().waitForHomeView('U0DAN')), /What readers looked for/);
  });
});
