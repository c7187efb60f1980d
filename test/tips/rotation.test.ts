import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { unitHash } from '../../src/tips/hash.ts';
import { epochFor, Rotation, type RotationEntry, type RotationPick } from '../../src/tips/rotation.ts';
import { byRound, repeated } from './helpers.ts';

/**
 * The documented rule played naively, slot by slot: each place of a round takes, of the keys not shown
 * yet whose release place has come (N - p + q ≥ the gap, from a key's place p in the previous round of N),
 * the one with the lowest hash(seed, round, key); a key joining mid-round is ranked into what the round
 * has still to show, and a round ends when every key that has joined has been shown.
 */
function reference(entries: readonly RotationEntry[], seed: string, slots: number): (RotationPick | null)[] {
  const hash = (round: number, key: string) => unitHash(`${seed}\u0000${round}\u0000${key}`);
  const byRank = (a: { key: string; v: number }, b: { key: string; v: number }) =>
    a.v - b.v || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const out: (RotationPick | null)[] = [];
  let round = -1;
  let list: { key: string; v: number }[] = [];
  let shown = 0;
  let previous: string[] = [];
  // The last round drawn afresh, and whether the round just ended kept its keys (nobody joined during it).
  let drawn: string[] | null = null;
  let kept = false;
  for (let slot = 0; slot < slots; slot++) {
    const eligible = entries.filter((e) => Math.max(0, e.joinSlot) <= slot).map((e) => e.key);
    if (round >= 0 && shown < list.length) {
      const cursor = shown > 0 ? (list[shown - 1]?.v ?? 0) : 0;
      for (const key of eligible.filter((k) => !list.some((r) => r.key === k))) {
        const item = { key, v: cursor + hash(round, key) * (1 - cursor) };
        let i = shown;
        while (i < list.length && byRank(list[i] as { key: string; v: number }, item) <= 0) i++;
        list.splice(i, 0, item);
        kept = false;
      }
    } else {
      if (eligible.length === 0) {
        out.push(null);
        continue;
      }
      const sameKeys = kept && list.length === eligible.length;
      if (list.length > 0) previous = list.map((r) => r.key);
      round++;
      const size = eligible.length;
      if (sameKeys && drawn !== null && round % epochFor(size) !== 0) {
        // Between draws: the first half of the last drawn round, then the rest, each shuffled by this round.
        const halfOf = (keys: string[]) => keys.map((key) => ({ key, v: hash(round, key) })).sort(byRank);
        const cut = Math.ceil(size / 2);
        list = [...halfOf(drawn.slice(0, cut)), ...halfOf(drawn.slice(cut))];
      } else {
        const gap = size >= 2 ? Math.max(2, Math.ceil(size / 2)) : 1;
        const left = eligible.map((key) => ({ key, v: hash(round, key) }));
        list = [];
        for (let q = 0; q < size; q++) {
          const free = left
            .filter((r) => {
              const p = previous.indexOf(r.key);
              return p < 0 || previous.length - p + q >= gap;
            })
            .sort(byRank);
          const next = free[0] ?? left.sort(byRank)[0];
          assert.ok(next, 'a key is always free');
          left.splice(left.indexOf(next), 1);
          list.push(next);
        }
        drawn = list.map((r) => r.key);
      }
      list.forEach((r, i) => {
        r.v = (i + 1) / (size + 1);
      });
      shown = 0;
      kept = true;
    }
    const key = list[shown]?.key as string;
    out.push({ key, round, position: shown, roundLength: list.length });
    shown++;
  }
  return out;
}

function sequence(rotation: Rotation, slots: number): (RotationPick | null)[] {
  return Array.from({ length: slots }, (_, slot) => rotation.at(slot));
}

const keysArb = fc.uniqueArray(fc.stringMatching(/^[a-z0-9./-]{1,24}$/), { minLength: 1, maxLength: 30 });
const seedArb = fc.string({ maxLength: 12 });

