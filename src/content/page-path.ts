import { posix, relative, resolve, sep } from 'node:path';
import { bundleIndex, pageExtension, translationSuffix } from './content-formats.ts';
import type { Permalinks, SiteConfig } from './site-config.ts';

/** Where a content file sits as Hugo sees it: its language, and its path within that language's content. */
export interface PagePlace {
  /** The page's language code (the site's default language when it names none). */
  readonly language: string;
  /** The path within the language's content, without a language suffix (`posts/talk.md`). */
  readonly path: string;
  /** The first folder (`posts`), or '' for a page at the top. */
  readonly section: string;
  /** The folders above the page (above the bundle folder, for a bundle). */
  readonly folders: readonly string[];
  /** Its section hierarchy (`:sections`): the first folder, then each nested one that has an `_index.md`. */
  readonly sections: readonly string[];
  /** The file's name without extension and language, or the bundle folder's name (Hugo's content base name). */
  readonly baseName: string;
}

/** What a page's own front matter adds to its place when Hugo works out its URL. */
export interface PageFacts {
  readonly frontSlug: string | null;
  readonly frontUrl: string | null;
  readonly title: string;
  readonly date: Date | null;
}

/** The site's rules for placing pages, worked out once per load from its configuration. */
export interface PageRules {
  readonly config: SiteConfig;
  /** Language content folders inside the content folder: `de/` → `de`. */
  readonly languageRoots: readonly { readonly prefix: string; readonly code: string }[];
  /** Codes of the configured languages. */
  readonly languages: ReadonlySet<string>;
  /** Folders (language-relative) holding an `_index.md`: nested sections. */
  readonly sectionFolders: ReadonlySet<string>;
  /** Each configured language's permalinks (its own merged over the site's). */
  readonly permalinks: ReadonlyMap<string, Permalinks>;
}

/** The rules for a content folder of this site, whose section pages (`_index.md`) are `sectionFiles`. */
export function pageRules(
  config: SiteConfig,
  contentDir: string,
  sectionFiles: readonly string[] = [],
): PageRules {
  const contentFromRoot = relative(config.root, resolve(contentDir)).split(sep).join('/');
  const languageRoots = config.languages.flatMap(({ code, contentDir: dir }) => {
    if (dir === null) return [];
    const inside = posix.relative(contentFromRoot, dir);
    // CONTENT_DIR may be one language's own folder (`content/de`): then all of it is that language.
    if (inside === '') return [{ prefix: '', code }];
    return inside.startsWith('..') ? [] : [{ prefix: `${inside}/`, code }];
  });
  // The longest prefix first, so that a folder of the whole content ('') is the last resort.
  languageRoots.sort((a, b) => b.prefix.length - a.prefix.length);
  const sectionFolders = new Set<string>();
  for (const file of sectionFiles) {
    const root = languageRoots.find((r) => file.startsWith(r.prefix));
    sectionFolders.add(posix.dirname(root ? file.slice(root.prefix.length) : file));
  }
  return {
    config,
    languageRoots,
    languages: new Set(config.languages.map((l) => l.code)),
    sectionFolders,
    permalinks: new Map(config.languages.map((l) => [l.code, l.permalinks])),
  };
}

/** Where a content file (path relative to the content folder) sits: `de/posts/x.md` or `posts/x.de.md` is German. */
export function placeOf(contentPath: string, rules: PageRules): PagePlace {
  let language = rules.config.defaultLanguage;
  let path = contentPath;
  const root = rules.languageRoots.find((r) => contentPath.startsWith(r.prefix));
  if (root) {
    language = root.code;
    path = contentPath.slice(root.prefix.length);
  }
  const suffix = translationSuffix.exec(path);
  if (suffix?.[1] && rules.languages.has(suffix[1].toLowerCase())) {
    language = suffix[1].toLowerCase();
    path = `${path.slice(0, suffix.index)}.${suffix[2]}`;
  }
  const parts = path.split('/');
  const file = parts.pop() ?? '';
  const bundle = bundleIndex.test(file);
  const folders = bundle ? parts.slice(0, -1) : parts;
  const baseName = bundle ? (parts.at(-1) ?? '') : file.replace(pageExtension, '');
  const sections: string[] = [];
  for (let depth = 1; depth <= parts.length; depth++) {
    if (depth > 1 && !rules.sectionFolders.has(parts.slice(0, depth).join('/'))) break;
    sections.push(parts[depth - 1] ?? '');
  }
  return { language, path, section: parts.length > 0 ? (parts[0] ?? '') : '', folders, sections, baseName };
}

/**
 * The page's path on the site, as Hugo builds it: front matter `url` wins; else the section's
 * `permalinks` pattern; else the folders and the slug (or the file's or bundle folder's name). A
 * language other than the default (or every language, with `defaultContentLanguageInSubdir`) adds
 * its `/code` prefix. Paths are lower-cased, as Hugo does by default.
 */
export function pagePath(place: PagePlace, facts: PageFacts, rules: PageRules): string {
  const { config } = rules;
  const prefix = languagePrefix(place.language, rules);
  if (facts.frontUrl) return `${prefix}${withSlashes(facts.frontUrl, config.uglyUrls)}`;
  const { page } = permalinksOf(place.language, rules);
  const pattern = page[place.section] ?? (place.section === '' ? page['/'] : undefined);
  if (pattern)
    return `${prefix}${withSlashes(expandPattern(pattern, place, facts), config.uglyUrls).toLowerCase()}`;
  const name = urlize(facts.frontSlug ?? place.baseName);
  const segments = [...place.folders.map(urlize), name].filter(Boolean);
  if (config.uglyUrls && segments.length > 0) return `${prefix}/${segments.join('/')}.html`;
  return `${prefix}/${segments.join('/')}${segments.length ? '/' : ''}`;
}

