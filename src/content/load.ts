import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { ConfigMemory } from './config-tree.ts';
import { hugoShortcodes } from './embeds.ts';
import { resolveOnPage } from './front-matter-links.ts';
import { classifyLink } from './kind.ts';
import { labelOf } from './link-context.ts';
import { rememberLinkKeys } from './link-keys.ts';
import { absoluteUrl, pageRules } from './page-path.ts';
import { type PlacedPage, placePages } from './pages.ts';
import type { ParseCache } from './parse-cache.ts';
import type { FileOutcome } from './parse-file.ts';
import { ContentParse, type ParseOptions } from './parse-files.ts';
import type { ParsedPost } from './parse-post.ts';
import { placeholderIndex } from './shortcodes.ts';
import { readSiteConfig, type SiteConfig } from './site-config.ts';
import { SiteMap } from './site-map.ts';
import { resolveSitePage, sitePagePrefix } from './site-page-links.ts';
import { siteShortcodes } from './site-shortcodes.ts';
import type { LeftOut, Link, LoadResult, PageLink, Post, Problem } from './types.ts';
import { normaliseUrl } from './url-key.ts';
import { listContentFiles, reason } from './walk.ts';

/** How to read a content folder. */
export interface LoadOptions {
  /** Site base URL for permalinks (`SITE_BASE_URL`): wins over the site's `baseURL`. @default null */
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
  /** The last good settings of each configuration file, used while one is broken (a running bot's reloads). @default none */
  readonly configMemory?: ConfigMemory;
}

/**
 * Reads a Hugo site's content folder into published posts and the problems found, with the site's
 * configuration (read from the folder holding the content folder) deciding URLs, languages and
 * taxonomies. One bad file, configuration file included, never stops the rest.
 */
export async function loadContent(root: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { includeDrafts = false, includeFuture = false, now = new Date() } = options;
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

  const site = await readSiteConfig(root, {
    baseUrl: options.baseUrl ?? null,
    ...(options.configMemory ? { memory: options.configMemory } : {}),
  });
  const shortcodes = await siteShortcodes(site.config);
  const parse = new ContentParse(root, options.parse);
  const outcomes = await parseChanged(root, parse, options.cache, ignoredBy(root, site.config.ignoreFiles));
  const problems: Problem[] = [...site.problems, ...outcomes.problems];
  const parsed: ParsedPost[] = [];
  for (const outcome of outcomes.files) {
    problems.push(...outcome.problems);
    if (outcome.post) parsed.push(outcome.post);
  }

  const leftOut = { drafts: 0, future: 0, expired: 0, unrendered: 0, otherFormats: outcomes.unread };
  const published = parsed.filter((p) => {
    const why = leftOutBecause(p, { includeDrafts, includeFuture, now });
    if (why) leftOut[why]++;
    return why === null;
  });
  const rules = pageRules(site.config, root, outcomes.sections);
  const pages = placePages(published, rules, problems);
  const siteMap = new SiteMap(pages, outcomes.sections, rules);
  const context: LinkContext = { site: site.config, siteMap, shortcodes, problems };
  const posts = pages.map((page) => toPost(page, context));
  posts.sort(newestFirst);
  problems.sort((a, b) => (a.path === b.path ? (a.line ?? 0) - (b.line ?? 0) : a.path < b.path ? -1 : 1));
  return {
    posts,
    problems,
    siteTitle: site.config.title,
    siteBaseUrl: site.config.baseUrl,
    leftOut: leftOut satisfies LeftOut,
  };
}

function leftOutBecause(
  post: ParsedPost,
  { includeDrafts, includeFuture, now }: { includeDrafts: boolean; includeFuture: boolean; now: Date },
): Exclude<keyof LeftOut, 'otherFormats'> | null {
  if (!post.rendered) return 'unrendered';
  if (!includeDrafts && post.draft) return 'drafts';
  if (!includeFuture && (post.publishDate ?? post.date ?? now) > now) return 'future';
  if (post.expiryDate !== null && post.expiryDate <= now) return 'expired';
  return null;
}

/** What each page of the folder gave, in path order: from the cache where the file is unchanged. */
async function parseChanged(
  root: string,
  parse: ContentParse,
  cache: ParseCache | undefined,
  ignored: (path: string) => boolean,
): Promise<{
  files: readonly FileOutcome[];
  sections: readonly string[];
  unread: number;
  problems: readonly Problem[];
}> {
  const readAt = Date.now();
  // Workers start loading during the listing only when most files will need them.
  const warm = (await cache?.open()) ?? false;
  const listed = await listContentFiles(root, warm ? undefined : (found) => parse.expect(found));
  const listing = { ...listed, pages: listed.pages.filter((path) => !ignored(path)) };
  const sections = listed.sections.filter((path) => !ignored(path));
  const unread = listed.unread.filter((path) => !ignored(path)).length;
  const { problems } = listed;
  if (!cache) return { files: await parse.run(listing.pages), sections, unread, problems };
  const { kept, stale } = await cache.check(listing.pages);
  const fresh = await parse.run(stale);
  cache.update(listing.pages, fresh, readAt);
  const byPath = new Map(fresh.map((outcome) => [outcome.path, outcome]));
  const files = listing.pages.map((path) => {
    const outcome = kept.get(path) ?? byPath.get(path);
    // Every page is either kept from the cache or among those just parsed.
    if (outcome === undefined) throw new Error(`${path} was neither in the parse cache nor parsed`);
    return outcome;
  });
  return { files, sections, unread, problems };
}

