import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Library } from '../../src/search/library.ts';
import type { Resource } from '../../src/search/types.ts';
import { eligibleResources, isTipWorthy } from '../../src/tips/eligible.ts';
import {
  nextSlot,
  pickTip,
  slotsBetween,
  type Tip,
  type TipOptions,
  todaysSlot,
  todaysTip,
  upcomingTip,
} from '../../src/tips/pick-tip.ts';
import {
  berlinWeekdays,
  byRound,
  link,
  loadSite,
  makePost,
  repeated,
  withoutPost,
  withPosts,
} from './helpers.ts';

const HOUR = 3_600_000;

/** Every weekday-09:00 run in Berlin during 2026: 261 slots. */
const year2026 = slotsBetween(
  berlinWeekdays.schedule,
  berlinWeekdays.timezone,
  new Date('2026-01-01T00:00:00Z'),
  new Date('2027-01-01T00:00:00Z'),
);

function tipsAt(library: Library, slots: readonly Date[], options: TipOptions = berlinWeekdays): Tip[] {
  return slots.map((slot) => {
    const tip = pickTip(library, slot, options);
    assert.ok(tip !== null, `a tip at ${slot.toISOString()}`);
    return tip;
  });
}

const keys = (tips: readonly Tip[]) => tips.map((t) => t.resource.key);

/** The index of the first slot whose tip sits at least `margin` places inside its round, from both ends. */
function midRound(tips: readonly Tip[], margin: number, after = 0): number {
  const i = tips.findIndex(
    (t, index) => index > after && t.position >= margin && t.roundLength - t.position > margin,
  );
  assert.ok(i > 0, 'a slot in the middle of a round');
  return i;
}

