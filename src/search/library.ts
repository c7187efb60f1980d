import type { LeftOut, LoadResult, Post, Problem } from '../content/types.ts';
import { normaliseUrl } from '../content/url-key.ts';
import { contextFor, queryTerms } from './highlight.ts';
import { foldText, tagKey } from './normalize.ts';
import { parseQuery, tagFilter } from './query.ts';
import { collectResourcesInSlices, toRecords } from './records.ts';
import { buildSearchIndex, type SearchIndex } from './search-index.ts';
import { runAtOnce, runInSlices, SliceCounter, type Sliced } from './slices.ts';
import { wordsOf } from './terms.ts';
import type { Hit, ParsedQuery, Resource, SearchResult } from './types.ts';

/** Which page of results to return. */
export interface PageOptions {
  /** @default 0 */
  readonly offset?: number;
  /** @default 10 */
  readonly limit?: number;
}

/** A tag and how many posts carry it. */
export interface TagCount {
  readonly tag: string;
  readonly posts: number;
}

/** What a Library builds from its posts: their resources, the search over both, and the posts' lookups. */
export interface LibraryParts {
  readonly resources: readonly Resource[];
  readonly index: SearchIndex;
  readonly byId: ReadonlyMap<string, Post>;
  readonly bySlug: ReadonlyMap<string, Post>;
  /** Each tag key to the tag as written (by the last post holding it, in the posts' order). */
  readonly tags: ReadonlyMap<string, string>;
}

function* buildParts(posts: readonly Post[]): Sliced<LibraryParts> {
  const resources = yield* collectResourcesInSlices(posts);
  const index = yield* buildSearchIndex(yield* toRecords(posts, resources));
  const slice = new SliceCounter(postsPerClockRead);
  const byId = new Map<string, Post>();
  const bySlug = new Map<string, Post>();
  const tags = new Map<string, string>();
  for (const post of posts) {
    byId.set(post.id, post);
    // Slugs repeat across sections: the newest post holding one answers a button from before ids.
    if (!bySlug.has(post.slug)) bySlug.set(post.slug, post);
    for (const tag of post.tags) tags.set(tagKey(tag), tag);
    if (slice.full()) yield;
  }
  return { resources, index, byId, bySlug, tags };
}

// Posts whose lookups are made between reads of the clock: a small part of a slice.
const postsPerClockRead = 500;

/** Everything talkbot knows from one load of a content folder: posts, resources and the search over them. */
export class Library {
  readonly posts: readonly Post[];
  readonly resources: readonly Resource[];
  readonly problems: readonly Problem[];
  /** The site's name from its configuration, or null. */
  readonly siteTitle: string | null;
  /** The base URL the load gave its pages (`SITE_BASE_URL`, else the configuration's `baseURL`), or null. */
  readonly siteBaseUrl: string | null;
  /** What the load left out on purpose (drafts, future and expired posts), when it counted. */
  readonly leftOut: LeftOut | null;
  readonly loadedAt: Date;
  readonly #index: SearchIndex;
  readonly #byId: ReadonlyMap<string, Post>;
  readonly #bySlug: ReadonlyMap<string, Post>;
  /** Posts by normalised permalink; worked out on the first link shared in Slack. */
  #byUrl: Map<string, Post> | null = null;
  readonly #tags: ReadonlyMap<string, string>;
  /** Tags by use; worked out the first time someone asks for the list. */
  #tagCounts: TagCount[] | null = null;
  /** Folded post titles, for suggestions; worked out on the first query that finds nothing. */
  #foldedTitles: string[] | null = null;
  /** Each folded word of a tag, to the first tag (as written) holding it; for suggestions, worked out likewise. */
  #tagWords: Map<string, string> | null = null;

  /**
   * Builds a Library with a turn of the event loop after every slice of work (mostly about 10 ms), as a
   * running app does: at 10,000 posts a build takes about a second, which requests must not wait for.
   */
  static async build(load: LoadResult, loadedAt = new Date()): Promise<Library> {
    return new Library(load, loadedAt, await runInSlices(buildParts(load.posts)));
  }

  /** Builds a Library at once (or from parts built in slices by `Library.build`). */
  constructor(load: LoadResult, loadedAt = new Date(), parts = runAtOnce(buildParts(load.posts))) {
    this.posts = load.posts;
    this.problems = load.problems;
    this.siteTitle = load.siteTitle ?? null;
    this.siteBaseUrl = load.siteBaseUrl ?? null;
    this.leftOut = load.leftOut ?? null;
    this.loadedAt = loadedAt;
    this.resources = parts.resources;
    this.#index = parts.index;
    this.#byId = parts.byId;
    this.#bySlug = parts.bySlug;
    this.#tags = parts.tags;
  }

