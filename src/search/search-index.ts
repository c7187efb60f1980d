import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Post } from '../content/types.ts';
import { tagKey } from './normalize.ts';
import { contextsOf, type SearchRecord, sectionsOf, withContextAround } from './records.ts';
import { SliceCounter, type Sliced } from './slices.ts';
import { stemOf, type TermIndex, TermIndexBuilder, type TermQuery, termsOf, wordsOf } from './term-index.ts';
import type { ParsedQuery, Resource } from './types.ts';

// As in term-index.ts, the `as number` casts on typed arrays are in-range reads by construction (ids and
// offsets made here) in loops run per posting or per post.

/** A record that matched, with its fuse-style score (0 perfect, 1 no match). */
export interface ScoredRecord {
  readonly record: SearchRecord;
  readonly score: number;
}

// Field weights, chosen by measuring the ranking tests in test/search: a word in a title says most
// about what a thing is, a section heading (a speaker's name) and a post's own tags next, descriptions
// and headings less, and what a resource inherits from the posts citing it (their titles and tags)
// least: enough to find it, never enough to outrank the talk it came from.
// What the writer wrote around a link (its context) counts as much as a description; a post's body
// text least of all, so that a word in a title always outranks the same word in passing.
const fieldWeights = {
  title: 3,
  section: 2,
  tags: 2,
  headings: 1,
  description: 1,
  context: 1,
  postTitles: 0.5,
  citedTags: 0.5,
  body: 0.3,
} as const;
type Field = keyof typeof fieldWeights;
const fields = Object.keys(fieldWeights) as Field[];
const boosts = fields.map((name) => fieldWeights[name]);
const field = Object.fromEntries(fields.map((name, i) => [name, i])) as Record<Field, number>;
/** The fields fuse.js reads: all but the body, whose length would make its scan cost milliseconds a candidate. */
const scoredFields = fields.filter((name) => name !== 'body');
/**
 * The score of a candidate that fuse.js finds no match in, though the index found every word as typed
 * (so in the body text, or through a stem): below every match fuse.js scores well, above `maxScore`'s cut.
 */
const bodyScore = 0.7;

/**
 * How many candidates the inverted index passes to fuse.js. fuse.js scans every candidate's fields once
 * per query word (about 40 µs a candidate and word), so `candidateWords` bounds candidates times words,
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
  ignoreDiacritics: true,
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
    let candidates = this.#candidates(words, false, admit);
    if (candidates === null) {
      fuzzy = true;
      candidates = this.#candidates(words, true, admit) ?? [];
    }
    if (candidates.length === 0) return [];

    const scored: ScoredRecord[] = [];
    const rank = new Map(candidates.map((record, i) => [record, i]));
    const views = candidates.map((record) => withContextAround(record, words));
    const viewed = new Map(views.map((view, i) => [view, candidates[i] as SearchRecord]));
    for (const { item: view, score = 1 } of new Fuse(views, fuseOptions).search(text)) {
      const item = viewed.get(view) ?? view;
      const adjusted = Math.min(1, score + (isProfile(item) ? profilePenalty : 0));
      if (adjusted <= maxScore) {
        scored.push({ record: item, score: adjusted });
        rank.delete(item);
      }
    }
    // What fuse.js cannot see (the body) but the index found as typed still counts, below every title
    // match; a typo found only there does not: a person would not call it the same word.
    if (!fuzzy) {
      for (const [record] of rank) {
        const score = bodyScore + (isProfile(record) ? profilePenalty : 0);
        if (score <= maxScore) scored.push({ record, score });
      }
    }
    const order = new Map(candidates.map((record, i) => [record, i]));
    scored.sort((a, b) => a.score - b.score || (order.get(a.record) ?? 0) - (order.get(b.record) ?? 0));
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

  #candidates(
    words: readonly string[],
    fuzzy: boolean,
    allow?: (id: number) => boolean,
  ): SearchRecord[] | null {
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
    const found = this.#index.search(queries, boosts, limit, allow);
    return found?.map(({ doc }) => this.#records[doc] as SearchRecord) ?? null;
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

/**
 * Indexes every record's own fields. What a resource inherits from the posts citing it (their titles
 * and tags) is not copied into postings of its own: the index matches it through those posts.
 */
function* buildIndex(
  records: readonly SearchRecord[],
  posts: readonly Post[],
  postIds: ReadonlyMap<Post, number>,
): Sliced<{ index: TermIndex; children: Uint32Array; docs: Int32Array }> {
  const builder = new TermIndexBuilder(fields.length);
  const slice = new SliceCounter(recordsPerSlice);
  // Tags and headings (a speaker's name, say) come back again and again: split each once. A joined
  // field's words are its parts' words one after the other (the separator only ends words).
  const known = new Map<string, number[]>();
  const addAll = (texts: readonly string[]) => {
    for (const text of texts) {
      let ids = known.get(text);
      if (ids === undefined) {
        ids = builder.idsOf(text);
        known.set(text, ids);
      }
      builder.addIds(ids);
    }
  };
  for (let id = 0; id < posts.length; id++) {
    const post = posts[id] as Post;
    builder.addText(post.title);
    builder.endField(id, field.title);
    addAll(post.tags);
    builder.endField(id, field.tags);
    addAll(post.headings);
    builder.endField(id, field.headings);
    builder.addText(post.description);
    builder.endField(id, field.description);
    builder.addText(post.body, false);
    builder.endField(id, field.body);
    // A post has more words than a resource.
    if (slice.full(8)) yield;
  }
  const children = new Uint32Array(posts.length + 1);
  // Each citation's post, in resource order, looked up once for both passes below.
  const citing: number[] = [];
  for (let id = posts.length; id < records.length; id++) {
    const resource = resourceAt(records, id);
    builder.addText(resource.title);
    builder.endField(id, field.title);
    addAll(sectionsOf(resource));
    builder.endField(id, field.section);
    // Contexts are mostly unique: added as they are, not split once and remembered as headings are.
    for (const text of contextsOf(resource, indexedCitations)) builder.addText(text);
    builder.endField(id, field.context);
    for (const c of resource.citations) {
      const p = postIds.get(c.post) ?? 0;
      citing.push(p);
      (children[p + 1] as number)++;
    }
    if (slice.full()) yield;
  }
  yield;
  for (let p = 0; p < posts.length; p++)
    children[p + 1] = (children[p + 1] as number) + (children[p] as number);
  const docs = new Int32Array(children[posts.length] as number);
  const next = children.slice(0, posts.length);
  let at = 0;
  for (let id = posts.length; id < records.length; id++) {
    const cited = resourceAt(records, id).citations.length;
    for (let c = 0; c < cited; c++, at++) {
      const p = citing[at] as number;
      docs[next[p] as number] = id;
      next[p] = (next[p] as number) + 1;
    }
  }
  const links = fields.map((_, i) =>
    i === field.title ? field.postTitles : i === field.tags ? field.citedTags : -1,
  );
  yield;
  const index = yield* builder.build(records.length, { children, docs, links });
  return { index, children, docs };
}

// About 10 ms of indexing on the 2-core development machine (a post counting as eight records).
const recordsPerSlice = 2_000;
/** Citations whose texts and contexts a resource is indexed by: a link cited everywhere is not a page of text. */
const indexedCitations = 20;

function resourceAt(records: readonly SearchRecord[], id: number): Resource {
  const record = records[id];
  if (record?.kind !== 'resource') throw new Error(`record ${id} is not a resource`);
  return record.target;
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
