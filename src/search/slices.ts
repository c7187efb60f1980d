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

/** How long a slice may run before the event loop gets a turn. */
export const sliceMs = 10;

/**
 * Says when a slice of work is full: when it has run `sliceMs`. The clock is read once every `size`
 * units of work, not per unit, since a clock read would cost more than most units; `size` is a
 * small fraction of what a slice holds, so a slice overruns by at most that much, however costly the
 * units of a site turn out to be (a post with a long body costs ten times a short one).
 */
export class SliceCounter {
  #left: number;
  /** When the slice began: the first unit counted after the last pause (-1 until then). */
  #started = -1;

  constructor(readonly size: number) {
    this.#left = size;
  }

  /** Counts `units` done; true when the slice is full (and a new one begins). */
  full(units = 1): boolean {
    // The turn of the event loop between slices is not the slice's own time.
    if (this.#started < 0) this.#started = performance.now();
    this.#left -= units;
    if (this.#left > 0) return false;
    this.#left = this.size;
    if (performance.now() - this.#started < sliceMs) return false;
    this.#started = -1;
    return true;
  }
}
