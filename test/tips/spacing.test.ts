import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Post } from '../../src/content/types.ts';
import { Library } from '../../src/search/library.ts';
import { eligibleResources } from '../../src/tips/eligible.ts';
import { pickTip, slotsBetween, type Tip } from '../../src/tips/pick-tip.ts';
import { berlinWeekdays, byRound, link, makePost } from './helpers.ts';

const keys = (tips: readonly Tip[]) => tips.map((t) => t.resource.key);

const DAY = 86_400_000;
/** Daily at 09:00 in Berlin, three and a half years: enough for three rounds of 500. */
const daily = { ...berlinWeekdays, schedule: '0 9 * * *' };
const slots = slotsBetween(
  daily.schedule,
  daily.timezone,
  new Date('2026-01-05T00:00:00Z'),
  new Date('2029-07-01T00:00:00Z'),
);

/** A site of `talks` posts with `links` links each; some posts undated, the rest published on days of the period. */
function site(shape: readonly { links: number; publishedDay: number | null }[]): Post[] {
  return shape.map(({ links, publishedDay }, i) =>
    makePost(
      `talk-${i}`,
      publishedDay === null ? null : new Date(Date.parse('2026-01-05T12:00:00Z') + publishedDay * DAY),
      Array.from({ length: links }, (_, j) =>
        link(`https://papers.example.org/talk-${i}/paper-${j}`, `Paper ${j} of talk ${i}`, 'paper'),
      ),
    ),
  );
}

/** The tips a channel sees slot by slot while posts are published between slots (each reload sees only what is out). */
function played(posts: readonly Post[], count: number, channel: string | null): Tip[] {
  const tips: Tip[] = [];
  let library: Library | null = null;
  let published = -1;
  for (const at of slots.slice(0, count)) {
    const out = posts.filter((p) => p.date === null || p.date.getTime() <= at.getTime());
    if (out.length !== published) {
      library = new Library({ posts: out, problems: [] });
      published = out.length;
    }
    const tip = library === null ? null : pickTip(library, at, { ...daily, channel });
    if (tip !== null) tips.push(tip);
  }
  return tips;
}

/** Asserts two showings of a tip are at least ⌈N/2⌉ slots apart, N the length of the earlier showing's round. */
function assertSpaced(tips: readonly Tip[]): void {
  const roundLength = new Map<number, number>();
  for (const tip of tips) roundLength.set(tip.round, tip.roundLength);
  const slotOf = new Map(slots.map((s, i) => [s.getTime(), i]));
  const last = new Map<string, Tip>();
  for (const tip of tips) {
    const before = last.get(tip.resource.key);
    if (before !== undefined) {
      const n = roundLength.get(before.round) ?? 1;
      const apart = (slotOf.get(tip.at.getTime()) ?? 0) - (slotOf.get(before.at.getTime()) ?? 0);
      assert.ok(
        apart >= Math.ceil(n / 2),
        `${tip.resource.url} shown ${apart} slots apart (${before.at.toISOString()}, ${tip.at.toISOString()}) in a round of ${n}`,
      );
    }
    last.set(tip.resource.key, tip);
  }
}

describe('tip spacing', () => {
  it('over 1 to 500 eligible tips, with posts published between slots, no tip returns within half a round', () => {
    const shapeArb = fc.array(
      fc.record({
        links: fc.integer({ min: 1, max: 12 }),
        publishedDay: fc.oneof(fc.constant(null), fc.integer({ min: -400, max: 300 })),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(shapeArb, fc.constantFrom('C0GENERAL', 'C0READING', null), (shape, channel) => {
        const posts = site(shape);
        const eligible = eligibleResources(new Library({ posts, problems: [] })).length;
        fc.pre(eligible >= 1 && eligible <= 500);
        assertSpaced(played(posts, 330, channel));
      }),
      { numRuns: 40 },
    );
  });

  it('500 eligible tips, daily for three and a half years: every showing at least 250 slots from the last', () => {
    const posts = site(Array.from({ length: 50 }, () => ({ links: 10, publishedDay: null })));
    const tips = played(posts, slots.length, 'C0GENERAL');
    assert.equal(tips[0]?.roundLength, 500);
    assert.ok(byRound(tips).size >= 3, 'tips come back');
    assertSpaced(tips);
  });

  it('each channel has its own round: the same content in two channels, two orders, each whole', () => {
    const posts = site(Array.from({ length: 6 }, () => ({ links: 4, publishedDay: null })));
    const all = eligibleResources(new Library({ posts, problems: [] }))
      .map((r) => r.key)
      .sort();
    const general = played(posts, 24 * 3, 'C0GENERAL');
    const reading = played(posts, 24 * 3, 'C0READING');
    assert.notDeepEqual(keys(general), keys(reading));
    for (const tips of [general, reading]) {
      const whole = [...byRound(tips).values()].slice(1, -1);
      assert.ok(whole.length >= 1);
      for (const round of whole) assert.deepEqual(keys(round).sort(), all, 'each round shows every tip once');
    }
    assert.deepEqual(keys(played(posts, 24 * 3, 'C0GENERAL')), keys(general), 'and a channel stays put');
  });
});