describe('Rotation', () => {
  it('with every key there from the start, each round shows each key exactly once, shuffled afresh', () => {
    fc.assert(
      fc.property(keysArb, seedArb, fc.integer({ min: 1, max: 6 }), (keys, seed, rounds) => {
        const rotation = new Rotation(
          keys.map((key) => ({ key, joinSlot: 0 })),
          seed,
        );
        const picks = sequence(rotation, keys.length * rounds);
        for (let r = 0; r < rounds; r++) {
          const round = picks.slice(r * keys.length, (r + 1) * keys.length);
          assert.ok(round.every((p) => p?.round === r));
          assert.deepEqual(
            round.map((p) => p?.key).sort(),
            [...keys].sort(),
            `round ${r} shows every key once`,
          );
          assert.deepEqual(
            round.map((p) => p?.position),
            keys.map((_, i) => i),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('for random seeds, sizes and join slots, no key repeats within a round and none shows before it joins', () => {
    const entriesArb = keysArb.chain((keys) =>
      fc.tuple(
        ...keys.map((key) =>
          fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 150 })).map((joinSlot) => ({ key, joinSlot })),
        ),
      ),
    );
    fc.assert(
      fc.property(entriesArb, seedArb, (entries, seed) => {
        const picks = sequence(new Rotation(entries, seed), 300);
        const joinOf = new Map(entries.map((e) => [e.key, e.joinSlot]));
        picks.forEach((pick, slot) => {
          if (pick !== null)
            assert.ok((joinOf.get(pick.key) ?? 0) <= slot, `${pick.key} shown before it joined`);
          else
            assert.ok(
              entries.every((e) => e.joinSlot > slot),
              'a slot is empty only while nothing has joined',
            );
        });
        picks.forEach((pick, slot) => {
          if (slot > 0 && pick !== null && pick.key === picks[slot - 1]?.key) {
            const joined = entries.filter((e) => e.joinSlot <= slot).length;
            assert.equal(
              joined,
              1,
              `${pick.key} twice in a row at slot ${slot} with ${joined} keys to choose from`,
            );
          }
        });
        const shown = picks.filter((p): p is RotationPick => p !== null);
        const rounds = [...byRound(shown).values()];
        for (const round of rounds) assert.deepEqual(repeated(round.map((p) => p.key)), []);
        // Every complete round shows every key that joined before it ended.
        for (const round of rounds.slice(0, -1)) {
          const lastSlot = picks.indexOf(round.at(-1) as RotationPick);
          const due = entries.filter((e) => e.joinSlot <= lastSlot).map((e) => e.key);
          assert.deepEqual(round.map((p) => p.key).sort(), due.sort(), `round ending at slot ${lastSlot}`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('matches the rule played slot by slot, whatever the joins', () => {
    const entriesArb = keysArb.chain((keys) =>
      fc.tuple(
        ...keys.map((key) =>
          fc
            .oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 100, max: 400 }))
            .map((joinSlot) => ({ key, joinSlot })),
        ),
      ),
    );
    fc.assert(
      fc.property(entriesArb, seedArb, (entries, seed) => {
        assert.deepEqual(sequence(new Rotation(entries, seed), 500), reference(entries, seed, 500));
      }),
      { numRuns: 150 },
    );
  });

  it('matches the rule over many draws: few keys, thousands of slots, a join now and then', () => {
    const entriesArb = fc
      .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 6 })
      .chain((keys) =>
        fc.tuple(
          ...keys.map((key) =>
            fc
              .oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 2500 }))
              .map((joinSlot) => ({ key, joinSlot })),
          ),
        ),
      );
    fc.assert(
      fc.property(entriesArb, seedArb, (entries, seed) => {
        const picks = sequence(new Rotation(entries, seed), 3000);
        assert.deepEqual(picks, reference(entries, seed, 3000));
        assertSpaced(picks);
      }),
      { numRuns: 25 },
    );
  });

  it('never shows the same key twice in a row, even across rounds, when there are two keys or more', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 2, maxLength: 6 }),
        seedArb,
        (keys, seed) => {
          const picks = sequence(
            new Rotation(
              keys.map((key) => ({ key, joinSlot: 0 })),
              seed,
            ),
            keys.length * 40,
          );
          picks.slice(1).forEach((pick, i) => {
            assert.notEqual(pick?.key, picks[i]?.key, `slot ${i + 1}`);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a key joining mid-round lands among the keys still to come, which keep their order', () => {
    fc.assert(
      fc.property(keysArb, seedArb, fc.nat(), fc.nat(), (keys, seed, at, roundPick) => {
        const base = keys.map((key) => ({ key, joinSlot: 0 }));
        const size = keys.length;
        fc.pre(size >= 2);
        const round = roundPick % 4;
        const joinSlot = round * size + 1 + (at % (size - 1));
        const before = sequence(new Rotation(base, seed), (round + 1) * size);
        const after = sequence(
          new Rotation([...base, { key: '~new', joinSlot }], seed),
          (round + 1) * size + 1,
        );
        assert.deepEqual(after.slice(0, joinSlot), before.slice(0, joinSlot), 'the past is untouched');
        const rest = after.slice(joinSlot).filter((p) => p?.round === round);
        assert.equal(rest.filter((p) => p?.key === '~new').length, 1, 'the new key is shown in this round');
        assert.deepEqual(
          rest.filter((p) => p?.key !== '~new').map((p) => p?.key),
          before.slice(joinSlot).map((p) => p?.key),
          'the keys still to come keep their order',
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the same entries and seed give the same order however they are listed; another seed another order', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `example.com/paper-${i}`);
    const entries = keys.map((key, i) => ({ key, joinSlot: i % 3 === 0 ? 0 : i * 2 }));
    const a = sequence(new Rotation(entries, 'a'), 200);
    assert.deepEqual(sequence(new Rotation([...entries].reverse(), 'a'), 200), a);
    assert.notDeepEqual(sequence(new Rotation(entries, 'b'), 200), a);
  });

  it('shows nothing before anything has joined, and nothing at all without keys', () => {
    const rotation = new Rotation([{ key: 'k', joinSlot: 5 }], 's');
    assert.deepEqual(
      sequence(rotation, 7).map((p) => p?.key ?? null),
      [null, null, null, null, null, 'k', 'k'],
    );
    assert.equal(new Rotation([], 's').at(10), null);
    assert.equal(rotation.at(-1), null);
  });

  it('answers a slot far out: a minute-by-minute schedule after a year, 3,000 keys', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({
      key: `k${i}`,
      joinSlot: i < 2000 ? 0 : i * 7,
    }));
    const rotation = new Rotation(entries, 'seed');
    const slot = 365 * 24 * 60;
    const pick = rotation.at(slot);
    assert.ok(pick !== null);
    assert.equal(pick.roundLength, 3000);
    // Asked again, or for the next slot, it is the same order: worked out once, then kept.
    assert.deepEqual(rotation.at(slot), pick);
    assert.equal(rotation.at(slot + 1)?.round, pick.position + 1 < 3000 ? pick.round : pick.round + 1);
    assert.deepEqual(new Rotation(entries, 'seed').at(slot), pick, 'a fresh rotation agrees');
  });

  it('no key shows again within half a round: two showings are at least ⌈N/2⌉ slots apart', () => {
    const entriesArb = fc.integer({ min: 1, max: 500 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 * n })), {
          minLength: n,
          maxLength: n,
        }),
      ),
    );
    fc.assert(
      fc.property(entriesArb, seedArb, ([n, joins], seed) => {
        const entries = joins.map((joinSlot, i) => ({ key: `example.org/talk-${i}`, joinSlot }));
        const picks = sequence(new Rotation(entries, seed), 5 * n + 20);
        assertSpaced(picks);
      }),
      { numRuns: 120 },
    );
  });
});

/** Every two consecutive showings of a key are at least ⌈N/2⌉ slots apart, N the length of the earlier one's round. */
export function assertSpaced(picks: readonly (RotationPick | null)[]): void {
  const roundLength = new Map<number, number>();
  for (const pick of picks) if (pick !== null) roundLength.set(pick.round, pick.roundLength);
  const last = new Map<string, { slot: number; round: number }>();
  picks.forEach((pick, slot) => {
    if (pick === null) return;
    const before = last.get(pick.key);
    if (before !== undefined) {
      const n = roundLength.get(before.round) ?? 1;
      assert.ok(
        slot - before.slot >= Math.ceil(n / 2),
        `${pick.key} at slots ${before.slot} and ${slot}, in a round of ${n}`,
      );
    }
    last.set(pick.key, { slot, round: pick.round });
  });
}
