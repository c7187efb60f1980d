import { descriptiveness } from '../content/link-context.ts';
import { linkKeysOf } from '../content/link-keys.ts';
import type { Link, Post } from '../content/types.ts';
import { normaliseUrl } from '../content/url-key.ts';
import { SliceCounter, type Sliced } from './slices.ts';
import type { Citation, Resource } from './types.ts';

/** The text fields the index and the scorer read from a record, posts and resources alike. */
interface RecordFields {
  readonly id: number;
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
  /** For a resource: what its citations say of it (their own texts, title attributes and contexts); empty for a post. */
  readonly context: string;
}

/** A post as the index and the scorer read it. */
export interface PostSearchRecord extends RecordFields {
  readonly kind: 'post';
  readonly target: Post;
}

/** A resource as the index and the scorer read it. */
export interface ResourceSearchRecord extends RecordFields {
  readonly kind: 'resource';
  readonly target: Resource;
}

/** One searchable thing, a post or a resource, flattened into the text fields the index reads. */
export type SearchRecord = PostSearchRecord | ResourceSearchRecord;

/** The resources of the posts (one per link key, citing every post), pausing after every slice of links. */
export function* collectResourcesInSlices(posts: readonly Post[]): Sliced<Resource[]> {
  const slice = new SliceCounter(linksPerClockRead);
  const resources: Resource[] = [];
  // By key, the resource's position; by position, its key, its citations and the last post citing it.
  const byKey = new Map<string, number>();
  const keys_: string[] = [];
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
        byKey.set(key, keys_.length);
        keys_.push(key);
        citations.push([{ post, section: link.section, link, links: [link] }]);
        lastPost.push(post);
      } else if (lastPost[at] !== post) {
        (citations[at] as Citation[]).push({ post, section: link.section, link, links: [link] });
        lastPost[at] = post;
      } else {
        // Posts come one at a time, so a post already citing this link is always the last citation.
        const cited = citations[at] as Citation[];
        ((cited[cited.length - 1] as Citation).links as Link[]).push(link);
      }
    }
    if (slice.full(post.links.length)) yield;
  }
  for (let at = 0; at < keys_.length; at++) {
    const cited = citations[at] as Citation[];
    const first = (cited[0] as Citation).link;
    resources.push({
      key: keys_[at] as string,
      title: mostDescriptive(cited).label,
      url: first.url,
      kind: first.kind,
      citations: cited,
    });
    if (slice.full(cited.length)) yield;
  }
  return resources;
}

/** The citation whose link says best what the thing is: its own words over a built label, more words over fewer. */
function mostDescriptive(citations: readonly Citation[]): Link {
  let best = (citations[0] as Citation).link;
  if (citations.length === 1 && citations[0]?.links.length === 1) return best;
  let bestScore = descriptiveness(best);
  for (const citation of citations) {
    for (const link of citation.links) {
      // A link cited everywhere mostly carries the same text each time.
      if (link.label === best.label) continue;
      const score = descriptiveness(link);
      if (score > bestScore) {
        best = link;
        bestScore = score;
      }
    }
  }
  return best;
}

// Links merged between reads of the clock: a small part of a slice.
const linksPerClockRead = 1_000;

/** What joins the parts of a record's list fields (tags, headings, sections, post titles). */
export const separator = ' · ';
/** Citations (and so headings and tags) a resource record shows the scorer at most. */
const inheritedLimit = 5;

/** A post as the index and the scorer read it. */
class PostRecord implements PostSearchRecord {
  readonly kind = 'post';
  readonly section = '';
  readonly citedTags = '';
  readonly postTitles = '';
  readonly context = '';
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
class ResourceRecord implements ResourceSearchRecord {
  readonly kind = 'resource';
  readonly description = '';
  readonly tags = '';
  readonly headings = '';
  readonly title: string;

  constructor(
    readonly id: number,
    readonly target: Resource,
  ) {
    this.title = ownWords(target);
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

  get context(): string {
    return contextsOf(this.target, inheritedLimit).join(separator);
  }
}

/**
 * A resource's title as searched: without the citing post's title where its label was built on it
 * ("Backpressure Without Tears · link"), since those words are the post's (they count for the resource
 * through `postTitles`, as less), and as the resource's own title they would outrank the post itself.
 */
function ownWords(resource: Resource): string {
  const { title } = resource;
  const cited = resource.citations[0]?.post.title;
  return cited && title.startsWith(`${cited}${separator}`)
    ? title.slice(cited.length + separator.length)
    : title;
}

/**
 * What a resource's first `limit` citations say of it, each text once: the link texts and title
 * attributes other than its title, then each citation's context.
 */
export function contextsOf(resource: Resource, limit = Number.POSITIVE_INFINITY): string[] {
  const texts = new Set<string>();
  const { citations } = resource;
  for (let i = 0; i < citations.length && i < limit; i++) {
    for (const link of (citations[i] as Citation).links) {
      if (link.title !== resource.title && link.title !== link.url) texts.add(link.title);
      if (link.titleAttribute !== null && link.titleAttribute !== resource.title)
        texts.add(link.titleAttribute);
    }
  }
  for (let i = 0; i < citations.length && i < limit; i++) {
    for (const { context, title } of (citations[i] as Citation).links) {
      // The link's own words are its title's business: counted again here they would outweigh the rest.
      const around = context.replace(title, ' ').trim();
      if (around !== '') texts.add(around);
    }
  }
  return [...texts];
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

/** Flattens posts and resources into records, posts first, ids being their positions, pausing between slices. */
export function* toRecords(posts: readonly Post[], resources: readonly Resource[]): Sliced<SearchRecord[]> {
  const slice = new SliceCounter(linksPerClockRead);
  const records: SearchRecord[] = new Array(posts.length + resources.length);
  for (let i = 0; i < posts.length; i++) {
    records[i] = new PostRecord(i, posts[i] as Post);
    if (slice.full(4)) yield;
  }
  for (let i = 0; i < resources.length; i++) {
    records[posts.length + i] = new ResourceRecord(posts.length + i, resources[i] as Resource);
    if (slice.full()) yield;
  }
  return records;
}
