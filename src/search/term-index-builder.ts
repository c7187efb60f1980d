import SearchableMap from 'minisearch/SearchableMap';
import { SliceCounter, type Sliced } from './slices.ts';
import { type Inheritance, TermIndex } from './term-index.ts';
import { charBreak, stemOf, wordsOf } from './terms.ts';
import { WordTable, wordHash, wordHashSeed, wordHashStep } from './word-table.ts';

// The `as number` casts on typed arrays below are reviewed, not forgotten: every index is in range by
// construction (offsets, slots and doc ids are made here), these are the hottest loops of a query and a
// build, and a checked read on each (`?? 0`, or a helper) costs measurably there while guarding nothing.

// Postings sorted between reads of the clock: a small part of a slice.
const postingsPerClockRead = 10_000;

/** Collects postings document by document (in increasing document order), then freezes them into a TermIndex. */
export class TermIndexBuilder {
  readonly #fieldCount: number;
  readonly #ids = new Map<string, number>();
  /**
   * Each folded word's term id (its stem's) times two, plus one when the radix tree lists the word for
   * prefix and typo lookups: words of every field but those added unlisted (a post's body). A typo found
   * only in a body is never taken anyway (the scorer cannot confirm it), and the body's words would make
   * every typo lookup walk a far larger tree. One table lookup a word: words repeat far more than stems.
   */
  readonly #words = new WordTable();
  #listing = 1;
  readonly #terms: string[] = [];
  #postTerm: Int32Array;
  #postDocField: Int32Array;
  #postFreq: Uint16Array;
  #postings = 0;
  #fieldLength = new Uint16Array(1 << 12);
  #docCount = 0;
  /** The term ids of the field being collected (see `addText`), so that no array is made per field. */
  #field = new Int32Array(256);
  #fieldSize = 0;
  /** By term id, the `#fieldSerial` of the last field holding it, and how often it holds it. */
  #stamp = new Int32Array(1 << 12);
  #count = new Int32Array(1 << 12);
  #fieldSerial = 0;

  /** `expectedPostings`, a guess, sizes the postings once: doubled as they come, they are copied again and again. */
  constructor(fieldCount: number, expectedPostings = 1 << 16) {
    this.#fieldCount = fieldCount;
    const size = Math.max(1 << 16, expectedPostings);
    this.#postTerm = new Int32Array(size);
    this.#postDocField = new Int32Array(size);
    this.#postFreq = new Uint16Array(size);
  }

