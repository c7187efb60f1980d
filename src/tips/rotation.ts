import { unitHash } from './hash.ts';

/** One resource in the rotation: its key and the first slot it may be shown at (0: from the start). */
export interface RotationEntry {
  readonly key: string;
  readonly joinSlot: number;
}

/** What a slot shows: a key, the round it belongs to, and where in that round. */
export interface RotationPick {
  readonly key: string;
  /** 0 for the first round after the anchor. */
  readonly round: number;
  /** 0-based place in the round. */
  readonly position: number;
  /** How many slots the round lasts: every key it shows, once each. */
  readonly roundLength: number;
}

/** Slots with nothing to show: no key has joined yet. */
interface Idle {
  readonly kind: 'idle';
  readonly start: number;
}

/** A round during which keys joined: its order is worked out once, slot by slot. */
interface Irregular {
  readonly kind: 'irregular';
  readonly start: number;
  readonly round: number;
  readonly order: readonly string[];
  /** How long the round was known to be from each slot on: it grows as keys join. */
  readonly lengths: readonly (readonly [slot: number, length: number])[];
}

/** Whole rounds over an unchanging set of keys: each round's order follows from its number alone. */
interface Regular {
  readonly kind: 'regular';
  readonly start: number;
  readonly firstRound: number;
  /** The keys, sorted, so the order never depends on how the caller listed them. */
  readonly keys: readonly string[];
  /** The last key shown before this stretch began, which its first round must not open with. */
  readonly before: string | null;
}

type Segment = Idle | Irregular | Regular;

interface Ranked {
  readonly key: string;
  v: number;
}

const orderCacheSize = 64;

/**
 * The order in which slots show keys: rounds that show every key once, each round shuffled by a hash of
 * (seed, round, key), the next round never opening with the key that closed the last one.
 *
 * Keys may join late (`joinSlot`), as the resources of a newly published post do. A key that joins
 * mid-round joins that round, spread at random among the keys not shown yet (its place is a hash mapped
 * into the part of the round still to come), so the keys already waiting keep their order and the round
 * simply grows by one; a round ends once every key that had joined by then has been shown.
 *
 * Everything is a pure function of the entries and the seed; `at(slot)` is answered from precomputed
 * segments: O(log events) for a slot in a round where keys joined, one sort of the keys otherwise.
 */
export class Rotation {
  readonly #seed: string;
  readonly #segments: Segment[] = [];
  readonly #orders = new Map<string, readonly string[]>();

