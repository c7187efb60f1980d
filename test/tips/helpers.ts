import { loadContent } from '../../src/content/load.ts';
import type { Link, Post, ResourceKind } from '../../src/content/types.ts';
import { Library } from '../../src/search/library.ts';
import type { TipOptions } from '../../src/tips/pick-tip.ts';

/** The default schedule in a zone with DST: weekdays at 09:00, Berlin time. */
export const berlinWeekdays: TipOptions = {
  schedule: '0 9 * * 1-5',
  timezone: 'Europe/Berlin',
  seed: 'talkbot',
};

/** Loads a content folder afresh: a new Library, as a new process would have. */
export async function loadSite(dir: string, baseUrl: string | null = null): Promise<Library> {
  return new Library(await loadContent(dir, { baseUrl }));
}

/** A link as the content loader would produce it. */
export function link(
  url: string,
  title: string,
  kind: ResourceKind = 'article',
  section: string | null = null,
): Link {
  return { url, title, label: title, context: '', titleAttribute: null, kind, section, line: 1 };
}

/** A published post with the given links, as the loader would produce it. */
export function makePost(slug: string, date: Date | null, links: readonly Link[]): Post {
  return {
    id: `/posts/${slug}/`,
    slug,
    title: `Talk ${slug}`,
    description: `What ${slug} is about.`,
    date,
    tags: [],
    author: null,
    section: 'posts',
    language: 'en',
    path: `posts/${slug}.md`,
    url: null,
    body: '',
    aliases: [],
    pageLinks: [],
    headings: [...new Set(links.map((l) => l.section).filter((s): s is string => s !== null))],
    links,
    draft: false,
  };
}

/** The same content with more posts: what a reload after publishing sees. */
export function withPosts(library: Library, ...posts: Post[]): Library {
  return new Library({ posts: [...library.posts, ...posts], problems: library.problems });
}

/** The same content without one post: what a reload after deleting it sees. */
export function withoutPost(library: Library, slug: string): Library {
  return new Library({ posts: library.posts.filter((p) => p.slug !== slug), problems: library.problems });
}

/** Groups a sequence of picks by round, keeping slot order within each round. */
export function byRound<T extends { readonly round: number }>(picks: readonly T[]): Map<number, T[]> {
  const rounds = new Map<number, T[]>();
  for (const pick of picks) rounds.set(pick.round, [...(rounds.get(pick.round) ?? []), pick]);
  return rounds;
}

/** The keys that occur more than once in a list. */
export function repeated(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of keys) (seen.has(key) ? twice : seen).add(key);
  return [...twice];
}
