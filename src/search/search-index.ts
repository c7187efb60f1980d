import Fuse, { type IFuseOptions } from 'fuse.js';
import MiniSearch from 'minisearch';
import { foldText } from './normalize.ts';
import type { SearchRecord } from './records.ts';
import type { ParsedQuery, Resource } from './types.ts';

/** A record that matched, with its fuse-style score (0 perfect, 1 no match). */
export interface ScoredRecord {
  readonly record: SearchRecord;
  readonly score: number;
}

// Field weights, chosen by measuring the ranking tests in test/search: a word in a title says most
// about what a thing is, a section heading (a speaker's name) and a post's own tags next, descriptions
// and headings less, and what a resource inherits from the posts citing it (their titles and tags)
// least: enough to find it, never enough to outrank the talk it came from.
const fieldWeights = {
  title: 3,
  section: 2,
  tags: 2,
  headings: 1,
  description: 1,
  postTitles: 0.5,
  citedTags: 0.5,
} as const;
type Field = keyof typeof fieldWeights;
const fields = Object.keys(fieldWeights) as Field[];

/** How many candidates the inverted index passes to fuse.js: enough for every page a user will read. */
const candidateLimit = 200;
/**
 * Results scoring worse than this are dropped: no match is better than a wrong one. The candidate
 * stage already demands every word, so this only trims records that matched through a typo-sized
 * fragment of a long field.
 */
export const maxScore = 0.8;
/** Social profiles rank below the work of the same person: people ask for things to read or watch. */
const profilePenalty = 0.25;

const fuseOptions: IFuseOptions<SearchRecord> = {
  keys: fields.map((name) => ({ name, weight: fieldWeights[name] })),
  includeScore: true,
  ignoreDiacritics: true,
  ignoreLocation: true,
  useTokenSearch: true,
  threshold: 0.35,
  // Field-length norms would make a post with many tags match its own tags worse than one with few.
  ignoreFieldNorm: true,
};

/**
 * Search in two stages so that a query costs about the same at 100 posts as at 10,000: MiniSearch's
 * inverted index (typo-tolerant, accent-folded) picks the records holding every query word, then
 * fuse.js scores those few as precisely as it would the whole corpus.
 */
export class SearchIndex {
  readonly #records: readonly SearchRecord[];
  readonly #inverted: MiniSearch<SearchRecord>;

  constructor(records: readonly SearchRecord[]) {
    this.#records = records;
    this.#inverted = new MiniSearch<SearchRecord>({
      idField: 'id',
      fields,
      processTerm: (term) => foldText(term),
    });
    this.#inverted.addAll(records);
  }

  /** Every record matching the query, best first, each scoring at most `maxScore`. */
  search(query: ParsedQuery, tagFilter: (record: SearchRecord) => boolean): ScoredRecord[] {
    if (query.words.length === 0) {
      return this.#records
        .filter((r) => r.kind === 'post' && tagFilter(r))
        .map((record) => ({ record, score: 0 }));
    }
    const text = query.words.join(' ');
    // Typos are forgiven only when the words as typed find nothing: "rust" must not also find "trust".
    const candidates =
      this.#candidates(text, false, tagFilter) ?? this.#candidates(text, true, tagFilter) ?? [];
    if (candidates.length === 0) return [];

    const scored: ScoredRecord[] = [];
    for (const { item, score = 1 } of new Fuse(candidates, fuseOptions).search(text)) {
      const adjusted = Math.min(1, score + (isProfile(item) ? profilePenalty : 0));
      if (adjusted <= maxScore) scored.push({ record: item, score: adjusted });
    }
    scored.sort((a, b) => a.score - b.score || a.record.id - b.record.id);
    return withoutRedundantResources(scored);
  }

  #candidates(
    text: string,
    fuzzy: boolean,
    tagFilter: (record: SearchRecord) => boolean,
  ): SearchRecord[] | null {
    const found = this.#inverted.search(text, {
      combineWith: 'AND',
      fuzzy: fuzzy ? (term) => (term.length >= 8 ? 0.2 : term.length >= 4 ? 1 : false) : false,
      prefix: (term, index, terms) => term.length >= 3 && index === terms.length - 1,
      boost: fieldWeights,
      filter: (result) => tagFilter(this.#records[result.id as number] as SearchRecord),
    });
    if (found.length === 0) return null;
    return found.slice(0, candidateLimit).map((result) => this.#records[result.id as number] as SearchRecord);
  }

  /** The distinct folded words of the index that look like `word`, for "did you mean" suggestions. */
  similarTerms(word: string): string[] {
    const folded = foldText(word);
    return this.#inverted.autoSuggest(folded, { fuzzy: 0.34, prefix: true }).map((s) => s.suggestion);
  }
}

/**
 * Drops a resource that ranks below a post citing it: the post's answer lists its resources anyway,
 * so the resource would only repeat it further down.
 */
function withoutRedundantResources(scored: readonly ScoredRecord[]): ScoredRecord[] {
  const postScores = new Map<unknown, number>();
  for (const { record, score } of scored) if (record.kind === 'post') postScores.set(record.target, score);
  if (postScores.size === 0) return [...scored];
  return scored.filter(({ record, score }) => {
    if (record.kind === 'post') return true;
    const resource = record.target as Resource;
    return !resource.citations.some((c) => (postScores.get(c.post) ?? Number.POSITIVE_INFINITY) <= score);
  });
}

function isProfile(record: SearchRecord): boolean {
  return record.kind === 'resource' && 'kind' in record.target && record.target.kind === 'profile';
}
