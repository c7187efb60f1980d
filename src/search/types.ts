import type { Link, Post, ResourceKind } from '../content/types.ts';

/** Where a resource is cited: one post, the heading the link sits under there, and the link as written. */
export interface Citation {
  readonly post: Post;
  readonly section: string | null;
  /** The link in that post: its own text, label, context and title attribute. */
  readonly link: Link;
  /** Every link of that post to this resource, `link` first: each keeps its own text and context. */
  readonly links: readonly Link[];
}

/** One external link, deduplicated by normalised URL across all posts that cite it. */
export interface Resource {
  /** Normalised URL: the dedup key. */
  readonly key: string;
  /** The most descriptive citation's label (see `labelOf`): never a bare "Slides" or "here". */
  readonly title: string;
  /** The URL as written where first cited. */
  readonly url: string;
  readonly kind: ResourceKind;
  /** Every post that cites it, in content order; the first is the primary citation. */
  readonly citations: readonly Citation[];
}

/** A post that matched a query. */
export interface PostHit {
  readonly kind: 'post';
  readonly post: Post;
  /** Fuse-style score: 0 is a perfect match, 1 no match at all. */
  readonly score: number;
}

/** A single resource that matched a query. */
export interface ResourceHit {
  readonly kind: 'resource';
  readonly resource: Resource;
  readonly score: number;
  /** The context of the citation that best matches the query (else of the first one with a context), or null. */
  readonly context: string | null;
}

/** One search result, best first in a list. */
export type Hit = PostHit | ResourceHit;

/** A query after parsing: its free words and its `tag:` filters. */
export interface ParsedQuery {
  /** The query as the user typed it, trimmed. */
  readonly raw: string;
  readonly words: readonly string[];
  readonly tags: readonly string[];
  /** Quoted phrases (`"garbage collector"`): each must stand, word after word, in one field of a hit. */
  readonly phrases: readonly string[];
}

/** One page of search results. */
export interface SearchResult {
  readonly query: ParsedQuery;
  /** The hits on this page, best first. */
  readonly hits: readonly Hit[];
  /** How many hits there are in all pages. */
  readonly total: number;
  /** Index of the first hit of this page among all hits. */
  readonly offset: number;
}