describe('pickTip over a year of weekday slots', () => {
  for (const [name, dir] of [
    ['the seed content', 'content'],
    ['the talks fixture', 'test/fixtures/sites/talks'],
  ] as const) {
    it(`${name}: every tip-worthy resource once per round, no repeats within a round, never a profile`, async () => {
      const library = await loadSite(dir);
      const eligible = eligibleResources(library).map((r) => r.key);
      assert.ok(eligible.length >= 9);
      assert.ok(eligible.length < library.resources.length, 'profiles are left out');
      assert.equal(year2026.length, 261);

      const tips = tipsAt(library, year2026);
      assert.ok(tips.every((t) => t.resource.kind !== 'profile'));
      assert.ok(tips.every((t) => eligible.includes(t.resource.key)));
      const rounds = [...byRound(tips).values()];
      assert.ok(rounds.length >= 4, `${rounds.length} rounds in a year`);
      for (const round of rounds) {
        assert.deepEqual(repeated(keys(round)), [], `round ${round[0]?.round} repeats nothing`);
        assert.ok(round.every((t) => t.roundLength === eligible.length));
      }
      // Rounds wholly inside the year show each resource exactly once.
      for (const round of rounds.slice(1, -1)) assert.deepEqual(keys(round).sort(), [...eligible].sort());
      tips.slice(1).forEach((tip, i) => {
        assert.notEqual(
          tip.resource.key,
          tips[i]?.resource.key,
          `${tip.at.toISOString()}: not the same tip twice in a row`,
        );
        const previous = tips[i] as Tip;
        const expected =
          previous.position + 1 === previous.roundLength
            ? { round: previous.round + 1, position: 0 }
            : { round: previous.round, position: previous.position + 1 };
        assert.deepEqual(
          { round: tip.round, position: tip.position },
          expected,
          'each slot takes the next place',
        );
      });
    });
  }

  it('two processes (two separate loads of the content) pick the same tip for every slot', async () => {
    const first = await loadSite('test/fixtures/sites/talks');
    const second = await loadSite('test/fixtures/sites/talks');
    assert.notEqual(first, second);
    assert.deepEqual(keys(tipsAt(first, year2026)), keys(tipsAt(second, year2026)));
  });

  it('a restart mid-round carries on with the next tip: it neither repeats the last one nor skips ahead', async () => {
    const running = await loadSite('test/fixtures/sites/talks');
    const tips = tipsAt(running, year2026);
    const restartAt = midRound(tips, 3);
    const restarted = await loadSite('test/fixtures/sites/talks');
    const afterRestart = tipsAt(restarted, year2026.slice(restartAt));
    assert.notEqual(afterRestart[0]?.resource.key, tips[restartAt - 1]?.resource.key);
    assert.deepEqual(keys(afterRestart), keys(tips.slice(restartAt)));
    assert.equal(afterRestart[0]?.position, (tips[restartAt - 1]?.position ?? 0) + 1);
  });

  it('another seed, another order; the same seed, the same order', async () => {
    const library = await loadSite('test/fixtures/sites/talks');
    const a = keys(tipsAt(library, year2026.slice(0, 40)));
    assert.deepEqual(keys(tipsAt(library, year2026.slice(0, 40))), a);
    assert.notDeepEqual(
      keys(tipsAt(library, year2026.slice(0, 40), { ...berlinWeekdays, seed: 'another team' })),
      a,
    );
  });

  for (const timezone of ['Europe/Berlin', 'America/New_York']) {
    it(`${timezone}: the DST changes neither skip nor double a tip`, async () => {
      const library = await loadSite('test/fixtures/sites/talks');
      const options = { ...berlinWeekdays, timezone };
      for (const [from, to] of [
        ['2026-03-02', '2026-04-06'],
        ['2026-10-19', '2026-11-09'],
      ] as const) {
        const slots = slotsBetween(
          options.schedule,
          timezone,
          new Date(`${from}T00:00:00Z`),
          new Date(`${to}T00:00:00Z`),
        );
        const days = (new Date(to).getTime() - new Date(from).getTime()) / (24 * HOUR);
        assert.equal(slots.length, (days / 7) * 5, `five runs a week from ${from} to ${to}`);
        const tips = tipsAt(library, slots, options);
        tips.slice(1).forEach((tip, i) => {
          const previous = tips[i] as Tip;
          const step = (tip.round - previous.round) * tip.roundLength + tip.position - previous.position;
          assert.equal(step, 1, `${tip.at.toISOString()} is the very next tip`);
        });
        // Firing a little late (a busy event loop) still posts that slot's tip, not the next one.
        for (const slot of slots) {
          assert.equal(
            pickTip(library, new Date(slot.getTime() + 90_000), options)?.at.getTime(),
            slot.getTime(),
          );
        }
      }
    });
  }
});