  /** Runs a query (free words and `tag:` filters) and returns one page of hits, best first. */
  search(input: string | ParsedQuery, page: PageOptions = {}): SearchResult {
    const query = typeof input === 'string' ? parseQuery(input) : input;
    const { offset = 0, limit = 10 } = page;
    if (query.words.length === 0 && query.tags.length === 0) return { query, hits: [], total: 0, offset };
    const all = this.#index.search(query, query.tags.map(tagKey));
    const terms = queryTerms(query);
    const hits = all.slice(offset, offset + limit).map(({ record, score }): Hit => {
      const rounded = Math.round(score * 1000) / 1000;
      return record.kind === 'post'
        ? { kind: 'post', post: record.target, score: rounded }
        : {
            kind: 'resource',
            resource: record.target,
            score: rounded,
            context: contextFor(record.target, terms),
          };
    });
    return { query, hits, total: all.length, offset };
  }

  /** The post with this identity (`Post.id`, its path on the site), if it is loaded. */
  postById(id: string): Post | undefined {
    return this.#byId.get(id);
  }

  /** A post with this slug, if one is loaded; slugs are not unique (see `postById`). */
  postBySlug(slug: string): Post | undefined {
    return this.#bySlug.get(slug);
  }

  /** The post whose permalink (or an alias) this URL is, scheme, `www.`, a trailing slash or fragment aside, if loaded. */
  postByUrl(url: string): Post | undefined {
    if (!this.#byUrl) {
      this.#byUrl = new Map();
      for (const post of this.posts) {
        if (post.url === null) continue;
        this.#byUrl.set(normaliseUrl(post.url), post);
        // Hugo serves a page's aliases too (as redirects to it): a link to one is a link to the page.
        for (const alias of post.aliases) this.#byUrl.set(normaliseUrl(new URL(alias, post.url).href), post);
      }
    }
    return this.#byUrl.get(normaliseUrl(url));
  }

  /** Every tag in use, as first written. */
  tags(): string[] {
    return [...this.#tags.values()];
  }

  #tagsByWord(): ReadonlyMap<string, string> {
    if (!this.#tagWords) {
      this.#tagWords = new Map();
      for (const tag of this.#tags.values()) {
        for (const word of wordsOf(tag)) if (!this.#tagWords.has(word)) this.#tagWords.set(word, tag);
      }
    }
    return this.#tagWords;
  }

  /** Every tag with the number of posts carrying it, most used first (then by name), as first written. */
  tagCounts(): readonly TagCount[] {
    if (this.#tagCounts === null) {
      const counts = new Map<string, { tag: string; posts: number }>();
      for (const post of this.posts) {
        for (const key of new Set(post.tags.map(tagKey))) {
          if (key === '') continue;
          const entry = counts.get(key);
          if (entry) entry.posts += 1;
          else counts.set(key, { tag: post.tags.find((t) => tagKey(t) === key) ?? key, posts: 1 });
        }
      }
      this.#tagCounts = [...counts.values()].sort((a, b) => b.posts - a.posts || a.tag.localeCompare(b.tag));
    }
    return this.#tagCounts;
  }

  /** Tags and talk titles close to a query that found nothing: what to offer instead. */
  suggest(input: string | ParsedQuery, max = 5): string[] {
    const query = typeof input === 'string' ? parseQuery(input) : input;
    const found = new Set<string>();
    for (const tag of query.tags) {
      for (const term of this.#index.similarTerms(tag)) {
        const tag = this.#tags.get(tagKey(term)) ?? this.#tagsByWord().get(term);
        if (tag) found.add(tagFilter(tag));
      }
    }
    for (const word of query.words) {
      for (const term of this.#index.similarTerms(word).slice(0, 3)) {
        const tag = this.#tagsByWord().get(term);
        if (tag) found.add(tagFilter(tag));
        this.#foldedTitles ??= this.posts.map((p) => foldText(p.title));
        const post = this.posts[this.#foldedTitles.findIndex((title) => title.includes(term))];
        if (post) found.add(post.title);
      }
    }
    return [...found].slice(0, max);
  }
}
