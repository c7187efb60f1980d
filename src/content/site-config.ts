import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { type ConfigMemory, type ConfigTree, isTable, readConfigTree } from './config-tree.ts';
import type { Problem } from './types.ts';

/** Permalink patterns by top-level section (`posts` → `/:year/:month/:slug/`), for each kind of page that has them. */
export interface Permalinks {
  /** Patterns for regular pages: `[permalinks.page]`, or a plain `posts = '…'` under `[permalinks]`. */
  readonly page: Readonly<Record<string, string>>;
  /** Patterns for section pages (`_index.md`): `[permalinks.section]`. */
  readonly section: Readonly<Record<string, string>>;
}

/** One language of a multilingual site, as its configuration declares it. */
export interface SiteLanguage {
  /** The language key (`de`), lower-cased as Hugo reads keys. */
  readonly code: string;
  /** The language's own content folder relative to the project root (`content/de`), or null for the shared one. */
  readonly contentDir: string | null;
  readonly weight: number;
  /** The site's permalinks with the language's own `[languages.<code>.permalinks]` merged over them. */
  readonly permalinks: Permalinks;
}

/** What talkbot uses of a Hugo site's configuration; every field has Hugo's default when unset. */
export interface SiteConfig {
  /** The project root: the folder whose configuration names the content folder (see `findProjectRoot`). */
  readonly root: string;
  /** The configuration files read, in the order merged, relative to the project root. */
  readonly files: readonly string[];
  /** `baseURL` without its trailing slash, or null when none is set. */
  readonly baseUrl: string | null;
  /** The site's `title`, or null. */
  readonly title: string | null;
  /** Permalink patterns of the site as a whole (a language may override them: see SiteLanguage). */
  readonly permalinks: Permalinks;
  /** Taxonomies, singular → plural (`tag` → `tags`); Hugo's default is tags and categories. */
  readonly taxonomies: Readonly<Record<string, string>>;
  /** `markup.goldmark.renderer.unsafe`: whether raw HTML in Markdown is rendered (so its links are real). */
  readonly unsafeHtml: boolean;
  /** `defaultContentLanguage`, lower-cased; Hugo's default is `en`. */
  readonly defaultLanguage: string;
  /** `defaultContentLanguageInSubdir`: whether the default language's pages live under `/en/` too. */
  readonly defaultLanguageInSubdir: boolean;
  /** The configured languages, by weight then code; empty for a site with one language. */
  readonly languages: readonly SiteLanguage[];
  /** `uglyURLs`: pages at `/posts/x.html` instead of `/posts/x/`. */
  readonly uglyUrls: boolean;
  /** The site's theme folders (`theme`), relative to the project root. */
  readonly themes: readonly string[];
  /** `ignoreFiles`: the files Hugo skips, by patterns matched against each file's absolute path. */
  readonly ignoreFiles: readonly RegExp[];
}

/** A site's configuration and what was wrong with its files (a broken file is skipped, never fatal). */
export interface SiteConfigResult {
  readonly config: SiteConfig;
  /** Paths relative to the content folder (`../hugo.toml`), as every content problem's path is. */
  readonly problems: readonly Problem[];
}

/** What to read the configuration for, and what the environment overrides. */
export interface SiteConfigOptions {
  /** `SITE_BASE_URL`: wins over the configuration's `baseURL`. @default null */
  readonly baseUrl?: string | null;
  /** The last good settings of each configuration file, used while one is broken. @default none */
  readonly memory?: ConfigMemory;
}

const defaultTaxonomies = { tag: 'tags', category: 'categories' };
// How far above the content folder its project root is looked for (`contentDir = "src/content"` is two).
const rootSearchDepth = 3;

/**
 * Reads the configuration of the Hugo site whose content folder is `contentDir`, as `hugo` (a
 * production build) merges it (see `readConfigTree`), from the site's project root (see
 * `findProjectRoot`). Keys are read case-insensitively, as Hugo does. A site without configuration
 * gets Hugo's defaults.
 */
export async function readSiteConfig(
  contentDir: string,
  options: SiteConfigOptions = {},
): Promise<SiteConfigResult> {
  const { root, tree } = await projectOf(contentDir, options.memory);
  // Problems name files from the content folder, as every content problem does (`../hugo.toml`).
  const fromContent = (file: string) => relative(resolve(contentDir), join(root, file)).split(sep).join('/');
  const problems = tree.problems.map(({ file, line, message }) => ({
    path: fromContent(file),
    line,
    message,
  }));
  const ignored = ignorePatternsOf(tree.data.ignorefiles);
  for (const bad of ignored.unreadable)
    problems.push({
      path: fromContent(tree.files[0] ?? 'hugo.toml'),
      line: null,
      message: `\`ignoreFiles\` holds "${bad}", which is not a regular expression talkbot can read: the files it would skip are read`,
    });
  return { config: siteConfigFrom(root, tree, ignored.patterns, options), problems };
}

/**
 * Hugo's `ignoreFiles` (Go regular expressions) as JavaScript ones: the two agree on what sites write
 * (`\.Rmd$`, `_cache$`, `^/abs/path/`); Go's leading `(?i)` becomes the `i` flag.
 */
