/** Slots with nothing to show: no key has joined yet. */
export interface Idle {
  readonly kind: 'idle';
  readonly start: number;
}

/** A round during which keys joined: its order is worked out once, slot by slot. */
export interface Irregular {
  readonly kind: 'irregular';
  readonly start: number;
  readonly round: number;
  readonly order: readonly string[];
  /** How long the round was known to be from each slot on: it grows as keys join. */
  readonly lengths: readonly (readonly [slot: number, length: number])[];
}

/** Whole rounds over an unchanging set of keys: each round's order follows from its number alone. */
export interface Regular {
  readonly kind: 'regular';
  readonly start: number;
  readonly firstRound: number;
  /** The keys, sorted, so the order never depends on how the caller listed them. */
  readonly keys: readonly string[];
  /** The order of the round before this stretch began, which its first round keeps its distance from. */
  readonly previous: readonly string[] | null;
  /** The orders of its drawn rounds (see `epochFor`) worked out so far, by round: later ones follow from earlier ones. */
  readonly drawn: Map<number, readonly string[]>;
}

/** A stretch of slots, as the rotation precomputes them. */
export type Segment = Idle | Irregular | Regular;

/** The index of the segment that holds `slot`: the last one starting at or before it. */
export function segmentAt(segments: readonly Segment[], slot: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((segments[mid]?.start ?? Number.POSITIVE_INFINITY) <= slot) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
