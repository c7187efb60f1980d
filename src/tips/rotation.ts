import { unitHash } from './hash.ts';
import { byRank, insertAfter, type Ranked, RankHeap } from './rotation-ranks.ts';
import { type Regular, type Segment, segmentAt } from './rotation-segments.ts';

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

const orderCacheSize = 64;

/** About how many slots pass between two rounds drawn afresh; the rounds between keep the halves of the last one. */
const slotsPerDraw = 512;

/**
 * Every how many rounds a round is drawn afresh over all its keys (against the round before it); the rounds
 * in between shuffle the two halves of the last drawn round, each within itself. A round of N keys taken as
 * [first ⌈N/2⌉ keys, the rest], each half in any order, keeps every key ⌈N/2⌉ slots from where it was in a
 * round of the same halves, so no work need be carried from round to round but from draw to draw: at one
 * slot a minute, a year is a thousand draws, not a hundred thousand rounds.
 */
export function epochFor(size: number): number {
  return Math.max(1, Math.ceil(slotsPerDraw / Math.max(1, size)));
}

/**
 * The order in which slots show keys: rounds that show every key once, each round shuffled by a hash of
 * (seed, round, key), and no key shown again within half a round: for a round of N keys, two showings of
 * one key are at least ⌈N/2⌉ slots apart (2 when N is 2, so no key ever shows twice in a row).
 *
 * The spacing is kept by a release place: a key at place p of a round of N may take place q of the next
 * round (of M keys) only if N - p + q ≥ ⌈M/2⌉; each place takes, of the keys released by then, the one
 * with the lowest hash. At every place ⌊M/2⌋ + 1 keys have been released and at most all but one placed,
 * so a key is always free. A round's order thus follows from the round before it; to keep that chain short,
 * only every `epochFor(N)`-th round is drawn so, and the rounds between shuffle the halves of the last drawn one.
 *
 * Keys may join late (`joinSlot`), as the resources of a newly published post do. A key that joins
 * mid-round joins that round, spread at random among the keys not shown yet (its place is a hash mapped
 * into the part of the round still to come), so the keys already waiting keep their order and the round
 * simply grows by one; a round ends once every key that had joined by then has been shown.
 *
 * Everything is a pure function of the entries and the seed; `at(slot)` is answered from precomputed
 * segments: O(log events) for a slot in a round where keys joined; otherwise the draws since the last one
 * worked out (each O(N log N)), once, then one shuffle of two halves.
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
    let previous: readonly string[] | null = null;
    // The last round drawn afresh, and whether the round before the next one kept its keys (no joins).
    let drawnOrder: readonly string[] | null = null;
    let keptKeys = false;
    for (;;) {
      const before = eligible.length;
      admit(slot);
      if (eligible.length !== before) keptKeys = false;
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
          previous,
          drawn: new Map(),
        };
        this.#segments.push(regular);
        if (event === undefined) return;
        const last = round + whole - 1;
        previous = this.#regularOrder(regular, last);
        drawnOrder = this.#drawnFor(regular, last);
        keptKeys = true;
        round += whole;
        slot += whole * size;
        continue;
      }

      // Keys join before this round ends: play it slot by slot up to each join.
      const list: Ranked[] =
        keptKeys && drawnOrder !== null && round % epochFor(size) !== 0
          ? this.#halves(drawnOrder, round)
          : this.#ranked(eligible, round, previous);
      keptKeys = false;
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
      previous = list.map((r) => r.key);
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

  /** A round of a regular stretch: drawn afresh, or the halves of the last round drawn, each shuffled by the round. */
  #regularOrder(segment: Regular, round: number): readonly string[] {
    const cacheKey = `${segment.start}:${round}`;
    const cached = this.#orders.get(cacheKey);
    if (cached !== undefined) return cached;
    const order = this.#isDrawn(segment, round)
      ? this.#drawn(segment, round)
      : this.#halves(this.#drawnFor(segment, round), round).map((r) => r.key);
    this.#orders.set(cacheKey, order);
    if (this.#orders.size > orderCacheSize) {
      const oldest = this.#orders.keys().next().value;
      if (oldest !== undefined) this.#orders.delete(oldest);
    }
    return order;
  }

  /** Whether a round of a regular stretch is drawn afresh: its first, and every `epochFor(N)`-th. */
  #isDrawn(segment: Regular, round: number): boolean {
    return round === segment.firstRound || round % epochFor(segment.keys.length) === 0;
  }

  /** The order of the last round drawn afresh at or before `round`, in a regular stretch. */
  #drawnFor(segment: Regular, round: number): readonly string[] {
    const epoch = epochFor(segment.keys.length);
    return this.#drawn(segment, Math.max(segment.firstRound, round - (round % epoch)));
  }

  /** A drawn round's order, worked out from the last drawn round already known (each needs the round before it). */
  #drawn(segment: Regular, round: number): readonly string[] {
    const known = segment.drawn.get(round);
    if (known !== undefined) return known;
    const epoch = epochFor(segment.keys.length);
    // One or two keys: the spacing rule fixes the order from the stretch's first round on.
    if (segment.keys.length <= 2 && round !== segment.firstRound)
      return this.#drawn(segment, segment.firstRound);
    let from = round;
    while (from > segment.firstRound && !segment.drawn.has(from)) {
      from = Math.max(segment.firstRound, from - 1 - ((from - 1) % epoch));
    }
    let order = segment.drawn.get(from);
    if (order === undefined) {
      order = this.#ranked(segment.keys, from, segment.previous).map((r) => r.key);
      segment.drawn.set(from, order);
    }
    for (let r = from + epoch - (from % epoch); r <= round; r += epoch) {
      const before: readonly string[] = this.#isDrawn(segment, r - 1)
        ? this.#drawn(segment, r - 1)
        : this.#halves(order, r - 1).map((x) => x.key);
      order = this.#ranked(segment.keys, r, before).map((x) => x.key);
      segment.drawn.set(r, order);
    }
    return order;
  }

  /** A round that keeps the halves of a drawn round: the first ⌈N/2⌉ keys, then the rest, each shuffled by the round. */
  #halves(drawn: readonly string[], round: number): Ranked[] {
    const cut = Math.ceil(drawn.length / 2);
    const shuffle = (keys: readonly string[]) =>
      keys.map((key) => ({ key, v: this.#hash(round, key) })).sort(byRank);
    const list = [...shuffle(drawn.slice(0, cut)), ...shuffle(drawn.slice(cut))];
    list.forEach((item, i) => {
      item.v = (i + 1) / (drawn.length + 1);
    });
    return list;
  }

  /**
   * Keys in the order a round shows them: by their hash for the round, each released only at the place
   * that keeps it ⌈M/2⌉ slots from its showing in the round before. Each gets an evenly spaced rank in
   * (0, 1), so that a key joining mid-round can be ranked into the places still to come.
   */
  #ranked(keys: readonly string[], round: number, previous: readonly string[] | null): Ranked[] {
    const size = keys.length;
    const gap = size >= 2 ? Math.max(2, Math.ceil(size / 2)) : 1;
    const before = previous ?? [];
    const placeBefore = new Map(before.map((key, i) => [key, i]));
    const releases: Ranked[][] = Array.from({ length: size }, () => []);
    for (const key of keys) {
      const p = placeBefore.get(key);
      const release = p === undefined ? 0 : Math.min(size - 1, Math.max(0, gap - (before.length - p)));
      releases[release]?.push({ key, v: this.#hash(round, key) });
    }
    const free = new RankHeap();
    const list: Ranked[] = [];
    for (let q = 0; q < size; q++) {
      for (const item of releases[q] ?? []) free.push(item);
      const next = free.pop();
      if (next !== undefined) list.push(next);
    }
    list.forEach((item, i) => {
      item.v = (i + 1) / (size + 1);
    });
    return list;
  }

  #hash(round: number, key: string): number {
    return unitHash(`${this.#seed}\u0000${round}\u0000${key}`);
  }
}

function sorted(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
