import SearchableMap from 'minisearch/SearchableMap';
import { stemmer } from 'stemmer';
import { foldText } from './normalize.ts';
import { SliceCounter, type Sliced } from './slices.ts';

// The `as number` casts on typed arrays below are reviewed, not forgotten: every index is in range by
// construction (offsets, slots and doc ids are made here), these are the hottest loops of a query and a
// build, and a checked read on each (`?? 0`, or a helper) costs measurably there while guarding nothing.

/** One word of a query as the index looks it up: as typed, and maybe as a prefix or with typos forgiven. */
export interface TermQuery {
  /** Folded and stemmed, as `termsOf` gives it: what is matched as typed. */
  readonly term: string;
  /** Folded, as `wordsOf` gives it: what prefixes and typos are looked up from. */
  readonly word: string;
  /** Also match longer words starting with it. */
  readonly prefix: boolean;
  /** Also match words within this many edits; 0 for none. */
  readonly maxEdits: number;
}

/** A document that matched every word, and how well (higher is better). */
export interface TermMatch {
  readonly doc: number;
  readonly score: number;
}

// MiniSearch's split: white space and punctuation end a word (symbols such as `+` and `#` do not).
const wordBreak = /[\n\r\p{Z}\p{P}]+/u;
const nonAscii = /[^\p{ASCII}]/u;

/** The folded words of a text: lower case, accents stripped. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(wordBreak)) {
    if (!token) continue;
    const folded = nonAscii.test(token) ? foldText(token) : token.toLowerCase();
    if (folded) words.push(folded);
  }
  return words;
}

/** The folded, stemmed words of a text, as the index matches them: `Simulations` → `simul`. */
export function termsOf(text: string): string[] {
  return wordsOf(text).map(stemOf);
}

// Stems by folded word: a site's words repeat (Zipf), and stemming each occurrence would cost more than indexing it.
const stems = new Map<string, string>();
/** Words remembered before the map starts afresh, so that reloads of an ever-changing site cannot grow it without end. */
const stemsKept = 500_000;

/** The English stem of a folded word (`simulations` → `simul`), as the Porter stemmer gives it. */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    // Only words of letters are stemmed: `k8s`, `2017` and `c++` stay as written.
    stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size >= stemsKept) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

// About 10 ms of sorting postings on the 2-core development machine.
const postingsPerSlice = 100_000;

// BM25 as MiniSearch scores it, with its weights for words found by prefix or by forgiving typos.
const k = 1.2;
const b = 0.7;
const d = 0.5;
const prefixWeight = 0.375;
const fuzzyWeight = 0.45;

// Which ASCII characters end a word, read off `wordBreak` itself so that the two never disagree.
const asciiBreak = Uint8Array.from({ length: 128 }, (_, c) =>
  wordBreak.test(String.fromCharCode(c)) ? 1 : 0,
);

/** Collects postings document by document (in increasing document order), then freezes them into a TermIndex. */
export class TermIndexBuilder {
  readonly #fieldCount: number;
  readonly #ids = new Map<string, number>();
  /**
   * Each folded word's term id (its stem's) times two, plus one when the radix tree lists the word for
   * prefix and typo lookups: words of every field but those added unlisted (a post's body). A typo found
   * only in a body is never taken anyway (the scorer cannot confirm it), and the body's words would make
   * every typo lookup walk a far larger tree. One map lookup a word: words repeat far more than stems.
   */
  readonly #wordIds = new Map<string, number>();
  #listing = 1;
  readonly #terms: string[] = [];
  #postTerm = new Int32Array(1 << 16);
  #postDocField = new Int32Array(1 << 16);
  #postFreq = new Uint16Array(1 << 16);
  #postings = 0;
  #fieldLength = new Uint16Array(1 << 12);
  #docCount = 0;
  /** The term ids of the field being collected (see `addText`), so that no array is made per field. */
  #field = new Int32Array(256);
  #fieldSize = 0;

  constructor(fieldCount: number) {
    this.#fieldCount = fieldCount;
  }

  /** The term id of a folded word's stem, added to the vocabulary if new. */
  #internWord(word: string): number {
    const known = this.#wordIds.get(word);
    if (known === undefined) {
      const id = this.#intern(stemOf(word));
      this.#wordIds.set(word, id * 2 + this.#listing);
      return id;
    }
    if (this.#listing > (known & 1)) this.#wordIds.set(word, known | 1);
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
    const ids: number[] = [];
    this.#eachId(text, (id) => ids.push(id));
    return ids;
  }