describe('pickTip when content changes between slots', () => {
  let talks: Library;
  let tips: Tip[];
  before(async () => {
    talks = await loadSite('test/fixtures/sites/talks');
    tips = tipsAt(talks, year2026);
  });

  /** A post published two hours after slot `i`, with four new resources, one already known and a profile. */
  function newPost(i: number) {
    return makePost('new-talk', new Date((year2026[i] as Date).getTime() + 2 * HOUR), [
      link('https://example.org/paper-one.pdf', 'Paper one', 'paper', 'Papers'),
      link('https://example.org/paper-two.pdf', 'Paper two', 'paper', 'Papers'),
      link('https://vimeo.com/1234', 'The talk itself', 'video', null),
      link('https://example.org/blog/notes', 'Speaker notes', 'article', 'Notes'),
      link('https://aphyr.com/tags/Jepsen', 'Jepsen', 'article', 'Related'),
      link('https://twitter.com/someone', "Someone's twitter", 'profile', 'Speaker'),
    ]);
  }
  const fresh = [
    'example.org/paper-one.pdf',
    'example.org/paper-two.pdf',
    'vimeo.com/1234',
    'example.org/blog/notes',
  ];

  it('a post published mid-round joins that round: the past stays, nothing repeats, the rest keep their order', () => {
    const change = midRound(tips, 5) + 1; // first slot after the post
    const grown = withPosts(talks, newPost(change - 1));
    const after = tipsAt(grown, year2026);
    assert.deepEqual(
      keys(after.slice(0, change)),
      keys(tips.slice(0, change)),
      'slots before the post are unchanged',
    );

    const seen = [...tips.slice(0, change), ...after.slice(change)];
    for (const round of byRound(seen).values()) assert.deepEqual(repeated(keys(round)), []);

    const current = (tips[change] as Tip).round;
    const rest = after.slice(change).filter((t) => t.round === current);
    assert.deepEqual(
      keys(rest)
        .filter((k) => fresh.includes(k))
        .sort(),
      [...fresh].sort(),
      'all four join this round',
    );
    assert.deepEqual(
      keys(rest).filter((k) => !fresh.includes(k)),
      keys(tips.slice(change).filter((t) => t.round === current)),
      'what the round still had to show keeps its order',
    );
    assert.ok(!keys(after).includes('twitter.com/someone'), 'its profile is no tip');
    // From the next round on, every round shows the grown library once.
    const eligible = eligibleResources(grown).map((r) => r.key);
    const later = [...byRound(after.filter((t) => t.round > current)).values()].slice(0, -1);
    assert.ok(later.length >= 2);
    for (const round of later) assert.deepEqual(keys(round).sort(), [...eligible].sort());
  });

  it('a post removed mid-round leaves at once; nothing repeats, and only as many as it had shown wait a round', () => {
    const roundStart = tips.findIndex((t) => t.position === 0);
    const published = midRound(tips, 2, roundStart) + 1;
    const grown = withPosts(talks, newPost(published - 1));
    const withNew = tipsAt(grown, year2026);
    // Remove it once two of its resources have been shown, before the round ends.
    const freshSlots = withNew.flatMap((t, i) =>
      i >= published && fresh.includes(t.resource.key) ? [i] : [],
    );
    const current = (withNew[published] as Tip).round;
    const removed = (freshSlots[1] ?? 0) + 1;
    assert.equal(withNew[removed]?.round, current, 'removed in the same round');
    const shrunk = withoutPost(grown, 'new-talk');
    const after = tipsAt(shrunk, year2026);

    const seen = [...withNew.slice(0, removed), ...after.slice(removed)];
    assert.ok(!keys(after.slice(removed)).some((k) => fresh.includes(k)), 'its resources never come back');
    for (const round of byRound(seen).values()) assert.deepEqual(repeated(keys(round)), []);
    // What the removed post had shown in this round, as many of the rest wait: in this round, or when the
    // round was nearly over, at the start of the next one (which then began a few places in).
    const remaining = eligibleResources(shrunk).map((r) => r.key);
    const missedIn = (round: number) => {
      const shownThere = keys(seen.filter((t) => t.round === round));
      return remaining.filter((k) => !shownThere.includes(k)).length;
    };
    const freshShown = keys(withNew.slice(0, removed).filter((t) => t.round === current)).filter((k) =>
      fresh.includes(k),
    ).length;
    const missed = missedIn(current) + missedIn(current + 1);
    assert.equal(freshShown, 2);
    assert.ok(missed <= freshShown, `${missed} wait for a later round, at most ${freshShown}`);
  });

  it('a resource of a post dated in the future is no tip before that date, and names no talk not yet out', () => {
    const at = year2026[100] as Date;
    const later = makePost('later-talk', new Date(at.getTime() + 30 * 24 * HOUR), [
      link('https://example.org/later.pdf', 'Later paper', 'paper', 'Papers'),
      link('https://aphyr.com/tags/Jepsen', 'Jepsen', 'article', 'Related'),
    ]);
    const library = withPosts(talks, later);
    const upTo = tipsAt(library, year2026.slice(0, 120));
    assert.ok(!keys(upTo).includes('example.org/later.pdf'));
    const jepsen = upTo.find((t) => t.resource.key === 'aphyr.com/tags/Jepsen');
    assert.ok(jepsen !== undefined);
    assert.notEqual(jepsen.citation.post.slug, 'later-talk');
    assert.ok(
      keys(tipsAt(library, year2026.slice(121))).includes('example.org/later.pdf'),
      'it joins after its date',
    );
  });

  it('a change to the past (an undated post, an old post removed) settles within two rounds', () => {
    for (const changed of [
      withPosts(
        talks,
        makePost('undated', null, [link('https://example.org/undated', 'Undated', 'article')]),
      ),
      withoutPost(talks, 'jepsen-call-me-maybe'),
    ]) {
      const change = midRound(tips, 5);
      const after = tipsAt(changed, year2026);
      const eligible = eligibleResources(changed).map((r) => r.key);
      const window = keys(after.slice(change, change + 2 * eligible.length - 1));
      for (const key of eligible) assert.ok(window.includes(key), `${key} is shown within two rounds`);
      const gone = keys(tips).filter((k) => !eligible.includes(k));
      assert.ok(!keys(after).some((k) => gone.includes(k)), 'removed resources never come back');
      // From the change on, the sequence is the changed library's own: clean rounds again.
      for (const round of [...byRound(after.slice(change)).values()].slice(1, -1)) {
        assert.deepEqual(keys(round).sort(), [...eligible].sort());
      }
    }
  });
});

