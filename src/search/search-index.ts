import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Post } from '../content/types.ts';
import { buildIndex } from './build-index.ts';
import { boosts, fieldWeights, scoredFields } from './fields.ts';
import { tagKey } from './normalize.ts';
import { contextsOf, type SearchRecord } from './records.ts';
import { foldForScorer, scorerView } from './scorer-view.ts';
import type { Sliced } from './slices.ts';
import type { TermIndex, TermMatch, TermQuery } from './term-index.ts';
import { stemOf, termsOf, wordsOf } from './terms.ts';
import type { ParsedQuery } from './types.ts';

// As in term-index.ts, the `as number` casts on typed arrays are in-range reads by construction (ids and
// offsets made here) in loops run per posting or per post.

/** A record that matched, with its fuse-style score (0 perfect, 1 no match). */
export interface ScoredRecord {
  readonly record: SearchRecord;
  readonly score: number;
}

/**
 * The score of a candidate that fuse.js finds no match in, though the index found every word as typed
 * (so in the body text, or through a stem): below every match fuse.js scores well, above `maxScore`'s cut.
 */
const bodyScore = 0.7;

/**
 * How many candidates the inverted index passes to fuse.js. fuse.js scans what it is given of each
 * candidate once per query word, so `candidateWords` bounds candidates times words,
 * and with it every query's cost and the garbage fuse.js leaves: 20 candidates for one word (four pages
 * of five answers, more than anyone pages through), 10 for two words or more (a query that specific
 * rarely needs a third page). Measured on the benchmark's query mix, 25 and 15 for one and two words
 * gave a fifth more p99 latency and no better rankings.
 */
const candidateWords = 20;
const fewestCandidates = 10;
/**
 * Results scoring worse than this are dropped: no match is better than a wrong one. The candidate
 * stage already demands every word, so this only trims records that matched through a typo-sized
 * fragment of a long field.
 */
export const maxScore = 0.8;
/** Social profiles rank below the work of the same person: people ask for things to read or watch. */
const profilePenalty = 0.25;

const fuseOptions: IFuseOptions<SearchRecord> = {
  keys: scoredFields.map((name) => ({ name, weight: fieldWeights[name] })),
  includeScore: true,
  // The views and the query are folded already (see `scorerView`): folding again per word cost a fifth of a query.
  isCaseSensitive: true,
  ignoreDiacritics: false,
  ignoreLocation: true,
  useTokenSearch: true,
  threshold: 0.35,
  // Field-length norms would make a post with many tags match its own tags worse than one with few.
  ignoreFieldNorm: true,
};

/** What a SearchIndex is made of (see `buildSearchIndex`). */
export interface SearchIndexParts {
  readonly postCount: number;
  readonly postTags: ReadonlyArray<ReadonlySet<string>>;
  readonly index: TermIndex;
  readonly children: Uint32Array;
  readonly docs: Int32Array;
}

/** Builds the search over records (posts first, ids being positions), pausing between slices of work. */
export function* buildSearchIndex(records: readonly SearchRecord[]): Sliced<SearchIndex> {
  let postCount = 0;
  while (postCount < records.length && records[postCount]?.kind === 'post') postCount++;
  const posts: Post[] = [];
  for (const record of records) if (record.kind === 'post') posts.push(record.target);
  const keys = new Map<string, string>();
  const keyOf = (tag: string) => keys.get(tag) ?? keys.set(tag, tagKey(tag)).get(tag) ?? tag;
  const postTags = posts.map((post) => new Set(post.tags.map(keyOf)));
  yield;
  const built = yield* buildIndex(records, posts, new Map(posts.map((post, i) => [post, i])));
  return new SearchIndex(records, { postCount, postTags, ...built });
}

/**
 * Search in two stages so that a query costs about the same at 100 posts as at 10,000: an inverted
 * index (typo-tolerant, accent-folded, see TermIndex) picks the records holding every query word,
 * then fuse.js scores those few as precisely as it would the whole corpus.
 */
export class SearchIndex {
  readonly #records: readonly SearchRecord[];
  readonly #postCount: number;
  readonly #index: TermIndex;
  /** Each post's folded tag keys, by post record id: what `tag:` filters read. */
  readonly #postTags: ReadonlyArray<ReadonlySet<string>>;
  /** Each post's resources, by record id: children[p] .. children[p + 1] in `childDocs`. */
  readonly #children: Uint32Array;
  readonly #childDocs: Int32Array;

  /** Takes what `buildSearchIndex` worked out. */
  constructor(records: readonly SearchRecord[], parts: SearchIndexParts) {
    this.#records = records;
    this.#postCount = parts.postCount;
    this.#postTags = parts.postTags;
    this.#index = parts.index;
    this.#children = parts.children;
    this.#childDocs = parts.docs;
  }

