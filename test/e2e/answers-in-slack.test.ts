import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MessageRecord } from '../../src/local/index.ts';
import type { Message } from '../../src/slack/blocks/message.ts';
import { defaultTipSchedule, defaultTipSeed, todaysSlot } from '../../src/tips/index.ts';
import { slackProblems } from '../helpers/slack-rules.ts';
import { type Running, startTalkbotAgainstStandIn, visibleText } from './harness.ts';

const asMessage = (r: MessageRecord) => ({ text: r.text, blocks: r.blocks }) as unknown as Message;

/** The labels of a recorded message's buttons, in order. */
function buttonLabels(record: MessageRecord): string[] {
  return record.blocks.flatMap((block) =>
    block.type === 'actions'
      ? (block.elements as Array<{ text?: { text?: string } }>).map((e) => e.text?.text ?? '')
      : [],
  );
}

describe('paging and sharing an answer (tag:testing: 8 results, 2 pages)', () => {
  let bot: Running;
  before(async () => {
    bot = await startTalkbotAgainstStandIn('socket', { contentDir: 'test/fixtures/sites/talks' });
  });
  after(() => bot.stop());

  it('More results on an answer in a thread shows the next page in that thread; Previous goes back', async () => {
    const { record: mention } = await bot.slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0TH',
      text: '<@U0BOT> tag:testing',
    });
    const reply = await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.thread_ts === mention.ts);
    assert.match(visibleText(reply), /page 1 of 2 · results 1–5 of 8/);
    await bot.slack.clickButton({ record: reply, actionId: 'talk_more', userId: 'U0TH' });
    const second = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0TH');
    assert.equal(second.thread_ts, mention.ts, 'the next page stays in the thread');
    assert.equal(second.channel, 'C0GENERAL');
    assert.match(visibleText(second), /page 2 of 2 · results 6–8 of 8/);
    assert.deepEqual(buttonLabels(second), ['Previous', 'Share in channel']);
    await bot.slack.clickButton({ record: second, actionId: 'talk_previous', userId: 'U0TH' });
    const back = await bot.slack.waitFor((r) => r === second && r.edits.length === 1);
    assert.match(visibleText(back), /page 1 of 2 · results 1–5 of 8/);
    assert.equal(back.thread_ts, mention.ts);
    assert.deepEqual(slackProblems(asMessage(back)), []);
  });

  it('Share after paging shares the page the person sees, saying which page of how many for which query', async () => {
    await bot.slack.slashCommand({ text: 'tag:testing', userId: 'U0SH', channelId: 'C0GENERAL' });
    const first = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0SH');
    await bot.slack.clickButton({ record: first, actionId: 'talk_more', userId: 'U0SH' });
    const second = await bot.slack.waitFor((r) => r === first && r.edits.length === 1);
    const seen = visibleText(second);
    await bot.slack.clickButton({ record: second, actionId: 'talk_share', userId: 'U0SH' });
    const shared = await bot.slack.waitFor(
      (r) => r.ephemeralTo === undefined && /Shared by <@U0SH>/.test(visibleText(r)),
    );
    assert.match(
      visibleText(shared),
      /Shared by <@U0SH> · 🔎 “tag:testing” · page 2 of 2 · results 6–8 of 8/,
    );
    // The same hits the person saw, in the same order.
    const titles = (text: string) => [...text.matchAll(/\|([^>]+)>\*/g)].map((m) => m[1]);
    assert.deepEqual(titles(visibleText(shared)), titles(seen));
    await bot.slack.waitFor((r) => r === second && r.deleted);
  });
});

