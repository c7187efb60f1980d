import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { ConfigFileError, configFormat, parseConfigText } from './config-files.ts';
import type { Problem } from './types.ts';
import { reason } from './walk.ts';

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
  /** The project root: the folder that holds the content folder. */
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
}

const rootFileNames = ['hugo.toml', 'hugo.yaml', 'hugo.json', 'config.toml', 'config.yaml', 'config.json'];
const defaultTaxonomies = { tag: 'tags', category: 'categories' };
// `hugo` builds for production: config/production/ is merged over config/_default/.
const configDirs = ['config/_default', 'config/production'];

/**
 * Reads the configuration of the Hugo site whose content folder is `contentDir`, as `hugo` (a
 * production build) merges it: the project root's first `hugo.*` or `config.*` file (in Hugo's
 * order of precedence), then each file of `config/_default/` and `config/production/` in name order,
 * later values winning. In the folders a file's name is the key it sets (`params.toml` → `params`,
 * `menus.de.toml` → `languages.de.menus`) except `hugo.*` and `config.*`, which set the top. Keys are
 * read case-insensitively, as Hugo does. A site without configuration gets Hugo's defaults.
 */
export async function readSiteConfig(
  contentDir: string,
  options: SiteConfigOptions = {},
): Promise<SiteConfigResult> {
  const root = dirname(resolve(contentDir));
  const problems: Problem[] = [];
  const files: string[] = [];
  let merged: Record<string, unknown> = {};
  const problemPath = (file: string) => relative(resolve(contentDir), join(root, file)).split(sep).join('/');

  const read = async (file: string, key: string[]): Promise<boolean> => {
    const format = configFormat(file);
    if (!format) return false;
    let text: string;
    try {
      text = await readFile(join(root, file), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return false;
      problems.push({ path: problemPath(file), line: null, message: `cannot be read: ${reason(error)}` });
      return true;
    }
    files.push(file);
    try {
      const data = lowerKeys(parseConfigText(text, format)) as Record<string, unknown>;
      merged = mergeTables(merged, nest(key, data));
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      problems.push({
        path: problemPath(file),
        line: error.line,
        message: `${error.message}; the site's configuration is read without this file`,
      });
    }
    return true;
  };

  for (const name of rootFileNames) if (await read(name, [])) break;
  for (const dir of configDirs) {
    for (const name of await configFileNames(join(root, dir))) {
      await read(posix.join(dir, name), keyOfConfigFile(name));
    }
  }
  return { config: siteConfigFrom(root, files, merged, options), problems };
}

async function configFileNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && configFormat(e.name) !== null)
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Where a config folder's file puts its table: `params.toml` → params, `menus.de.toml` → languages.de.menus. */
function keyOfConfigFile(name: string): string[] {
  const parts = name.toLowerCase().split('.').slice(0, -1);
  const [key = '', language] = parts;
  if (key === 'hugo' || key === 'config') return [];
  return language ? ['languages', language, key] : [key];
}

function siteConfigFrom(
  root: string,
  files: readonly string[],
  data: Record<string, unknown>,
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

function nest(key: readonly string[], data: Record<string, unknown>): Record<string, unknown> {
  return key.reduceRight<Record<string, unknown>>((inner, part) => ({ [part]: inner }), data);
}

/** Deep merge of tables, `over` winning; arrays and scalars are replaced whole, as Hugo does. */
function mergeTables(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] = isTable(before) && isTable(value) ? mergeTables(before, value) : value;
  }
  return out;
}

function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (!isTable(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
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
