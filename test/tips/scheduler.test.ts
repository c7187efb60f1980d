import assert from 'node:assert/strict';
import { before, describe, it, type TestContext } from 'node:test';
import { webApi } from '@slack/bolt';
import type { Library } from '../../src/search/library.ts';
import { postNoun } from '../../src/search/post-noun.ts';
import type { Message } from '../../src/slack/blocks/message.ts';
import { renderTip } from '../../src/slack/blocks/tip.ts';
import { slackErrorCode } from '../../src/slack/slack-errors.ts';
import { pickTip } from '../../src/tips/pick-tip.ts';
import { TipScheduler, type TipSchedulerOptions, tipPostHint } from '../../src/tips/scheduler.ts';
import { berlinWeekdays, loadSite, withoutPost } from './helpers.ts';

interface Posted {
  readonly channel: string;
  readonly message: Message;
}

/** What @slack/web-api throws when Slack answers `ok: false`. */
function platformError(error: string): Error {
  return new webApi.WebAPIPlatformError({ ok: false, error });
}

/** What @slack/web-api throws when a call is rate-limited and retries are off. */
function rateLimitedError(): Error {
  return new webApi.WebAPIRateLimitedError(30);
}

/** A scheduler posting into an array, logging into another, failing the posts `failures` names. */
function harness(library: Library, now: () => Date, failures: Map<number, Error> = new Map()) {
  const posted: Posted[] = [];
  const logs: string[] = [];
  let calls = 0;
  const log =
    (level: string) =>
    (...msg: unknown[]) => {
      logs.push(`${level} ${msg.map(String).join(' ')}`);
    };
  const options: TipSchedulerOptions = {
    ...berlinWeekdays,
    channel: 'C0TIPS',
    library: () => library,
    poster: {
      post: async (channel, message) => {
        const failure = failures.get(calls++);
        if (failure) throw failure;
        posted.push({ channel, message });
      },
    },
    errorCode: slackErrorCode,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    now,
  };
  return { scheduler: new TipScheduler(options), posted, logs, options };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Moves the mocked clock run by run up to `until`, letting croner fire each run on time. */
async function runUntil(t: TestContext, scheduler: TipScheduler, until: Date): Promise<void> {
  for (let next = scheduler.nextRun(); next !== null && next <= until; next = scheduler.nextRun()) {
    const wait = next.getTime() - 1000 - Date.now();
    if (wait > 0) t.mock.timers.tick(wait);
    t.mock.timers.tick(1000);
    for (let i = 0; i < 5; i++) await flush();
  }
}

describe('TipScheduler', () => {
  let library: Library;
  before(async () => {
    library = await loadSite('test/fixtures/sites/talks');
  });

  it('fire(at) posts the rendered tip of that slot to the channel and logs it', async () => {
    const at = new Date('2026-03-02T08:00:00Z');
    const { scheduler, posted, logs } = harness(library, () => at);
    const outcome = await scheduler.fire(new Date(at.getTime() + 250));
    assert.equal(outcome.status, 'posted');
    const expected = pickTip(library, at, { ...berlinWeekdays, channel: 'C0TIPS' });
    assert.equal(posted.length, 1);
    assert.equal(posted[0]?.channel, 'C0TIPS');
    assert.match(posted[0]?.message.text ?? '', /^Reading tip: /);
    assert.ok(JSON.stringify(posted[0]?.message.blocks).includes(expected?.resource.url ?? '?'));
    // "talk" only when the tip's post says it is one (its section or a tag), else "post".
    const noun = expected ? postNoun(expected.citation.post) : '?';
    assert.ok(JSON.stringify(posted[0]?.message.blocks).includes(`More from this ${noun}`));
    assert.match(logs.join('\n'), /info posted reading tip ".+" to C0TIPS \(round \d+, \d+ of 55\)/);
  });

  it('a failing post is logged with the Slack error code and the fix, and the next slot still posts', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    const failures = new Map([
      [0, platformError('not_in_channel')],
      [1, platformError('channel_not_found')],
      [2, rateLimitedError()],
      [3, new Error('getaddrinfo ENOTFOUND slack.com')],
    ]);
    const { scheduler, posted, logs } = harness(library, () => now, failures);
    const slots = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map(
      (day) => new Date(`${day}T08:00:00Z`),
    );
    const outcomes = [];
    for (const slot of slots) {
      now = slot;
      outcomes.push(await scheduler.fire(slot));
    }
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'failed' ? o.code : o.status)),
      ['not_in_channel', 'channel_not_found', 'ratelimited', 'getaddrinfo ENOTFOUND slack.com', 'posted'],
    );
    const errors = logs.filter((l) => l.startsWith('error'));
    assert.match(
      errors[0] ?? '',
      /tip post to C0TIPS failed: not_in_channel\. Invite the bot with \/invite @talkbot, or add chat:write\.public/,
    );
    assert.match(errors[0] ?? '', /Next tip: 2026-03-03T08:00:00\.000Z/);
    assert.match(errors[1] ?? '', /failed: channel_not_found\. Invite the bot/);
    assert.match(errors[2] ?? '', /failed: ratelimited\. .*next slot/);
    assert.match(errors[3] ?? '', /failed: getaddrinfo ENOTFOUND slack\.com\. The schedule goes on/);
    assert.equal(posted.length, 1);
    const friday = pickTip(library, slots[4] as Date, { ...berlinWeekdays, channel: 'C0TIPS' });
    assert.ok(
      JSON.stringify(posted[0]?.message).includes(friday?.resource.url ?? '?'),
      "Friday's own tip, not a catch-up",
    );
  });

  it('runs on croner with a controlled clock: one post per weekday at 09:00 Berlin time, through a failure and DST', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: new Date('2026-03-20T12:00:00Z') });
    const failures = new Map([[2, platformError('not_in_channel')]]);
    const { scheduler, posted, logs } = harness(library, () => new Date(), failures);
    scheduler.start();
    try {
      assert.match(
        logs[0] ?? '',
        /info reading tips: to C0TIPS on "0 9 \* \* 1-5" \(Europe\/Berlin\); next at 2026-03-23T08:00:00\.000Z/,
      );
      // Two weeks around the last Sunday of March, when Berlin moves from UTC+1 to UTC+2.
      await runUntil(t, scheduler, new Date('2026-04-03T12:00:00Z'));
    } finally {
      scheduler.stop();
    }
    const expectedRuns = [
      '2026-03-23T08:00:00.000Z',
      '2026-03-24T08:00:00.000Z',
      '2026-03-25T08:00:00.000Z',
      '2026-03-26T08:00:00.000Z',
      '2026-03-27T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-04-01T07:00:00.000Z',
      '2026-04-02T07:00:00.000Z',
      '2026-04-03T07:00:00.000Z',
    ];
    const expected = expectedRuns.map((run) => {
      const tip = pickTip(library, new Date(run), { ...berlinWeekdays, channel: 'C0TIPS' });
      assert.ok(tip !== null);
      return renderTip(tip);
    });
    assert.equal(posted.length, 9, 'ten runs, one failed');
    assert.deepEqual(
      posted.map((p) => p.message),
      [...expected.slice(0, 2), ...expected.slice(3)],
      'each run posts its own slot’s tip, in order; the failed one is not posted late',
    );
    assert.equal(logs.filter((l) => l.includes('failed: not_in_channel')).length, 1);
  });

  it('a run that throws is caught and logged, and the schedule goes on', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: new Date('2026-03-01T12:00:00Z') });
    const { posted, logs, options } = harness(library, () => new Date());
    let reads = 0;
    const scheduler = new TipScheduler({
      ...options,
      library: () => {
        if (reads++ === 0) throw new Error('content folder vanished');
        return library;
      },
    });
    scheduler.start();
    try {
      await runUntil(t, scheduler, new Date('2026-03-03T12:00:00Z'));
    } finally {
      scheduler.stop();
    }
    assert.match(logs.join('\n'), /error reading tip run failed: Error: content folder vanished/);
    assert.equal(posted.length, 1, "Tuesday's run posts");
  });

  it('stop() leaves no timer behind: nothing fires afterwards', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: new Date('2026-03-02T07:00:00Z') });
    const { scheduler, posted } = harness(library, () => new Date());
    scheduler.start();
    scheduler.start(); // a second start is a no-op, not a second job
    assert.equal(scheduler.nextRun()?.toISOString(), '2026-03-02T08:00:00.000Z');
    scheduler.stop();
    t.mock.timers.tick(3 * 24 * 3_600_000);
    await flush();
    assert.equal(posted.length, 0);
    assert.equal(
      scheduler.nextRun()?.toISOString(),
      '2026-03-05T08:00:00.000Z',
      'nextRun still answers from the schedule',
    );
  });

  it('reads the Library at each slot, so a content reload is picked up', async () => {
    let current = library;
    const { posted, options } = harness(library, () => new Date('2026-03-02T08:00:00Z'));
    const swapped = new TipScheduler({ ...options, library: () => current });
    const empty = withoutPost(await loadSite('content'), 'qcon-how-did-i-get-here');
    current = empty;
    const outcome = await swapped.fire(new Date('2026-03-02T08:00:00Z'));
    assert.equal(outcome.status, 'nothing');
    current = library;
    assert.equal((await swapped.fire(new Date('2026-03-02T08:00:00Z'))).status, 'posted');
    assert.equal(posted.length, 1);
  });

  it('says how to fix each Slack error', () => {
    assert.match(tipPostHint('not_in_channel'), /\/invite @talkbot.*chat:write\.public.*manifest\.yml/);
    assert.match(tipPostHint('is_archived'), /archived/);
    assert.match(tipPostHint('missing_scope'), /chat:write/);
    assert.match(tipPostHint('ratelimited'), /next slot/);
  });
});
