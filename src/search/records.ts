import { linkKeysOf } from '../content/link-keys.ts';
import type { Link, Post } from '../content/types.ts';
import { normaliseUrl } from '../content/url-key.ts';
import { SliceCounter, type Sliced } from './slices.ts';
import type { Citation, Resource } from './types.ts';

/** One searchable thing, a post or a resource, flattened into the text fields the index reads. */
export interface SearchRecord {
  readonly id: number;
  readonly kind: 'post' | 'resource';
  readonly title: string;
  /** For a resource: the headings it sits under; empty for a post. */
  readonly section: string;
  /** For a post: its description; empty for a resource. */
  readonly description: string;
  /** For a post: its tags; empty for a resource. */
  readonly tags: string;
  /** For a resource: the tags of the posts citing it; empty for a post. */
  readonly citedTags: string;
  /** For a post: its headings; empty for a resource. */
  readonly headings: string;
  /** For a resource: the titles of the posts citing it; empty for a post. */
  readonly postTitles: string;
  readonly target: Post | Resource;
}

/** The resources of the posts (one per link key, citing every post), pausing after every slice of links. */
export function* collectResourcesInSlices(posts: readonly Post[]): Sliced<Resource[]> {
  const slice = new SliceCounter(linksPerSlice);
  const resources: Resource[] = [];
  // By key, the resource's position; by position, its citations and the last post citing it.
  const byKey = new Map<string, number>();
  const citations: Citation[][] = [];
  const lastPost: Post[] = [];
  for (const post of posts) {
    // Keys worked out while loading (in parse workers, for a large site) spare this thread the work.
    const keys = linkKeysOf(post);
    for (let i = 0; i < post.links.length; i++) {
      const link = post.links[i] as Link;
      const key = keys?.[i] ?? normaliseUrl(link.url);
      const at = byKey.get(key);
      if (at === undefined) {
        const cited: Citation[] = [{ post, section: link.section }];
        byKey.set(key, resources.length);
        citations.push(cited);
        lastPost.push(post);
        resources.push({ key, title: link.title, url: link.url, kind: link.kind, citations: cited });
      } else if (lastPost[at] !== post) {
        // Posts come one at a time, so a post already citing this link is always the last citation.
        (citations[at] as Citation[]).push({ post, section: link.section });
        lastPost[at] = post;
      }
    }
    if (slice.full(post.links.length)) yield;
  }
  return resources;
}

// About 10 ms of merging on the 2-core development machine.
const linksPerSlice = 10_000;

const separator = ' · ';
/** Citations (and so headings and tags) a resource record shows the scorer at most. */
const inheritedLimit = 5;

/** A post as the index and the scorer read it. */
class PostRecord implements SearchRecord {
  readonly kind = 'post';
  readonly section = '';
  readonly citedTags = '';
  readonly postTitles = '';
  readonly title: string;
  readonly description: string;
  readonly tags: string;
  readonly headings: string;

  constructor(
    readonly id: number,
    readonly target: Post,
  ) {
    this.title = target.title;
    this.description = target.description;
    this.tags = target.tags.join(separator);
    this.headings = target.headings.join(separator);
  }
}

/**
 * A resource as the scorer reads it. What it inherits from the posts citing it is worked out when
 * read (the scorer reads a few hundred records a query, and a large site has a hundred thousand
 * resources whose joined strings would otherwise sit in memory unused), and only from its first
 * citations: a link cited by every post must not hand the scorer every title of the site.
 */
class ResourceRecord implements SearchRecord {
  readonly kind = 'resource';
  readonly description = '';
  readonly tags = '';
  readonly headings = '';
  readonly title: string;

  constructor(
    readonly id: number,
    readonly target: Resource,
  ) {
    this.title = target.title;
  }

  get section(): string {
    return sectionsOf(this.target, inheritedLimit).join(separator);
  }

  get citedTags(): string {
    return citedTagsOf(this.target, inheritedLimit).join(separator);
  }

  get postTitles(): string {
    return this.target.citations
      .slice(0, inheritedLimit)
      .map((c) => c.post.title)
      .join(separator);
  }
}

/** The distinct headings a resource is cited under, in its first `limit` citations. */
export function sectionsOf(resource: Resource, limit = Number.POSITIVE_INFINITY): string[] {
  const { citations } = resource;
  if (citations.length === 1) return citations[0]?.section == null ? [] : [citations[0].section];
  const sections = new Set<string>();
  for (let i = 0; i < citations.length && i < limit; i++) {
    const section = citations[i]?.section;
    if (section != null) sections.add(section);
  }
  return [...sections];
}

/** The distinct tags of the posts of a resource's first `limit` citations. */
export function citedTagsOf(resource: Resource, limit = Number.POSITIVE_INFINITY): string[] {
  const { citations } = resource;
  if (citations.length === 1) return [...(citations[0]?.post.tags ?? [])];
  const tags = new Set<string>();
  for (let i = 0; i < citations.length && i < limit; i++)
    for (const tag of citations[i]?.post.tags ?? []) tags.add(tag);
  return [...tags];
}

/** Flattens posts and resources into records, posts first, ids being their positions. */
export function toRecords(posts: readonly Post[], resources: readonly Resource[]): SearchRecord[] {
  const records: SearchRecord[] = new Array(posts.length + resources.length);
  posts.forEach((post, i) => {
    records[i] = new PostRecord(i, post);
  });
  resources.forEach((resource, i) => {
    records[posts.length + i] = new ResourceRecord(posts.length + i, resource);
  });
  return records;
}