/**
 * The path of a section's own page (its `_index.md`), from its folders: the top-level section's
 * `[permalinks.section]` pattern when there is one (for its nested sections too, as Hugo keys
 * patterns by the top-level section), else the folders. talkbot does not read an `_index.md`'s
 * front matter, so `:title` and `:slug` in a section pattern are the folder's name (Hugo's title
 * for a section page that sets none) and `:year` and the like are Hugo's zero date.
 */
export function sectionPath(folders: readonly string[], language: string, rules: PageRules): string {
  const prefix = languagePrefix(language, rules);
  const top = folders[0] ?? '';
  const pattern = permalinksOf(language, rules).section[top];
  if (pattern) {
    const name = folders.at(-1) ?? '';
    const sections: string[] = [];
    for (const [depth, folder] of folders.entries()) {
      if (depth > 0 && !rules.sectionFolders.has(folders.slice(0, depth + 1).join('/'))) break;
      sections.push(folder);
    }
    const place = { language, path: folders.join('/'), section: top, folders, sections, baseName: name };
    const facts = { frontSlug: null, frontUrl: null, title: name, date: null };
    return `${prefix}${withSlashes(expandPattern(pattern, place, facts)).toLowerCase()}`;
  }
  const segments = folders.map(urlize).filter(Boolean);
  return `${prefix}/${segments.join('/')}${segments.length ? '/' : ''}`;
}

/** The permalinks that hold for pages in this language: its own over the site's. */
function permalinksOf(language: string, rules: PageRules): Permalinks {
  return rules.permalinks.get(language) ?? rules.config.permalinks;
}

/** `/de` for a page in German on a site whose default is English; '' for the default language. */
export function languagePrefix(language: string, rules: PageRules): string {
  const { config } = rules;
  if (rules.languages.size === 0) return '';
  return language !== config.defaultLanguage || config.defaultLanguageInSubdir ? `/${language}` : '';
}

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const dayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Fills a permalink pattern's tokens (`/:year/:month/:slug/`) as Hugo does; an unknown token stays as written. */
export function expandPattern(pattern: string, place: PagePlace, facts: PageFacts): string {
  // Hugo's zero date, for a page without one.
  const date = facts.date ?? new Date(Date.UTC(1, 0, 1));
  const two = (n: number) => String(n).padStart(2, '0');
  const slugOr = (fallback: string) => (facts.frontSlug ? urlize(facts.frontSlug) : fallback);
  return pattern.replace(
    /:([a-z]+)(?:\[(-?\d*)(?::(-?\d*))?\])?/g,
    (token, name: string, from?: string, to?: string) => {
      switch (name) {
        case 'year':
          return String(date.getUTCFullYear()).padStart(4, '0');
        case 'month':
          return two(date.getUTCMonth() + 1);
        case 'monthname':
          return monthNames[date.getUTCMonth()] ?? '';
        case 'day':
          return two(date.getUTCDate());
        case 'weekday':
          return String(date.getUTCDay());
        case 'weekdayname':
          return dayNames[date.getUTCDay()] ?? '';
        case 'yearday':
          return String(
            Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1,
          );
        case 'section':
          return urlize(place.section);
        case 'sections':
          return slice(place.sections.map(urlize), from, to, token.includes('[')).join('/');
        case 'title':
          return urlize(facts.title);
        case 'slug':
          return slugOr(urlize(facts.title));
        case 'filename':
        case 'contentbasename':
          return urlize(place.baseName);
        case 'slugorfilename':
        case 'slugorcontentbasename':
          return slugOr(urlize(place.baseName));
        default:
          return token;
      }
    },
  );
}

/** `:sections[1:]` and `:sections[last]`-style slicing, Go's slice syntax with a lone index as one item. */
function slice(
  items: readonly string[],
  from: string | undefined,
  to: string | undefined,
  sliced: boolean,
): string[] {
  if (!sliced) return [...items];
  const at = (text: string | undefined, fallback: number) => {
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    return n < 0 ? items.length + n : n;
  };
  if (to === undefined) {
    const one = items[at(from, 0)];
    return one === undefined ? [] : [one];
  }
  return items.slice(at(from, 0), at(to, items.length));
}

/** A front matter `url` (or alias) as a site path: a leading slash, and a trailing one unless it names a file. */
export function withSlashes(url: string, ugly = false): string {
  const path = url.startsWith('/') ? url : `/${url}`;
  if (path.endsWith('/') || /\.[a-z0-9]+$/i.test(path)) return path.replace(/\/{2,}/g, '/');
  return (ugly ? `${path}.html` : `${path}/`).replace(/\/{2,}/g, '/');
}

/** Hugo's urlize for a path segment: lower case, spaces to hyphens, nothing that would need escaping. */
export function urlize(segment: string): string {
  return segment
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}\-_.~+%]/gu, '');
}

/** Joins a site base URL and a page path, or gives null when no base URL is configured. */
export function absoluteUrl(baseUrl: string | null, path: string): string | null {
  if (!baseUrl) return null;
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