function ignorePatternsOf(value: unknown): { patterns: RegExp[]; unreadable: string[] } {
  const patterns: RegExp[] = [];
  const unreadable: string[] = [];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  for (const item of list) {
    if (typeof item !== 'string' || item === '') continue;
    const caseless = item.startsWith('(?i)');
    try {
      patterns.push(new RegExp(caseless ? item.slice(4) : item, caseless ? 'i' : ''));
    } catch {
      unreadable.push(item);
    }
  }
  return { patterns, unreadable };
}

/**
 * The project root of a content folder, as Hugo would have to be run from it: the nearest folder
 * above it (at most three levels up) whose configuration's `contentDir` (by default `content`), or
 * one of its languages' `contentDir`, is this folder. Failing that, the nearest with a configuration
 * file that cannot be read (it may be the one that would say so, and its problem must be seen); else
 * the folder holding the content folder.
 */
export async function findProjectRoot(contentDir: string): Promise<string> {
  return (await projectOf(contentDir)).root;
}

async function projectOf(
  contentDir: string,
  memory?: ConfigMemory,
): Promise<{ root: string; tree: ConfigTree }> {
  const target = resolve(contentDir);
  const seen: { root: string; tree: ConfigTree }[] = [];
  let dir = dirname(target);
  for (let level = 1; level <= rootSearchDepth; level++) {
    const tree = await readConfigTree(dir, memory);
    if (tree.files.length > 0 && contentDirsOf(tree.data).some((d) => resolve(dir, d) === target))
      return { root: dir, tree };
    seen.push({ root: dir, tree });
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  const broken = seen.find(({ tree }) => tree.problems.length > 0);
  // The loop reads the folder holding the content folder first, so `seen` is never empty.
  return broken ?? (seen[0] as { root: string; tree: ConfigTree });
}

/** The content folders a configuration names: its own `contentDir` and each language's. */
function contentDirsOf(data: Record<string, unknown>): string[] {
  const dirs = [text(data.contentdir) ?? 'content'];
  for (const language of Object.values(table(data.languages))) {
    const dir = text(table(language).contentdir);
    if (dir) dirs.push(dir);
  }
  return dirs;
}

function siteConfigFrom(
  root: string,
  { files, data }: ConfigTree,
  ignoreFiles: readonly RegExp[],
  options: SiteConfigOptions,
): SiteConfig {
  const baseUrl = options.baseUrl ?? text(data.baseurl);
  const goldmark = table(table(table(data.markup).goldmark).renderer);
  const taxonomies = data.taxonomies === undefined ? defaultTaxonomies : stringTable(data.taxonomies);
  const theme = data.theme;
  const permalinks = permalinksOf(table(data.permalinks));
  return {
    root,
    files,
    baseUrl: baseUrl ? baseUrl.replace(/\/+$/, '') : null,
    title: text(data.title),
    permalinks,
    taxonomies,
    unsafeHtml: goldmark.unsafe === true,
    defaultLanguage: (text(data.defaultcontentlanguage) ?? 'en').toLowerCase(),
    defaultLanguageInSubdir: data.defaultcontentlanguageinsubdir === true,
    languages: languagesOf(table(data.languages), permalinks),
    uglyUrls: data.uglyurls === true,
    themes: (Array.isArray(theme) ? theme : theme === undefined ? [] : [theme])
      .map((t) => text(t))
      .filter((t): t is string => t !== null)
      .map((t) => posix.join(text(data.themesdir) ?? 'themes', t)),
    ignoreFiles,
  };
}

/**
 * Hugo's `[permalinks]`, both forms side by side as Hugo reads them: a plain `posts = '…'` is a
 * pattern for the section's regular pages (Hugo also gives it to the taxonomy term of that name,
 * which talkbot has no page for), a `[permalinks.page]` or `[permalinks.section]` table is a
 * pattern per kind; the kind's table wins over a plain entry for the same section.
 */
function permalinksOf(permalinks: Record<string, unknown>): Permalinks {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(permalinks)) if (typeof value === 'string') plain[key] = value;
  return {
    page: { ...plain, ...stringTable(permalinks.page) },
    section: stringTable(permalinks.section),
  };
}

function languagesOf(languages: Record<string, unknown>, sitePermalinks: Permalinks): SiteLanguage[] {
  return Object.entries(languages)
    .map(([code, value]) => {
      const settings = table(value);
      const weight = typeof settings.weight === 'number' ? settings.weight : 0;
      const dir = text(settings.contentdir);
      // Hugo takes the language's table as the base and fills in what it lacks from the site's.
      const own = permalinksOf(table(settings.permalinks));
      return {
        code: code.toLowerCase(),
        contentDir: dir ? posix.normalize(dir).replace(/\/+$/, '') : null,
        weight,
        permalinks: {
          page: { ...sitePermalinks.page, ...own.page },
          section: { ...sitePermalinks.section, ...own.section },
        },
      };
    })
    .sort((a, b) => a.weight - b.weight || (a.code < b.code ? -1 : 1));
}

function table(value: unknown): Record<string, unknown> {
  return isTable(value) ? value : {};
}

function stringTable(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(table(value))) if (typeof v === 'string') out[key] = v;
  return out;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
