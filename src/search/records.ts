import type { Post } from '../content/types.ts';
import { normaliseUrl } from './normalize.ts';
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
  /** Folded tag keys of the post, or of every post citing the resource: what `tag:` filters on. */
  readonly tagKeys: ReadonlySet<string>;
}

/** Merges every post's links into resources, one per normalised URL, listing each post that cites it. */
export function collectResources(posts: readonly Post[]): Resource[] {
  const byKey = new Map<string, { first: Resource; citations: Citation[] }>();
  for (const post of posts) {
    for (const link of post.links) {
      const key = normaliseUrl(link.url);
      const entry = byKey.get(key);
      if (!entry) {
        const citations: Citation[] = [{ post, section: link.section }];
        byKey.set(key, {
          first: { key, title: link.title, url: link.url, kind: link.kind, citations },
          citations,
        });
      } else if (!entry.citations.some((c) => c.post === post)) {
        entry.citations.push({ post, section: link.section });
      }
    }
  }
  return [...byKey.values()].map((entry) => entry.first);
}

/** Flattens posts and resources into records, posts first, ids being their positions. */
export function toRecords(
  posts: readonly Post[],
  resources: readonly Resource[],
  tagKeyOf: (tag: string) => string,
): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const post of posts) {
    records.push({
      id: records.length,
      kind: 'post',
      title: post.title,
      section: '',
      description: post.description,
      tags: post.tags.join(' · '),
      citedTags: '',
      headings: post.headings.join(' · '),
      postTitles: '',
      target: post,
      tagKeys: new Set(post.tags.map(tagKeyOf)),
    });
  }
  for (const resource of resources) {
    const citingTags = resource.citations.flatMap((c) => c.post.tags);
    records.push({
      id: records.length,
      kind: 'resource',
      title: resource.title,
      section: [...new Set(resource.citations.map((c) => c.section).filter((s) => s !== null))].join(' · '),
      description: '',
      tags: '',
      citedTags: [...new Set(citingTags)].join(' · '),
      headings: '',
      postTitles: resource.citations.map((c) => c.post.title).join(' · '),
      target: resource,
      tagKeys: new Set(citingTags.map(tagKeyOf)),
    });
  }
  return records;
}
