import type { Library } from '../search/library.ts';

/**
 * Holds the one Library in use. A reload builds a new Library aside and swaps it in whole, so a
 * request sees either the old content or the new, never half of each.
 */
export class LibraryStore {
  #current: Library;

  constructor(initial: Library) {
    this.#current = initial;
  }

  /** The Library to answer from right now; take it once per request. */
  get current(): Library {
    return this.#current;
  }

  /** Swaps in a freshly built Library. */
  replace(next: Library): void {
    this.#current = next;
  }
}