/** Whether the site's `ignoreFiles` skips a content path: matched, as Hugo does, against the absolute path. */
function ignoredBy(root: string, patterns: readonly RegExp[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const base = resolve(root).split(sep).join('/');
  return (path) => {
    const absolute = `${base}/${path}`;
    return patterns.some((pattern) => pattern.test(absolute));
  };
}

interface LinkContext {
  readonly site: SiteConfig;
  readonly siteMap: SiteMap;
  readonly shortcodes: ReadonlySet<string> | null;
  readonly problems: Problem[];
}

function toPost(page: PlacedPage, { site, siteMap, shortcodes, problems }: LinkContext): Post {
  const post = page.parsed;
  const links: Link[] = [];
  const keys: string[] = [];
  const pageLinks: PageLink[] = [];
  const urlOf = (id: string) => absoluteUrl(site.baseUrl, id) ?? id;
  for (const raw of post.links) {
    if (raw.url.startsWith(sitePagePrefix)) {
      const outcome = resolveSitePage(raw, page, siteMap, urlOf, problems);
      if (outcome && 'pageLink' in outcome) pageLinks.push(outcome.pageLink);
      else if (outcome) {
        links.push(outcome.link);
        keys.push(outcome.key);
      }
      continue;
    }
    const refIndex = placeholderIndex(raw.url);
    if (refIndex !== null) {
      const target = post.refs[refIndex]?.target ?? '';
      const found = siteMap.ref(target, page);
      if (!found) {
        problems.push({
          path: post.path,
          line: raw.line,
          message: `ref "${target}" names no published page: check the path or file name (the link is left out)`,
        });
        continue;
      }
      if (found.alsoNamed.length > 0) {
        const all = [found.target, ...found.alsoNamed].map((t) => t.path).join(', ');
        problems.push({
          path: post.path,
          line: raw.line,
          message: `ref "${target}" names several pages (${all}): the link goes to ${found.target.path}; write the path of the one you mean`,
        });
      }
      const { id } = found.target;
      pageLinks.push({
        title: raw.title,
        url: `${urlOf(id)}${found.fragment}`,
        page: id,
        section: raw.section,
        line: raw.line,
      });
      continue;
    }
    const internal = siteMap.pageAt(raw.url, page);
    if (internal) {
      const fragment = /#.*$/.exec(raw.url)?.[0] ?? '';
      const { id } = internal;
      pageLinks.push({
        title: raw.title,
        url: `${urlOf(id)}${fragment}`,
        page: id,
        section: raw.section,
        line: raw.line,
      });
      continue;
    }
    if (raw.kind === null) continue;
    // Only a front matter link has a kind without being http(s): `url_pdf: slides.pdf` in a bundle.
    const url =
      raw.key === null ? resolveOnPage(raw.url, absoluteUrl(site.baseUrl, page.id), page.id) : raw.url;
    // A literal, not a spread: spread objects each got a hidden class of their own (1.6 MB per 1,000 posts).
    links.push({
      title: raw.title,
      label: raw.label,
      context: raw.context,
      titleAttribute: raw.titleAttribute,
      url,
      section: raw.section,
      line: raw.line,
      kind: raw.kind,
    });
    keys.push(raw.key ?? normaliseUrl(url));
  }
  if (site.unsafeHtml) addHtmlLinks(page, links, keys);
  if (shortcodes) reportUnknownShortcodes(post, shortcodes, problems);
  const loaded: Post = {
    id: page.id,
    slug: page.slug,
    title: post.title,
    description: post.description,
    date: post.date ?? post.publishDate,
    tags: tagsOf(post, site),
    author: post.author,
    section: page.place.section,
    language: page.place.language,
    path: post.path,
    url: absoluteUrl(site.baseUrl, page.id),
    aliases: page.aliases,
    headings: post.headings,
    body: post.body,
    links,
    pageLinks,
    draft: post.draft,
  };
  rememberLinkKeys(loaded, keys);
  return loaded;
}

const noSurroundings = { titleAttribute: null, lead: '', follow: '', section: null } as const;

/** Raw HTML links, where the site renders raw HTML (Goldmark's `unsafe`): after the Markdown ones. */
function addHtmlLinks(page: PlacedPage, links: Link[], keys: string[]): void {
  for (const html of page.parsed.htmlLinks) {
    if (!/^https?:\/\/[^\s/]+/i.test(html.url)) continue;
    const kind = classifyLink(html.url, html.title);
    links.push({
      title: html.title,
      label: labelOf({ ...noSurroundings, title: html.title, url: html.url }, kind, page.parsed.title),
      context: '',
      titleAttribute: null,
      url: html.url,
      section: html.section,
      line: html.line,
      kind,
    });
    keys.push(normaliseUrl(html.url));
  }
}

function reportUnknownShortcodes(post: ParsedPost, known: ReadonlySet<string>, problems: Problem[]): void {
  for (const use of post.shortcodes) {
    if (hugoShortcodes.has(use.name) || known.has(use.name)) continue;
    problems.push({
      path: post.path,
      line: use.line,
      message: `shortcode "${use.name}" is neither Hugo's nor in the site's layouts/shortcodes (or its theme's): is it misspelt?`,
    });
  }
}

/** The post's terms in every taxonomy the site has (tags and categories by default), as its tags. */
function tagsOf(post: ParsedPost, site: SiteConfig): readonly string[] {
  const plurals = Object.values(site.taxonomies).map((plural) => plural.toLowerCase());
  // Most sites have only Hugo's default taxonomies, and most posts only tags: no copy then.
  if (plurals.includes('tags') && plurals.every((p) => p === 'tags' || !post.terms[p])) return post.tags;
  const tags = new Set<string>();
  for (const plural of plurals)
    for (const term of plural === 'tags' ? post.tags : (post.terms[plural] ?? [])) tags.add(term);
  return [...tags];
}

function newestFirst(a: Post, b: Post): number {
  const byDate = (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0);
  return byDate !== 0 ? byDate : a.title.localeCompare(b.title);
}