describe('pickTip, for any content', () => {
  it('for random seeds, content sizes and publication dates, no resource repeats within a round', () => {
    const postsArb = fc.array(
      fc.record({
        links: fc.integer({ min: 1, max: 6 }),
        profiles: fc.integer({ min: 0, max: 2 }),
        date: fc.option(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 11, 1) }), { nil: null }),
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(postsArb, fc.string({ maxLength: 10 }), (specs, seed) => {
        const posts = specs.map((spec, p) =>
          makePost(`post-${p}`, spec.date === null ? null : new Date(spec.date), [
            ...Array.from({ length: spec.links }, (_, i) =>
              link(`https://example.org/${p}/${i}`, `Link ${i}`),
            ),
            ...Array.from({ length: spec.profiles }, (_, i) =>
              link(`https://twitter.com/p${p}x${i}`, 'Profile', 'profile'),
            ),
          ]),
        );
        const library = new Library({ posts, problems: [] });
        const options = { ...berlinWeekdays, seed };
        const tips = year2026
          .map((slot) => pickTip(library, slot, options))
          .filter((t): t is Tip => t !== null);
        assert.ok(tips.every((t) => t.resource.kind !== 'profile'));
        for (const round of byRound(tips).values()) assert.deepEqual(repeated(keys(round)), []);
      }),
      { numRuns: 40 },
    );
  });
});