  /** Every record matching the query, best first, each scoring at most `maxScore`. */
  search(query: ParsedQuery, wantedTags: readonly string[]): ScoredRecord[] {
    const allow = wantedTags.length === 0 ? undefined : this.#withTags(wantedTags);
    if (query.words.length === 0) {
      const found: ScoredRecord[] = [];
      for (let id = 0; id < this.#postCount; id++) {
        if (!allow || allow(id)) found.push({ record: this.#records[id] as SearchRecord, score: 0 });
      }
      return found;
    }
    const text = query.words.join(' ');
    const words = wordsOf(text);
    if (words.length === 0) return [];
    const phrases = query.phrases.map(termsOf).filter((phrase) => phrase.length > 1);
    const admit = phrases.length === 0 ? allow : this.#withPhrases(phrases, allow);
    // Typos are forgiven only when the words as typed find nothing: "rust" must not also find "trust".
    let fuzzy = false;
    let matches = this.#candidates(words, false, admit);
    if (matches === null) {
      fuzzy = true;
      matches = this.#candidates(words, true, admit) ?? [];
    }
    if (matches.length === 0) return [];

    // Each candidate's place in the index's order, which breaks ties between equal scores.
    const scored: Array<ScoredRecord & { readonly rank: number }> = [];
    const candidates = matches.map(({ doc }) => this.#records[doc] as SearchRecord);
    const views = matches.map(({ fields }, i) =>
      scorerView(candidates[i] as SearchRecord, fields, words, fuzzy),
    );
    const matched = new Uint8Array(candidates.length);
    for (const { refIndex, score = 1 } of new Fuse(views, fuseOptions).search(foldForScorer(text))) {
      const record = candidates[refIndex] as SearchRecord;
      const adjusted = Math.min(1, score + (isProfile(record) ? profilePenalty : 0));
      if (adjusted <= maxScore) {
        scored.push({ record, score: adjusted, rank: refIndex });
        matched[refIndex] = 1;
      }
    }
    // What fuse.js cannot see (the body) but the index found as typed still counts, below every title
    // match; a typo found only there does not: a person would not call it the same word.
    if (!fuzzy) {
      candidates.forEach((record, rank) => {
        if (matched[rank] === 1) return;
        const score = bodyScore + (isProfile(record) ? profilePenalty : 0);
        if (score <= maxScore) scored.push({ record, score, rank });
      });
    }
    scored.sort((a, b) => a.score - b.score || a.rank - b.rank);
    return withoutRedundantResources(scored);
  }

  /** Admits records holding each phrase, word after word, in one of their fields (and passing `allow`). */
  #withPhrases(phrases: readonly string[][], allow?: (id: number) => boolean): (id: number) => boolean {
    return (id) => {
      if (allow && !allow(id)) return false;
      const record = this.#records[id];
      if (!record) return false;
      const texts =
        record.kind === 'post'
          ? [record.title, record.description, record.headings, record.tags, record.target.body]
          : [record.title, record.section, ...contextsOf(record.target)];
      return phrases.every((phrase) => texts.some((text) => holdsPhrase(termsOf(text), phrase)));
    };
  }

  #candidates(words: readonly string[], fuzzy: boolean, allow?: (id: number) => boolean): TermMatch[] | null {
    const queries = words.map(
      (word, i): TermQuery => ({
        term: stemOf(word),
        word,
        // The last word may be unfinished: a user typing "kube" means Kubernetes.
        prefix: word.length >= 3 && i === words.length - 1,
        // One typo in a word of 4 to 8 letters, two in a longer one: what a person would still call
        // the same word ("jepson", "databse"), never another word ("mergerfs" is no "merges").
        maxEdits: !fuzzy || word.length < 4 ? 0 : word.length < 9 ? 1 : 2,
      }),
    );
    const limit = Math.max(fewestCandidates, Math.floor(candidateWords / words.length));
    return this.#index.search(queries, boosts, limit, allow);
  }

  /**
   * Which records carry every wanted tag key: a post its own, a resource those of the posts citing
   * it (all together). One bit per wanted tag, set for each post that has it and for its resources.
   */
  #withTags(wanted: readonly string[]): (id: number) => boolean {
    const tags = [...new Set(wanted)].slice(0, 31);
    const all = 2 ** tags.length - 1;
    const bits = new Uint32Array(this.#records.length);
    for (let post = 0; post < this.#postCount; post++) {
      const own = this.#postTags[post] as ReadonlySet<string>;
      let mask = 0;
      for (let t = 0; t < tags.length; t++) if (own.has(tags[t] as string)) mask |= 1 << t;
      if (mask === 0) continue;
      bits[post] = (bits[post] as number) | mask;
      for (let c = this.#children[post] as number; c < (this.#children[post + 1] as number); c++) {
        const child = this.#childDocs[c] as number;
        bits[child] = (bits[child] as number) | mask;
      }
    }
    return (id) => (bits[id] as number) >>> 0 === all;
  }

  /** The distinct folded words of the index that look like `word`, for "did you mean" suggestions. */
  similarTerms(word: string): string[] {
    const [folded = ''] = wordsOf(word);
    if (!folded) return [];
    // A third of the word's letters, but never more than two edits: past that, a lookup walks most
    // of the dictionary (a nonsense query would cost milliseconds) and suggests nothing useful anyway.
    return this.#index.similar(folded, Math.min(2, Math.round(folded.length * 0.34)));
  }
}

/** True when `phrase`'s terms stand one after the other in `terms`. */
function holdsPhrase(terms: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= terms.length; i++) {
    let j = 0;
    while (j < phrase.length && terms[i + j] === phrase[j]) j++;
    if (j === phrase.length) return true;
  }
  return false;
}

/**
 * Drops a resource that ranks below a post citing it: the post's answer lists its resources anyway,
 * so the resource would only repeat it further down.
 */
function withoutRedundantResources(scored: readonly ScoredRecord[]): ScoredRecord[] {
  const postScores = new Map<Post, number>();
  for (const { record, score } of scored) if (record.kind === 'post') postScores.set(record.target, score);
  if (postScores.size === 0) return [...scored];
  return scored.filter(({ record, score }) => {
    if (record.kind === 'post') return true;
    return !record.target.citations.some(
      (c) => (postScores.get(c.post) ?? Number.POSITIVE_INFINITY) <= score,
    );
  });
}

function isProfile(record: SearchRecord): boolean {
  return record.kind === 'resource' && record.target.kind === 'profile';
}
