import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { absoluteUrl } from './hugo.ts';
import { rememberLinkKeys } from './link-keys.ts';
import type { ParseCache } from './parse-cache.ts';
import type { FileOutcome } from './parse-file.ts';
import { ContentParse, type ParseOptions } from './parse-files.ts';
import type { ParsedLink, ParsedPost } from './parse-post.ts';
import { placeholderIndex } from './shortcodes.ts';
import type { Link, LoadResult, Post, Problem } from './types.ts';
import { normaliseUrl } from './url-key.ts';
import { listContentFiles, reason } from './walk.ts';

/** How to read a content folder. */
export interface LoadOptions {
  /** Site base URL for permalinks (`SITE_BASE_URL`); null leaves post URLs null. @default null */
  readonly baseUrl?: string | null;
  /** Include `draft: true` posts, as `hugo --buildDrafts` does. @default false */
  readonly includeDrafts?: boolean;
  /** Include posts dated in the future, as `hugo --buildFuture` does. @default false */
  readonly includeFuture?: boolean;
  /** The moment that decides what is "future" or expired. @default new Date() */
  readonly now?: Date;
  /** How parsing is spread over worker threads. @default see ParseOptions */
  readonly parse?: ParseOptions;
  /** What this folder's files gave when last parsed: only files changed since are parsed. @default none */
  readonly cache?: ParseCache;
}

/** Reads a Hugo content folder into published posts and the problems found; one bad file never stops the rest. */
export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { baseUrl = null, includeDrafts = false, includeFuture = false, now = new Date() } = options;
  try {
    const info = await stat(root);
    if (!info.isDirectory())
      return { posts: [], problems: [{ path: root, line: null, message: 'is not a folder' }] };
  } catch (error) {
    return {
      posts: [],
      problems: [{ path: root, line: null, message: `cannot read the content folder: ${reason(error)}` }],
    };
  }

  const parse = new ContentParse(root, options.parse);
  const outcomes = await parseChanged(root, parse, options.cache);
  const problems: Problem[] = [...outcomes.problems];
  const parsed: ParsedPost[] = [];
  for (const outcome of outcomes.files) {
    problems.push(...outcome.problems);
    if (outcome.post) parsed.push(outcome.post);
  }

  const published = parsed.filter(
    (p) =>
      (includeDrafts || !p.draft) &&
      (includeFuture || (p.publishDate ?? p.date ?? now) <= now) &&
      (p.expiryDate === null || p.expiryDate > now),
  );
  const unique = dropDuplicateSlugs(published, problems);
  const posts = unique.map((p) => toPost(p, unique, baseUrl, problems));
  posts.sort(newestFirst);
  problems.sort((a, b) => (a.path === b.path ? (a.line ?? 0) - (b.line ?? 0) : a.path < b.path ? -1 : 1));
  return { posts, problems };
}

/** What each page of the folder gave, in path order: from the cache where the file is unchanged. */
async function parseChanged(
  root: string,
  parse: ContentParse,
  cache: ParseCache | undefined,
): Promise<{ files: readonly FileOutcome[]; problems: readonly Problem[] }> {
  const readAt = Date.now();
  // Workers start loading during the listing only when most files will need them.
  const warm = (await cache?.open()) ?? false;
  const listing = await listContentFiles(root, warm ? undefined : (found) => parse.expect(found));
  if (!cache) return { files: await parse.run(listing.pages), problems: listing.problems };
  const { kept, stale } = await cache.check(listing.pages);
  const fresh = await parse.run(stale);
  cache.update(listing.pages, fresh, readAt);
  const byPath = new Map(fresh.map((outcome) => [outcome.path, outcome]));
  const files = listing.pages.map((path) => (kept.get(path) ?? byPath.get(path)) as FileOutcome);
  return { files, problems: listing.problems };
}

function dropDuplicateSlugs(posts: readonly ParsedPost[], problems: Problem[]): ParsedPost[] {
  const owner = new Map<string, ParsedPost>();
  return posts.filter((post) => {
    const first = owner.get(post.slug);
    if (!first) {
      owner.set(post.slug, post);
      return true;
    }
    problems.push({
      path: post.path,
      line: post.slugLine,
      message: `slug "${post.slug}" is already used by ${first.path}; give one of them its own \`slug\` (this one is left out)`,
    });
    return false;
  });
}

function toPost(
  post: ParsedPost,
  all: readonly ParsedPost[],
  baseUrl: string | null,
  problems: Problem[],
): Post {
  const links: Link[] = [];
  const keys: string[] = [];
  for (const raw of post.links) {
    const refIndex = placeholderIndex(raw.url);
    if (refIndex !== null) {
      const target = post.refs[refIndex]?.target ?? '';
      const found = resolveRef(target, post, all);
      if (!found) {
        problems.push({
          path: post.path,
          line: raw.line,
          message: `ref "${target}" names no published post: check the slug or path (the link is left out)`,
        });
        continue;
      }
      const fragment = target.includes('#') ? target.slice(target.indexOf('#')) : '';
      const url = `${absoluteUrl(baseUrl, found.sitePath) ?? found.sitePath}${fragment}`;
      links.push({ ...linkText(raw), url, section: raw.section, kind: 'article', line: raw.line });
      keys.push(normaliseUrl(url));
      continue;
    }
    if (raw.kind === null) continue;
    links.push({ ...linkText(raw), url: raw.url, section: raw.section, line: raw.line, kind: raw.kind });
    keys.push(raw.key ?? normaliseUrl(raw.url));
  }
  const loaded: Post = {
    slug: post.slug,
    title: post.title,
    description: post.description,
    date: post.date ?? post.publishDate,
    tags: post.tags,
    author: post.author,
    section: post.section,
    path: post.path,
    url: absoluteUrl(baseUrl, post.sitePath),
    headings: post.headings,
    body: post.body,
    links,
    draft: post.draft,
  };
  rememberLinkKeys(loaded, keys);
  return loaded;
}

function linkText(raw: ParsedLink): Pick<Link, 'title' | 'label' | 'context' | 'titleAttribute'> {
  return { title: raw.title, label: raw.label, context: raw.context, titleAttribute: raw.titleAttribute };
}

/** Finds the post a `ref` names, as Hugo does: by path relative to the content folder or to the page, or by name. */
function resolveRef(target: string, from: ParsedPost, all: readonly ParsedPost[]): ParsedPost | undefined {
  const path = target.split('#')[0]?.trim() ?? '';
  if (!path) return from;
  const bare = (p: string) =>
    p
      .replace(/^\/+/, '')
      .replace(/\/+$/, '')
      .replace(/\.(md|markdown)$/i, '');
  const wanted = bare(path.startsWith('/') ? path : posix.normalize(path));
  const relative = bare(posix.join(posix.dirname(from.path), path));
  const keyOf = (p: ParsedPost) => bare(p.path).replace(/\/index$/i, '');
  return (
    all.find((p) => keyOf(p) === wanted || bare(p.path) === wanted) ??
    all.find((p) => keyOf(p) === relative) ??
    (path.includes('/')
      ? undefined
      : all.find((p) => p.slug === wanted || posix.basename(keyOf(p)) === wanted))
  );
}

function newestFirst(a: Post, b: Post): number {
  const byDate = (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0);
  return byDate !== 0 ? byDate : a.title.localeCompare(b.title);
}