describe('what a newcomer types', () => {
  let bot: Running;
  before(async () => {
    bot = await startTalkbotAgainstStandIn('socket', { contentDir: 'test/fixtures/sites/talks' });
  });
  after(() => bot.stop());

  for (const [text, opening] of [
    ['hi', 'Hi! 👋'],
    ['Hello talkbot!', 'Hi! 👋'],
    ['thanks', 'You’re welcome!'],
    ['thank you so much', 'You’re welcome!'],
  ] as const) {
    it(`a DM saying "${text}" gets a greeting and the help, not a search`, async () => {
      const channel = `D0${text.length}X${opening.length}`;
      await bot.slack.userMessage({ channelId: channel, userId: 'U0NEW', text });
      const reply = await bot.slack.waitFor((r) => r.user === 'U0BOT' && r.channel === channel);
      assert.ok(reply.text.startsWith(opening), reply.text);
      assert.match(visibleText(reply), /`\/talk tag:testing`/);
      assert.doesNotMatch(visibleText(reply), /I found nothing/);
    });
  }

  it('"did you mean" suggestions are buttons that run them', async () => {
    await bot.slack.slashCommand({ text: 'tag:testng', userId: 'U0DYM' });
    const none = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0DYM');
    assert.match(visibleText(none), /I found nothing/);
    assert.doesNotMatch(visibleText(none), /\?\?/);
    assert.ok(buttonLabels(none).includes('tag:testing'), buttonLabels(none).join(' | '));
    const index = buttonLabels(none).indexOf('tag:testing');
    await bot.slack.clickButton({ record: none, actionId: `talk_suggestion_${index}`, userId: 'U0DYM' });
    const answer = await bot.slack.waitFor((r) => r === none && r.edits.length === 1);
    assert.match(visibleText(answer), /🔎 “tag:testing” · page 1 of 2 · results 1–5 of 8/);
  });

  for (const text of ['tags', 'tag:']) {
    it(`/talk ${text} lists the tags, most used first, with counts`, async () => {
      const user = `U0T${text.length}`;
      await bot.slack.slashCommand({ text, userId: user });
      const list = await bot.slack.waitFor((r) => r.ephemeralTo === user);
      assert.deepEqual(slackProblems(asMessage(list)), []);
      const counts = [...visibleText(list).matchAll(/`tag:([^`]+)` (\d+)/g)].map((m) => Number(m[2]));
      assert.ok(counts.length > 5, visibleText(list));
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
        'most used first',
      );
      assert.match(visibleText(list), /`tag:testing` 8/);
    });
  }

  it('a query over the length limit says the limit, and not to wait', async () => {
    await bot.slack.slashCommand({ text: 'distributed systems testing '.repeat(10), userId: 'U0LONG' });
    const reply = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0LONG');
    assert.match(reply.text, /That query is 279 characters long: the limit is 200/);
    assert.doesNotMatch(visibleText(reply), /try again/i);
  });
});

describe('today’s tip and an empty content folder, through the real app', () => {
  let bot: Running;
  let empty: string;
  before(async () => {
    empty = await mkdtemp(join(tmpdir(), 'talkbot-empty-'));
  });
  after(async () => {
    await bot?.stop();
    await rm(empty, { recursive: true, force: true });
  });

  it('/talk tip shows the tip of today’s slot, with its time', async () => {
    bot = await startTalkbotAgainstStandIn('socket', { contentDir: 'test/fixtures/sites/talks' });
    const options = { schedule: defaultTipSchedule, timezone: 'UTC', seed: defaultTipSeed };
    const slots = [todaysSlot(options, new Date())];
    await bot.slack.slashCommand({ text: 'tip', userId: 'U0TIP' });
    const tip = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0TIP');
    slots.push(todaysSlot(options, new Date()));
    const stamp = /<!date\^(\d+)\^\{date_short_pretty\} at \{time\}\|/.exec(visibleText(tip))?.[1];
    assert.ok(stamp, 'the tip says its date and time');
    assert.ok(
      slots.some((slot) => slot !== null && String(slot.getTime() / 1000) === stamp),
      'today’s slot',
    );
    await bot.stop();
  });

  it('the Home tab of a bot on an empty folder says so, with the count', async () => {
    bot = await startTalkbotAgainstStandIn('socket', { contentDir: empty });
    await bot.slack.openHome('U0HOME');
    const home = JSON.stringify(await bot.slack.waitForHomeView('U0HOME'));
    assert.match(home, /0 posts · 0 resources/);
    assert.match(home, /No posts yet\*: the content folder holds no posts/);
  });
});

describe('More from this post, on a reading list with 300 links', () => {
  let bot: Running;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkbot-reading-list-'));
    await mkdir(join(dir, 'posts'));
    const sections = Array.from({ length: 30 }, (_, s) =>
      [
        `## Week ${s + 1}`,
        ...Array.from(
          { length: 10 },
          (_, l) => `* [Reading ${s * 10 + l + 1}](https://example.org/read/${s * 10 + l + 1})`,
        ),
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'posts', 'reading-list.md'),
      `---\ntitle: "A year of distributed systems reading"\ntags: [reading]\n---\n${sections.join('\n\n')}\n`,
    );
    bot = await startTalkbotAgainstStandIn('socket', { contentDir: dir });
  });
  after(async () => {
    await bot.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('pages through every link, in place, with Previous links to go back', async () => {
    await bot.slack.slashCommand({ text: 'year of reading', userId: 'U0READ' });
    const answer = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0READ');
    assert.match(visibleText(answer), /and 285 more links: use \*More from this post\*/);
    await bot.slack.clickButton({ record: answer, actionId: 'tip_more', userId: 'U0READ' });
    let page = await bot.slack.waitFor((r) => r.ephemeralTo === 'U0READ' && r !== answer);
    const seen = new Set<string>();
    // What the app sent (the stand-in adds a block_id to each block, as Slack does, which the app's budget leaves out).
    const lastSent = () => {
      const call = bot.slack.calls.filter((c) => c.method === 'response_url').at(-1);
      return { text: call?.args.text, blocks: call?.args.blocks } as unknown as Message;
    };
    for (let clicks = 0; clicks < 30; clicks += 1) {
      assert.deepEqual(slackProblems(lastSent()), []);
      for (const m of visibleText(page).matchAll(/example\.org\/read\/(\d+)/g)) seen.add(m[1] ?? '');
      if (!buttonLabels(page).some((label) => label.startsWith('Next links'))) break;
      const edits = page.edits.length;
      await bot.slack.clickButton({ record: page, actionId: 'tip_more', userId: 'U0READ' });
      const current = page;
      page = await bot.slack.waitFor((r) => r === current && r.edits.length === edits + 1);
      assert.ok(buttonLabels(page).includes('Previous links'));
    }
    assert.equal(seen.size, 300, 'every link was shown');
    const edits = page.edits.length;
    await bot.slack.clickButton({ record: page, actionId: 'tip_more_back', userId: 'U0READ' });
    const back = await bot.slack.waitFor((r) => r === page && r.edits.length === edits + 1);
    assert.ok(buttonLabels(back).some((label) => label.startsWith('Next links')));
  });
});
