import type SearchableMap from 'minisearch/SearchableMap';
import { bestDocs } from './best-matches.ts';

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
  /** One bit per field (`1 << field`) in which the document held a query word, its own or inherited. */
  readonly fields: number;
}

// BM25 as MiniSearch scores it, with its weights for words found by prefix or by forgiving typos.
const k = 1.2;
const b = 0.7;
const d = 0.5;
const prefixWeight = 0.375;
const fuzzyWeight = 0.45;

/** Child documents (a post's resources) that match through fields of their parent. */
export interface Inheritance {
  /** CSR offsets into `docs`: the children of parent p are docs[children[p] .. children[p + 1]). */
  readonly children: Uint32Array;
  readonly docs: Int32Array;
  /** By parent field: the child field it counts as, or -1. */
  readonly links: readonly number[];
}

/** What a built index is made of: postings in typed arrays, and the dictionaries that find a word's id. */
export interface TermIndexParts {
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
  readonly #p: TermIndexParts;
  // Scratch space for one query at a time (queries are synchronous, so never interleaved).
  readonly #scores: Float64Array;
  readonly #matched: Uint8Array;
  /** Per document, the fields a query word was found in (see `TermMatch.fields`). */
  readonly #fieldsHit: Uint16Array;
  /** The documents that held the first (rarest) word, `#seedCount` of them: the candidates of a query. */
  readonly #seeds: Int32Array;
  #seedCount = 0;
  /** Per document, which inherited fields already scored in the current step (`step << 4 | field bits`). */
  readonly #inherited: Uint16Array;
  readonly #scale: Float64Array;
  readonly #lengthFactor: Float64Array;
  /** By field: the field a child inherits it as, or -1 (`Inheritance.links`, as a typed array). */
  readonly #links: Int8Array;
  #lastFuzzy: { term: string; maxEdits: number; found: Map<string, [number, number]> } | null = null;

  constructor(parts: TermIndexParts) {
    this.#p = parts;
    this.#scores = new Float64Array(parts.docCount);
    this.#matched = new Uint8Array(parts.docCount);
    this.#fieldsHit = new Uint16Array(parts.docCount);
    this.#seeds = new Int32Array(parts.docCount);
    this.#inherited = new Uint16Array(parts.inherit ? parts.docCount : 0);
    this.#scale = new Float64Array(parts.fields);
    this.#lengthFactor = new Float64Array(parts.fields);
    this.#links = Int8Array.from({ length: parts.fields }, (_, f) => parts.inherit?.links[f] ?? -1);
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
    this.#seedCount = 0;
    const scores = this.#scores;
    const matched = this.#matched;
    try {
      for (let step = 0; step < order.length; step++) {
        const { terms } = order[step] as (typeof order)[number];
        let advanced = 0;
        for (const [term, weight] of terms) advanced += this.#score(term, weight, boosts, step);
        if (advanced === 0) return null;
      }
      const full = Math.min(order.length, 255);
      const seeds = this.#seeds.subarray(0, this.#seedCount);
      const best = bestDocs(seeds, scores, limit, (doc) => matched[doc] === full && (!allow || allow(doc)));
      if (best.length === 0) return null;
      return best.map((doc) => ({
        doc,
        score: scores[doc] as number,
        fields: this.#fieldsHit[doc] as number,
      }));
    } finally {
      for (let i = 0; i < this.#seedCount; i++) {
        const doc = this.#seeds[i] as number;
        scores[doc] = 0;
        matched[doc] = 0;
        this.#fieldsHit[doc] = 0;
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
  #score(term: number, weight: number, boosts: readonly number[], step: number): number {
    const { fields, docCount, offsets, docField, freq, fieldDocs, lengths, average, inherit } = this.#p;
    const mark = Math.min(step, 254);
    let advanced = 0;
    // Per field, what a posting's BM25 is multiplied by, and its length norm's factor: worked out once a term.
    const scale = this.#scale;
    const lengthFactor = this.#lengthFactor;
    for (let f = 0; f < fields; f++) {
      const n = fieldDocs[term * fields + f] as number;
      scale[f] = weight * (boosts[f] ?? 1) * Math.log(1 + (docCount - n + 0.5) / (n + 0.5));
      lengthFactor[f] = b / (average[f] as number);
    }
    const links = this.#links;
    const end = offsets[term + 1] as number;
    for (let i = offsets[term] as number; i < end; i++) {
      const slot = docField[i] as number;
      const doc = (slot / fields) | 0;
      const field = slot - doc * fields;
      const tf = freq[i] as number;
      const norm = 1 - b + (lengths[slot] as number) * (lengthFactor[field] as number);
      const bm25 = d + (tf * (k + 1)) / (tf + k * norm);
      advanced += this.#add(doc, mark, (scale[field] as number) * bm25, 1 << field);
      const to = links[field] as number;
      if (to < 0 || !inherit || doc + 1 >= inherit.children.length) continue;
      // The parent's children inherit the word once per step and field, whatever the number of parents.
      const bit = 1 << to;
      const stamp = (step + 1) << 8;
      const inherited = (scale[to] as number) * bm25;
      for (let c = inherit.children[doc] as number; c < (inherit.children[doc + 1] as number); c++) {
        const child = inherit.docs[c] as number;
        const seen = this.#inherited[child] as number;
        if ((seen & 0xff00) === stamp && (seen & bit) !== 0) continue;
        const before = this.#matched[child] as number;
        advanced += this.#add(child, mark, inherited, bit);
        if (this.#matched[child] !== before || before === mark + 1) {
          this.#inherited[child] = ((seen & 0xff00) === stamp ? seen : stamp) | bit;
        }
      }
    }
    return advanced;
  }

  /** Scores a document for the current word if it held every earlier one; 1 when it is carried forward. */
  #add(doc: number, mark: number, score: number, fieldBit: number): number {
    const seen = this.#matched[doc] as number;
    let advanced = 0;
    if (seen === mark) {
      this.#matched[doc] = mark + 1;
      if (mark === 0) this.#seeds[this.#seedCount++] = doc;
      advanced = 1;
    } else if (seen !== mark + 1) {
      return 0;
    }
    this.#scores[doc] = (this.#scores[doc] as number) + score;
    this.#fieldsHit[doc] = (this.#fieldsHit[doc] as number) | fieldBit;
    return advanced;
  }
}