describe('tips at a given moment', () => {
  it("todaysTip is the tip of today's slot (in the schedule's zone), whether it has run yet or not", async () => {
    const library = await loadSite('content');
    const tuesday = pickTip(library, new Date('2026-03-03T08:00:00Z'), berlinWeekdays);
    // Tuesday 00:52 and 07:00 in Berlin, before the 09:00 slot; 00:52 is still Monday in UTC.
    for (const early of ['2026-03-02T23:52:00Z', '2026-03-03T06:00:00Z']) {
      const now = new Date(early);
      assert.equal(todaysSlot(berlinWeekdays, now)?.toISOString(), '2026-03-03T08:00:00.000Z', early);
      assert.deepEqual(todaysTip(library, now, berlinWeekdays), tuesday, early);
      // The Home tab's next tip is the same one: they agree before today's slot.
      assert.deepEqual(upcomingTip(library, now, berlinWeekdays), tuesday, early);
    }
    // After the slot, today's is still Tuesday's; the next is Wednesday's.
    const evening = new Date('2026-03-03T19:00:00Z');
    assert.deepEqual(todaysTip(library, evening, berlinWeekdays), tuesday);
    assert.equal(upcomingTip(library, evening, berlinWeekdays)?.at.toISOString(), '2026-03-04T08:00:00.000Z');
    // On a Saturday (no slot), Friday's.
    const saturday = new Date('2026-03-07T10:00:00Z');
    assert.equal(todaysSlot(berlinWeekdays, saturday)?.toISOString(), '2026-03-06T08:00:00.000Z');
  });

  it('upcomingTip is the next slot after now; before the anchor todaysTip is the first slot', async () => {
    const library = await loadSite('content');
    const morning = new Date('2026-03-03T06:00:00Z');
    assert.equal(
      nextSlot(berlinWeekdays.schedule, berlinWeekdays.timezone, morning)?.toISOString(),
      '2026-03-03T08:00:00.000Z',
    );
    const beforeAnything = new Date('2023-12-30T00:00:00Z');
    assert.equal(pickTip(library, beforeAnything, berlinWeekdays), null);
    assert.equal(
      todaysTip(library, beforeAnything, berlinWeekdays)?.at.toISOString(),
      '2024-01-01T08:00:00.000Z',
    );
  });

  it('has no tip when nothing is worth one', async () => {
    const library = withoutPost(await loadSite('content'), 'qcon-how-did-i-get-here');
    assert.equal(pickTip(library, new Date('2026-03-02T08:00:00Z'), berlinWeekdays), null);
    assert.equal(upcomingTip(library, new Date('2026-03-02T08:00:00Z'), berlinWeekdays), null);
  });

  it('picks a tip of a minutely schedule a year after the anchor, each round kept apart from the one before', async () => {
    const library = await loadSite('test/fixtures/sites/talks');
    const options = {
      schedule: '* * * * *',
      timezone: 'Europe/Berlin',
      seed: 'perf',
      anchor: new Date('2025-01-01T00:00:00Z'),
    };
    const tip = pickTip(library, new Date('2026-01-01T00:00:00Z'), options);
    assert.ok(tip !== null);
    assert.equal(tip.round * tip.roundLength + tip.position, 365 * 1440);
    // Its neighbours follow from the same worked-out rounds, and keep the spacing (⌈N/2⌉ slots apart).
    const minute = 60_000;
    const around = [-2, -1, 1, 2].map((d) =>
      pickTip(library, new Date(Date.parse('2026-01-01T00:00:00Z') + d * minute), options),
    );
    const keys = [around[0], around[1], tip, around[2], around[3]].map((t) => t?.resource.key);
    assert.equal(new Set(keys).size, keys.length, 'no tip within half a round of itself');
  });
});

describe('which resources are worth a tip', () => {
  const resource = (url: string, kind: Resource['kind'] = 'article'): Resource => ({
    key: url,
    title: url,
    url,
    kind,
    citations: [],
  });

  it('leaves out profiles, links to the blog itself and anything that is not a web page', () => {
    const site = 'https://talks.example.com';
    assert.equal(isTipWorthy(resource('https://aphyr.com/tags/Jepsen'), site), true);
    assert.equal(isTipWorthy(resource('https://twitter.com/aphyr', 'profile'), site), false);
    assert.equal(isTipWorthy(resource('/posts/kafka-exactly-once/'), site), false);
    assert.equal(isTipWorthy(resource('https://talks.example.com/posts/kafka/'), site), false);
    assert.equal(isTipWorthy(resource('https://WWW.talks.example.com/about/'), site), false);
    assert.equal(isTipWorthy(resource('https://talks.example.com/posts/kafka/'), null), true);
    assert.equal(isTipWorthy(resource('mailto:someone@example.com'), site), false);
    assert.equal(isTipWorthy(resource('#section'), site), false);
  });

  it('in the mixed fixture: the internal link is out, with or without SITE_BASE_URL', async () => {
    for (const base of [null, 'https://talks.example.com']) {
      const library = await loadSite('test/fixtures/sites/mixed', base);
      const eligible = eligibleResources(library, base);
      assert.ok(eligible.length > 0);
      assert.ok(
        eligible.every((r) => !r.url.includes('testing-without-mocks')),
        `base ${base}`,
      );
      assert.ok(eligible.every((r) => r.kind !== 'profile'));
      assert.deepEqual(
        eligible.map((r) => r.key),
        [...eligible.map((r) => r.key)].sort(),
        'sorted by key',
      );
    }
  });
});