  /**
   * Adds a text's words to the field being collected, which `endField` records; `listed` false keeps
   * them out of prefix and typo lookups (they match as typed, by stem, only).
   */
  addText(text: string, listed = true): void {
    this.#listing = listed ? 1 : 0;
    this.#eachId(text, (id) => this.#collect(id));
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
    const sorted = this.#field;
    if (size > 24) sorted.subarray(0, size).sort();
    else insertionSort(sorted, size);
    for (let i = 0; i < size; ) {
      const term = sorted[i] as number;
      let j = i + 1;
      while (j < size && sorted[j] === term) j++;
      this.#push(term, slot, j - i);
      i = j;
    }
  }

  #collect(id: number): void {
    if (this.#fieldSize === this.#field.length) this.#field = grow(this.#field, this.#fieldSize + 1);
    this.#field[this.#fieldSize++] = id;
  }

  /**
   * Calls `each` with the id of each word of a text, as `termsOf` splits and folds it: an ASCII text
   * (most are) is split here without a regular expression or an array of words, each word looked up
   * as it is cut out.
   */
  #eachId(text: string, each: (id: number) => void): void {
    if (nonAscii.test(text)) {
      for (const word of wordsOf(text)) each(this.#internWord(word));
      return;
    }
    let start = -1;
    let upper = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (asciiBreak[c] === 1) {
        if (start !== -1) {
          const word = text.slice(start, i);
          each(this.#internWord(upper ? word.toLowerCase() : word));
          start = -1;
          upper = false;
        }
      } else {
        if (start === -1) start = i;
        if (c >= 65 && c <= 90) upper = true;
      }
    }
    if (start !== -1) {
      const word = text.slice(start);
      each(this.#internWord(upper ? word.toLowerCase() : word));
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
    const slice = new SliceCounter(postingsPerSlice);
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
    for (let i = 0; i < this.#postings; i++) {
      const term = this.#postTerm[i] as number;
      const at = (next[term] as number) + 0;
      next[term] = at + 1;
      const slot = this.#postDocField[i] as number;
      docField[at] = slot;
      freq[at] = this.#postFreq[i] as number;
      (fieldDocs[term * fields + (slot % fields)] as number)++;
      if (slice.full()) yield;
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
    for (const [word, packed] of this.#wordIds) {
      if ((packed & 1) === 1) dictionary.set(word, packed >>> 1);
      // A word into the radix tree costs about as much as a few dozen postings.
      if (slice.full(32)) yield;
    }
    if (inherit) {
      // How many children inherit each term, for its rarity in the inheriting field.
      const { children, links } = inherit;
      for (let t = 0; t < terms; t++) {
        for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
          const slot = docField[i] as number;
          const doc = (slot / fields) | 0;
          const to = links[slot - doc * fields] ?? -1;
          if (to < 0 || doc + 1 >= children.length) continue;
          const count = (children[doc + 1] as number) - (children[doc] as number);
          fieldDocs[t * fields + to] = Math.min(docCount, (fieldDocs[t * fields + to] as number) + count);
        }
        if (slice.full((offsets[t + 1] as number) - (offsets[t] as number))) yield;
      }
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

/** Child documents (a post's resources) that match through fields of their parent. */
export interface Inheritance {
  /** CSR offsets into `docs`: the children of parent p are docs[children[p] .. children[p + 1]). */
  readonly children: Uint32Array;
  readonly docs: Int32Array;
  /** By parent field: the child field it counts as, or -1. */
  readonly links: readonly number[];
}

function insertionSort(array: Int32Array, size: number): void {
  for (let i = 1; i < size; i++) {
    const value = array[i] as number;
    let j = i - 1;
    while (j >= 0 && (array[j] as number) > value) {
      array[j + 1] = array[j] as number;
      j--;
    }
    array[j + 1] = value;
  }
}

function grow<T extends Int32Array | Uint16Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (size: number) => T)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}

interface Parts {
  readonly fields: number;
  readonly docCount: number;
  /** Where each term's postings start in `docField`/`freq`; one more entry than there are terms. */
  readonly offsets: Uint32Array;
  /** Each posting's `doc * fields + field`, in document order within a term. */
  readonly docField: Int32Array;
  readonly freq: Uint16Array;
  /** How many documents hold each term in each field (`term * fields + field`). */
  readonly fieldDocs: Uint32Array;
  /** Words in each field of each document (`doc * fields + field`). */
  readonly lengths: Uint16Array;
  readonly average: Float64Array;
  /** Folded term to term id: a radix tree, for prefix and typo-tolerant lookups. */
  readonly dictionary: SearchableMap<number>;
  /** Stem to term id: what a query word as typed is matched by. */
  readonly stems: ReadonlyMap<string, number>;
  readonly inherit: Inheritance | undefined;
}

/**
 * An inverted index in typed arrays: a few bytes per posting, built in one pass, queried without
 * allocating per document. Words are found in MiniSearch's radix tree (`SearchableMap`), which
 * answers prefix and edit-distance lookups; documents are scored with BM25 as MiniSearch scores
 * them, and a document must hold every query word (AND).
 */
export class TermIndex {
  readonly #p: Parts;
  // Scratch space for one query at a time (queries are synchronous, so never interleaved).
  readonly #scores: Float64Array;
  readonly #matched: Uint8Array;
  /** Per document, which inherited fields already scored in the current step (`step << 4 | field bits`). */
  readonly #inherited: Uint16Array;
  #lastFuzzy: { term: string; maxEdits: number; found: Map<string, [number, number]> } | null = null;

  constructor(parts: Parts) {
    this.#p = parts;
    this.#scores = new Float64Array(parts.docCount);
    this.#matched = new Uint8Array(parts.docCount);
    this.#inherited = new Uint16Array(parts.inherit ? parts.docCount : 0);
  }

  /** How many distinct words the index holds. */
  get termCount(): number {
    return this.#p.dictionary.size;
  }

  /**
   * The documents holding every query word, best first, at most `limit` of them, each passing
   * `allow` when given. Null when none holds them all.
   */
  search(
    words: readonly TermQuery[],
    boosts: readonly number[],
    limit: number,
    allow?: (doc: number) => boolean,
  ): TermMatch[] | null {
    const expanded = words.map((word) => this.#expand(word));
    if (expanded.some((terms) => terms.length === 0)) return null;
    // The rarest word first: it bounds the candidates, the others only narrow them.
    const order = expanded
      .map((terms, i) => ({ terms, size: terms.reduce((n, [t]) => n + this.#postingCount(t), 0), i }))
      .sort((x, y) => x.size - y.size || x.i - y.i);
    const seeds: number[] = [];
    const scores = this.#scores;
    const matched = this.#matched;
    try {
      for (let step = 0; step < order.length; step++) {
        const { terms } = order[step] as (typeof order)[number];
        let advanced = 0;
        for (const [term, weight] of terms) advanced += this.#score(term, weight, boosts, step, seeds);
        if (advanced === 0) return null;
      }
      const full = Math.min(order.length, 255);
      const found: TermMatch[] = [];
      for (const doc of seeds) {
        if (matched[doc] === full && (!allow || allow(doc)))
          found.push({ doc, score: scores[doc] as number });
      }
      return found.length === 0 ? null : best(found, limit);
    } finally {
      for (const doc of seeds) {
        scores[doc] = 0;
        matched[doc] = 0;
        if (this.#inherited.length > 0) this.#inherited[doc] = 0;
      }
    }
  }

  /** The words of the index close to `term` (by prefix or a few edits), with their weights, most alike first. */
  similar(term: string, maxEdits: number): string[] {
    const found = new Map<string, number>();
    for (const [t, id] of this.#p.dictionary.atPrefix(term)) {
      found.set(
        t,
        this.#weight(t, t.length - term.length, prefixWeight, 0.3) * Math.log1p(this.#postingCount(id)),
      );
    }
    for (const [t, [id, edits]] of this.#fuzzy(term, maxEdits)) {
      if (found.has(t)) continue;
      found.set(t, this.#weight(t, edits, fuzzyWeight, 1) * Math.log1p(this.#postingCount(id)));
    }
    return [...found].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([t]) => t);
  }

  /** The term ids a query word stands for, with MiniSearch's weights: 1 as typed, less by prefix or typo. */
  #expand({ term, word, prefix, maxEdits }: TermQuery): Array<[number, number]> {
    const { dictionary, stems } = this.#p;
    const terms = new Map<number, number>();
    const exact = stems.get(term) ?? dictionary.get(word);
    if (exact !== undefined) terms.set(exact, 1);
    if (prefix) {
      for (const [t, id] of dictionary.atPrefix(word)) {
        const weight = this.#weight(t, t.length - word.length, prefixWeight, 0.3);
        if (id !== exact && weight > (terms.get(id) ?? 0)) terms.set(id, weight);
      }
    }
    if (maxEdits > 0) {
      for (const [t, [id, edits]] of this.#fuzzy(word, maxEdits)) {
        if (edits > 0 && !terms.has(id)) terms.set(id, this.#weight(t, edits, fuzzyWeight, 1));
      }
    }
    return [...terms];
  }

  /**
   * The words within `maxEdits` of `term`. The last lookup is kept: a word that found nothing is looked up
   * again, alike, for the suggestions that follow, and a walk of the dictionary costs up to milliseconds.
   */
  #fuzzy(term: string, maxEdits: number): Map<string, [number, number]> {
    const last = this.#lastFuzzy;
    if (last?.term === term && last.maxEdits === maxEdits) return last.found;
    const found = this.#p.dictionary.fuzzyGet(term, maxEdits);
    this.#lastFuzzy = { term, maxEdits, found };
    return found;
  }

  #weight(term: string, distance: number, weight: number, rate: number): number {
    return distance === 0 ? 1 : (weight * term.length) / (term.length + rate * distance);
  }

  #postingCount(term: number): number {
    const { offsets } = this.#p;
    return (offsets[term + 1] as number) - (offsets[term] as number);
  }

  /**
   * Adds one term's BM25 scores to the documents that held every earlier word (`step` of them),
   * and counts how many documents it carried forward.
   */
  #score(term: number, weight: number, boosts: readonly number[], step: number, seeds: number[]): number {
    const { fields, docCount, offsets, docField, freq, fieldDocs, lengths, average, inherit } = this.#p;
    const mark = Math.min(step, 254);
    let advanced = 0;
    const idf = new Float64Array(fields);
    for (let f = 0; f < fields; f++) {
      const n = fieldDocs[term * fields + f] as number;
      idf[f] = Math.log(1 + (docCount - n + 0.5) / (n + 0.5));
    }
    const end = offsets[term + 1] as number;
    for (let i = offsets[term] as number; i < end; i++) {
      const slot = docField[i] as number;
      const doc = (slot / fields) | 0;
      const field = slot - doc * fields;
      const tf = freq[i] as number;
      const norm = 1 - b + (b * (lengths[slot] as number)) / (average[field] as number);
      const bm25 = d + (tf * (k + 1)) / (tf + k * norm);
      advanced += this.#add(doc, mark, seeds, weight * (boosts[field] ?? 1) * (idf[field] as number) * bm25);
      const to = inherit?.links[field] ?? -1;
      if (!inherit || to < 0 || doc + 1 >= inherit.children.length) continue;
      // The parent's children inherit the word once per step and field, whatever the number of parents.
      const bit = 1 << to;
      const stamp = (step + 1) << 8;
      const inherited = weight * (boosts[to] ?? 1) * (idf[to] as number) * bm25;
      for (let c = inherit.children[doc] as number; c < (inherit.children[doc + 1] as number); c++) {
        const child = inherit.docs[c] as number;
        const seen = this.#inherited[child] as number;
        if ((seen & 0xff00) === stamp && (seen & bit) !== 0) continue;
        const before = this.#matched[child] as number;
        advanced += this.#add(child, mark, seeds, inherited);
        if (this.#matched[child] !== before || before === mark + 1) {
          this.#inherited[child] = ((seen & 0xff00) === stamp ? seen : stamp) | bit;
        }
      }
    }
    return advanced;
  }

  /** Scores a document for the current word if it held every earlier one; 1 when it is carried forward. */
  #add(doc: number, mark: number, seeds: number[], score: number): number {
    const seen = this.#matched[doc] as number;
    let advanced = 0;
    if (seen === mark) {
      this.#matched[doc] = mark + 1;
      if (mark === 0) seeds.push(doc);
      advanced = 1;
    } else if (seen !== mark + 1) {
      return 0;
    }
    this.#scores[doc] = (this.#scores[doc] as number) + score;
    return advanced;
  }
}

/** The `limit` best matches, best first (ties by document order), without sorting them all. */
function best(found: TermMatch[], limit: number): TermMatch[] {
  const better = (x: TermMatch, y: TermMatch) => x.score > y.score || (x.score === y.score && x.doc < y.doc);
  if (found.length > limit * 4) {
    // A min-heap of the best `limit` so far: O(n log limit) for the common words of a large site.
    const heap: TermMatch[] = [];
    for (const match of found) {
      if (heap.length < limit) {
        heap.push(match);
        siftUp(heap, heap.length - 1, better);
      } else if (better(match, heap[0] as TermMatch)) {
        heap[0] = match;
        siftDown(heap, 0, better);
      }
    }
    found = heap;
  }
  return found.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0)).slice(0, limit);
}

type Better = (x: TermMatch, y: TermMatch) => boolean;

function siftUp(heap: TermMatch[], at: number, better: Better): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!better(heap[parent] as TermMatch, heap[at] as TermMatch)) return;
    [heap[parent], heap[at]] = [heap[at] as TermMatch, heap[parent] as TermMatch];
    at = parent;
  }
}

function siftDown(heap: TermMatch[], at: number, better: Better): void {
  for (;;) {
    const left = at * 2 + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && better(heap[worst] as TermMatch, heap[left] as TermMatch)) worst = left;
    if (right < heap.length && better(heap[worst] as TermMatch, heap[right] as TermMatch)) worst = right;
    if (worst === at) return;
    [heap[worst], heap[at]] = [heap[at] as TermMatch, heap[worst] as TermMatch];
    at = worst;
  }
}