  constructor(entries: readonly RotationEntry[], seed: string) {
    this.#seed = seed;
    const joining = new Map<number, string[]>();
    const eligible: string[] = [];
    for (const { key, joinSlot } of entries) {
      const slot = Math.max(0, Math.floor(joinSlot));
      if (slot === 0) eligible.push(key);
      else joining.set(slot, [...(joining.get(slot) ?? []), key]);
    }
    const events = [...joining.keys()].sort((a, b) => a - b);
    let next = 0;
    const admit = (upTo: number) => {
      for (; (events[next] ?? Number.POSITIVE_INFINITY) <= upTo; next++) {
        eligible.push(...(joining.get(events[next] ?? 0) ?? []));
      }
    };

    let slot = 0;
    let round = 0;
    let before: string | null = null;
    for (;;) {
      admit(slot);
      const event = events[next];
      if (eligible.length === 0) {
        this.#segments.push({ kind: 'idle', start: slot });
        if (event === undefined) return;
        slot = event;
        continue;
      }
      const size = eligible.length;
      const whole = event === undefined ? Number.POSITIVE_INFINITY : Math.floor((event - slot) / size);
      if (whole > 0) {
        const regular: Regular = {
          kind: 'regular',
          start: slot,
          firstRound: round,
          keys: sorted(eligible),
          before,
        };
        this.#segments.push(regular);
        if (event === undefined) return;
        before = this.#regularOrder(regular, round + whole - 1).at(-1) ?? null;
        round += whole;
        slot += whole * size;
        continue;
      }

      // Keys join before this round ends: play it slot by slot up to each join.
      const list = this.#ranked(eligible, round, before);
      const lengths: [number, number][] = [[slot, list.length]];
      let shown = 0;
      let at = slot;
      for (let e = events[next]; e !== undefined && e < at + list.length - shown; e = events[next]) {
        shown += e - at;
        at = e;
        const cursor = shown > 0 ? (list[shown - 1]?.v ?? 0) : 0;
        for (const key of joining.get(e) ?? []) {
          insertAfter(list, shown, { key, v: cursor + this.#hash(round, key) * (1 - cursor) });
          eligible.push(key);
        }
        lengths.push([e, list.length]);
        next++;
      }
      this.#segments.push({ kind: 'irregular', start: slot, round, order: list.map((r) => r.key), lengths });
      before = list.at(-1)?.key ?? null;
      slot += list.length;
      round++;
    }
  }

  /** What slot `slot` (0 = the first after the anchor) shows, or null when no key has joined by then. */
  at(slot: number): RotationPick | null {
    if (!Number.isInteger(slot) || slot < 0) return null;
    const segment = this.#segments[segmentAt(this.#segments, slot)];
    if (segment === undefined || segment.kind === 'idle') return null;
    if (segment.kind === 'irregular') {
      const position = slot - segment.start;
      const key = segment.order[position];
      const known = segment.lengths.findLast(([from]) => from <= slot);
      return key === undefined
        ? null
        : { key, round: segment.round, position, roundLength: known?.[1] ?? segment.order.length };
    }
    const size = segment.keys.length;
    const offset = slot - segment.start;
    const round = segment.firstRound + Math.floor(offset / size);
    const position = offset % size;
    const key = this.#regularOrder(segment, round)[position];
    return key === undefined ? null : { key, round, position, roundLength: size };
  }

  /** A round of a regular stretch, shuffled by its number, not opening with the key that closed the round before. */
  #regularOrder(segment: Regular, round: number): readonly string[] {
    const cacheKey = `${segment.start}:${round}`;
    const cached = this.#orders.get(cacheKey);
    if (cached !== undefined) return cached;
    const size = segment.keys.length;
    let before: string | null;
    if (round === segment.firstRound) before = segment.before;
    // With two keys the rule forces the same order every round; from three on, moving the first key
    // one place back never changes the last, so the round before need not be fixed up to know its last key.
    else if (size === 2) before = this.#regularOrder(segment, segment.firstRound).at(-1) ?? null;
    else before = this.#ranked(segment.keys, round - 1, null).at(-1)?.key ?? null;
    const order = this.#ranked(segment.keys, round, before).map((r) => r.key);
    this.#orders.set(cacheKey, order);
    if (this.#orders.size > orderCacheSize) {
      const oldest = this.#orders.keys().next().value;
      if (oldest !== undefined) this.#orders.delete(oldest);
    }
    return order;
  }

  /** Keys ranked by their hash for a round; the key that closed the round before moves back one place. */
  #ranked(keys: readonly string[], round: number, before: string | null): Ranked[] {
    const list = keys.map((key) => ({ key, v: this.#hash(round, key) })).sort(byRank);
    const [first, second, third] = list;
    if (first !== undefined && second !== undefined && first.key === before) {
      first.v = (second.v + (third?.v ?? 1)) / 2;
      list.sort(byRank);
    }
    return list;
  }

  #hash(round: number, key: string): number {
    return unitHash(`${this.#seed}\u0000${round}\u0000${key}`);
  }
}

function byRank(a: Ranked, b: Ranked): number {
  return a.v - b.v || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Inserts by rank, never before index `from`: the keys already shown keep their places. */
function insertAfter(list: Ranked[], from: number, item: Ranked): void {
  let i = from;
  while (i < list.length && byRank(list[i] as Ranked, item) <= 0) i++;
  list.splice(i, 0, item);
}

function sorted(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function segmentAt(segments: readonly Segment[], slot: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((segments[mid]?.start ?? Number.POSITIVE_INFINITY) <= slot) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
