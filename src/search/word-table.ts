// As in term-index-builder.ts, the `as number` casts on typed arrays are in-range reads by construction.

/** The hash `WordTable` files a word under: FNV-1a over its character codes, ASCII capitals read as small letters. */
export const wordHashSeed = 0x811c9dc5 | 0;

/** One step of the word hash: the running hash after one more character code. */
export function wordHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ (code >= 65 && code <= 90 ? code + 32 : code), 0x01000193);
}

/** The word hash of a whole string. */
export function wordHash(word: string): number {
  let hash = wordHashSeed;
  for (let i = 0; i < word.length; i++) hash = wordHashStep(hash, word.charCodeAt(i));
  return hash;
}

/**
 * Folded words, each with a number, looked up by a range of a text rather than by a string: a body's
 * words are found where they stand, and only a word not seen before becomes a string of its own.
 * Indexing a site otherwise cuts a short string out of its text for every word it holds (at 10,000
 * posts, millions of them) only to look each up once and drop it. ASCII capitals in the range match
 * the stored word's small letters, so a text need not be lowered first.
 */
export class WordTable {
  #words: (string | undefined)[] = new Array(1 << 12).fill(undefined);
  #hashes = new Int32Array(1 << 12);
  #values = new Int32Array(1 << 12);
  #size = 0;

  /** How many words the table holds. */
  get size(): number {
    return this.#size;
  }

  /**
   * The slot of `text.slice(start, end)`, its ASCII capitals lowered, given that range's `wordHash`;
   * or, when the table lacks it, the bitwise complement (`~`) of the slot `add` fills.
   */
  find(text: string, start: number, end: number, hash: number): number {
    const words = this.#words;
    const mask = words.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = words[slot];
      if (word === undefined) return ~slot;
      if (this.#hashes[slot] !== hash || word.length !== length) continue;
      let k = 0;
      while (k < length) {
        const c = text.charCodeAt(start + k);
        if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(k)) break;
        k++;
      }
      if (k === length) return slot;
    }
  }

  /** Files a word (folded, its `wordHash` given) with its number at `~missing`, as `find` returned it. */
  add(missing: number, word: string, hash: number, value: number): void {
    let slot = ~missing;
    // Kept at most half full: probes stay short, and a full table would never end a search.
    if ((this.#size + 1) * 2 > this.#words.length) {
      this.#rehash();
      slot = ~this.find(word, 0, word.length, hash);
    }
    this.#words[slot] = word;
    this.#hashes[slot] = hash;
    this.#values[slot] = value;
    this.#size++;
  }

  /** The number of the word at a slot `find` returned. */
  valueAt(slot: number): number {
    return this.#values[slot] as number;
  }

  /** Changes the number of the word at a slot `find` returned. */
  setValueAt(slot: number, value: number): void {
    this.#values[slot] = value;
  }

  /** Each word with its number, in no particular order. */
  *entries(): IterableIterator<[string, number]> {
    const words = this.#words;
    for (let slot = 0; slot < words.length; slot++) {
      const word = words[slot];
      if (word !== undefined) yield [word, this.#values[slot] as number];
    }
  }

  #rehash(): void {
    const words = this.#words;
    const hashes = this.#hashes;
    const values = this.#values;
    const capacity = words.length * 2;
    const mask = capacity - 1;
    this.#words = new Array(capacity).fill(undefined);
    this.#hashes = new Int32Array(capacity);
    this.#values = new Int32Array(capacity);
    for (let from = 0; from < words.length; from++) {
      const word = words[from];
      if (word === undefined) continue;
      let slot = (hashes[from] as number) & mask;
      while (this.#words[slot] !== undefined) slot = (slot + 1) & mask;
      this.#words[slot] = word;
      this.#hashes[slot] = hashes[from] as number;
      this.#values[slot] = values[from] as number;
    }
  }
}