  /** The term id of a folded word's stem, added to the vocabulary if new. */
  #internWord(word: string): number {
    return this.#internRange(word, 0, word.length, wordHash(word));
  }

  /**
   * The term id of the word `text.slice(start, end)` (its ASCII capitals lowered, `hash` its `wordHash`),
   * added to the vocabulary if new: the word becomes a string of its own only then.
   */
  #internRange(text: string, start: number, end: number, hash: number): number {
    const words = this.#words;
    const slot = words.find(text, start, end, hash);
    if (slot < 0) {
      const word = text.slice(start, end).toLowerCase();
      const id = this.#intern(stemOf(word));
      words.add(slot, word, hash, id * 2 + this.#listing);
      return id;
    }
    const known = words.valueAt(slot);
    if (this.#listing > (known & 1)) words.setValueAt(slot, known | 1);
    return known >>> 1;
  }

  /** The id of a folded, stemmed term, added to the vocabulary if new. */
  #intern(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#ids.set(term, id);
      this.#terms.push(term);
    }
    return id;
  }

  /** The term ids of a text's words, in order. */
  idsOf(text: string): number[] {
    const from = this.#fieldSize;
    this.#collectText(text);
    const ids = Array.from(this.#field.subarray(from, this.#fieldSize));
    this.#fieldSize = from;
    return ids;
  }

  /**
   * Adds a text's words to the field being collected, which `endField` records; `listed` false keeps
   * them out of prefix and typo lookups (they match as typed, by stem, only).
   */
  addText(text: string, listed = true): void {
    this.#listing = listed ? 1 : 0;
    this.#collectText(text);
    this.#listing = 1;
  }

  /** Adds term ids (from `idsOf`) to the field being collected, which `endField` records. */
  addIds(termIds: readonly number[]): void {
    for (let i = 0; i < termIds.length; i++) this.#collect(termIds[i] as number);
  }

  /** Records the words collected since the last call as one field of one document (in increasing order). */
  endField(doc: number, field: number): void {
    if (doc >= this.#docCount) this.#docCount = doc + 1;
    const slot = doc * this.#fieldCount + field;
    if (slot >= this.#fieldLength.length) this.#fieldLength = grow(this.#fieldLength, slot + 1);
    const size = this.#fieldSize;
    this.#fieldSize = 0;
    this.#fieldLength[slot] = Math.min(0xffff, size);
    if (size === 0) return;
    // Each term once, with its count, in the order first seen: no sort (the postings are grouped by
    // term in `build`, and a slot's terms may come in any order).
    const terms = this.#terms.length;
    if (this.#stamp.length < terms) {
      this.#stamp = grow(this.#stamp, terms);
      this.#count = grow(this.#count, terms);
    }
    const stamp = this.#stamp;
    const count = this.#count;
    const mark = ++this.#fieldSerial;
    const ids = this.#field;
    let distinct = 0;
    for (let i = 0; i < size; i++) {
      const term = ids[i] as number;
      if (stamp[term] === mark) {
        count[term] = (count[term] as number) + 1;
      } else {
        stamp[term] = mark;
        count[term] = 1;
        // Written over the ids already read: the field's distinct terms, in order.
        ids[distinct++] = term;
      }
    }
    for (let i = 0; i < distinct; i++) {
      const term = ids[i] as number;
      this.#push(term, slot, count[term] as number);
    }
  }

  #collect(id: number): void {
    if (this.#fieldSize === this.#field.length) this.#field = grow(this.#field, this.#fieldSize + 1);
    this.#field[this.#fieldSize++] = id;
  }

  /**
   * Collects the id of each word of a text, as `termsOf` splits and folds it: a text of ASCII words
   * (most are) is split here without a regular expression, an array of words or a string per word,
   * each word looked up where it stands by a hash taken as its characters are read. Collected
   * directly, not through a callback: this runs once per word of every body.
   */
  #collectText(text: string): void {
    const from = this.#fieldSize;
    let start = -1;
    let hash = wordHashSeed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128 && (c >= charBreak.length || charBreak[c] === 0)) {
        // A letter beyond ASCII is folded (accents stripped) by the general way, from the start.
        this.#fieldSize = from;
        for (const word of wordsOf(text)) this.#collect(this.#internWord(word));
        return;
      }
      if (charBreak[c] === 1) {
        if (start !== -1) {
          this.#collect(this.#internRange(text, start, i, hash));
          start = -1;
          hash = wordHashSeed;
        }
      } else {
        if (start === -1) start = i;
        hash = wordHashStep(hash, c);
      }
    }
    if (start !== -1) this.#collect(this.#internRange(text, start, text.length, hash));
  }

  /** Moves postings `from`…`to` to their places in term order, counting what children inherit (see `build`). */
  #scatter(
    from: number,
    to: number,
    next: Uint32Array,
    into: {
      docField: Int32Array;
      freq: Uint16Array;
      fieldDocs: Uint32Array;
      links: Int32Array;
      children: Uint32Array;
    },
  ): void {
    const { docField, freq, fieldDocs, links, children } = into;
    const fields = this.#fieldCount;
    const postTerm = this.#postTerm;
    const postDocField = this.#postDocField;
    const postFreq = this.#postFreq;
    for (let i = from; i < to; i++) {
      const term = postTerm[i] as number;
      const at = next[term] as number;
      next[term] = at + 1;
      const slot = postDocField[i] as number;
      docField[at] = slot;
      freq[at] = postFreq[i] as number;
      const field = slot % fields;
      (fieldDocs[term * fields + field] as number)++;
      const inheriting = links[field] as number;
      if (inheriting < 0) continue;
      const doc = (slot - field) / fields;
      if (doc + 1 < children.length)
        (fieldDocs[term * fields + inheriting] as number) +=
          (children[doc + 1] as number) - (children[doc] as number);
    }
  }

  #push(term: number, slot: number, freq: number): void {
    if (this.#postings === this.#postTerm.length) {
      this.#postTerm = grow(this.#postTerm, this.#postings + 1);
      this.#postDocField = grow(this.#postDocField, this.#postings + 1);
      this.#postFreq = grow(this.#postFreq, this.#postings + 1);
    }
    this.#postTerm[this.#postings] = term;
    this.#postDocField[this.#postings] = slot;
    this.#postFreq[this.#postings] = Math.min(0xffff, freq);
    this.#postings++;
  }

  /**
   * Sorts the postings by term (a counting sort, so each term's postings stay in document order).
   * `inherit` lets child documents (a post's resources) match through a parent's field without
   * postings of their own: a word in `from` of a parent counts as being in `to` of each child.
   */
  *build(docCount: number, inherit?: Inheritance): Sliced<TermIndex> {
    const slice = new SliceCounter(postingsPerClockRead);
    const terms = this.#terms.length;
    const fields = this.#fieldCount;
    const offsets = new Uint32Array(terms + 1);
    for (let i = 0; i < this.#postings; i++) (offsets[(this.#postTerm[i] as number) + 1] as number)++;
    for (let t = 0; t < terms; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
    yield;
    const next = offsets.slice(0, terms);
    const docField = new Int32Array(this.#postings);
    const freq = new Uint16Array(this.#postings);
    const fieldDocs = new Uint32Array(terms * fields);
    // How many children inherit each term, for its rarity in the inheriting field: counted as the
    // postings are moved, a child field's count being its parents' children.
    const links = Int32Array.from({ length: fields }, (_, f) => inherit?.links[f] ?? -1);
    const children = inherit?.children ?? new Uint32Array(0);
    // In chunks, each a plain method's loop: the same loop runs slower in a generator's own body.
    for (let from = 0; from < this.#postings; from += postingsPerClockRead) {
      const to = Math.min(this.#postings, from + postingsPerClockRead);
      this.#scatter(from, to, next, { docField, freq, fieldDocs, links, children });
      if (slice.full(to - from)) yield;
    }
    for (let f = 0; f < fields; f++) {
      const to = links[f] as number;
      if (to < 0) continue;
      for (let t = 0; t < terms; t++)
        fieldDocs[t * fields + to] = Math.min(docCount, fieldDocs[t * fields + to] as number);
    }
    const lengths = new Uint16Array(docCount * fields);
    lengths.set(this.#fieldLength.subarray(0, Math.min(this.#fieldLength.length, lengths.length)));
    const totals = new Float64Array(fields);
    for (let slot = 0; slot < lengths.length; slot++)
      (totals[slot % fields] as number) += lengths[slot] as number;
    const average = totals.map((total) => (docCount > 0 ? total / docCount : 0) || 1);
    yield;
    // Words as written (folded) go into the radix tree, each to its stem's id: a typo is a typo of
    // what was typed ("simulatoin" is two edits from "simulation", five from its stem "simul").
    const dictionary = new SearchableMap<number>();
    for (const [word, packed] of this.#words.entries()) {
      if ((packed & 1) === 1) dictionary.set(word, packed >>> 1);
      // A word into the radix tree costs about as much as a few dozen postings.
      if (slice.full(32)) yield;
    }
    return new TermIndex({
      fields,
      docCount,
      offsets,
      docField,
      freq,
      fieldDocs,
      lengths,
      average,
      dictionary,
      stems: this.#ids,
      inherit,
    });
  }
}

function grow<T extends Int32Array | Uint16Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}
