import type { Post } from '../content/types.ts';
import type { Hit } from '../search/types.ts';

/** A post as the `--json` contract names it (DESIGN.md): what other tools read. */
export interface PostRefJson {
  readonly slug: string;
  readonly title: string;
  readonly url: string | null;
}

/** One hit in `talkbot ask --json` output. */
export interface HitJson {
  readonly kind: 'post' | 'resource';
  readonly title: string;
  readonly url: string | null;
  readonly section: string | null;
  readonly posts: readonly PostRefJson[];
  readonly score: number;
  /** For a resource: what the writer wrote around it where it best matches the query, or null. */
  readonly context?: string | null;
}

function postRef(post: Post): PostRefJson {
  return { slug: post.slug, title: post.title, url: post.url };
}

/** Converts a hit to the contract's shape; nothing more, nothing less, so readers can rely on it. */
export function hitToJson(hit: Hit): HitJson {
  if (hit.kind === 'post') {
    const { post } = hit;
    return {
      kind: 'post',
      title: post.title,
      url: post.url,
      section: null,
      posts: [postRef(post)],
      score: hit.score,
    };
  }
  const { resource } = hit;
  return {
    kind: 'resource',
    title: resource.title,
    url: resource.url,
    section: resource.citations[0]?.section ?? null,
    posts: resource.citations.map((c) => postRef(c.post)),
    score: hit.score,
    context: hit.context,
  };
}

/** A post as `talkbot index --json` prints it. */
export function postToJson(post: Post) {
  return {
    id: post.id,
    slug: post.slug,
    title: post.title,
    description: post.description,
    date: post.date?.toISOString() ?? null,
    tags: post.tags,
    section: post.section,
    path: post.path,
    language: post.language,
    url: post.url,
    aliases: post.aliases,
    resources: post.links.map((l) => ({
      title: l.label,
      url: l.url,
      section: l.section,
      kind: l.kind,
      line: l.line,
    })),
    pageLinks: post.pageLinks.map((l) => ({
      title: l.title,
      url: l.url,
      page: l.page,
      section: l.section,
      line: l.line,
    })),
  };
}
