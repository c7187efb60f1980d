import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Work done in slices: a generator that yields between slices and returns its result. The same code
 * builds a Library at once (a test, the CLI) or with turns of the event loop between slices (a running
 * app, whose requests must not wait a second for a rebuild at 10,000 posts).
 */
export type Sliced<T> = Generator<void, T, void>;

/** Runs sliced work to its end without pausing. */
export function runAtOnce<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs sliced work with a turn of the event loop between slices. */
export async function runInSlices<T>(work: Sliced<T>): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/**
 * Counts units of work and says when a slice is full. A count rather than a clock: a clock read per
 * unit would cost more than the unit.
 */
export class SliceCounter {
  #left: number;

  constructor(readonly size: number) {
    this.#left = size;
  }

  /** Counts `units` done; true when the slice is full (and a new one begins). */
  full(units = 1): boolean {
    this.#left -= units;
    if (this.#left > 0) return false;
    this.#left = this.size;
    return true;
  }
}
