import type { Library } from '../search/library.ts';

/**
 * Holds the one Library in use. A reload builds a new Library aside and swaps it in whole, so a
 * request sees either the old content or the new, never half of each.
 */
export class LibraryStore {
  #current: Library;
  readonly #listeners = new Set<(library: Library) => void>();

  constructor(initial: Library) {
    this.#current = initial;
  }

  /** The Library to answer from right now; take it once per request. */
  get current(): Library {
    return this.#current;
  }

  /** Swaps in a freshly built Library, and tells whoever listens. */
  replace(next: Library): void {
    this.#current = next;
    for (const listener of this.#listeners) listener(next);
  }

  /** Calls `listener` with each Library swapped in from now on; returns how to stop. */
  subscribe(listener: (library: Library) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
