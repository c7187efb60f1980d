import { posix } from 'node:path';
import { pageExtension } from './content-formats.ts';
import { type PageRules, placeOf, sectionPath } from './page-path.ts';
import type { PlacedPage } from './pages.ts';

/** A page a link can name: a post (its `id`) or a section page (its path), in a language. */
export interface SiteTarget {
  readonly id: string;
  readonly language: string;
  /** The content file (`show/a/0100.md`), or the section's folder (`show/a`). */
  readonly path: string;
}

/** A resolved `ref`: the page, and the `#fragment` the ref carried ('' for none). */
export interface RefTarget {
  readonly target: SiteTarget;
  readonly fragment: string;
  /** Other pages a ref by name alone also names (Hugo calls such a ref ambiguous); empty when none. */
  readonly alsoNamed: readonly SiteTarget[];
}

/**
 * Every page of the site by the names Hugo's `ref` finds it by (content path, file or bundle name)
 * and by every URL path it answers at (its own, its aliases), sections included.
 */
export class SiteMap {
  readonly #byContent = new Map<string, SiteTarget[]>();
  readonly #byName = new Map<string, SiteTarget[]>();
  readonly #byPath = new Map<string, SiteTarget>();
  readonly #sectionsSeen = new Set<string>();
  readonly #basePath: string;
  readonly #baseHost: string | null;

  constructor(pages: readonly PlacedPage[], sectionFiles: readonly string[], rules: PageRules) {
    const base = parseBase(rules.config.baseUrl);
    this.#basePath = base?.path ?? '';
    this.#baseHost = base?.host ?? null;
    for (const page of pages) {
      const target = { id: page.id, language: page.place.language, path: page.parsed.path };
      const key = contentKey(page.place.path);
      add(this.#byContent, key, target);
      add(this.#byName, posix.basename(key), target);
      add(this.#byName, page.slug.toLowerCase(), target);
      for (const path of [page.id, ...page.aliases])
        if (!this.#byPath.has(path)) this.#byPath.set(path, target);
      const section = `${page.place.language}/${page.place.section}`;
      if (page.place.section && !this.#sectionsSeen.has(section)) {
        this.#sectionsSeen.add(section);
        this.#addSection([page.place.section], page.place.language, rules);
      }
    }
    for (const file of sectionFiles) {
      const place = placeOf(file, rules);
      const folders = place.path.split('/').slice(0, -1);
      if (folders.length > 0) this.#addSection(folders, place.language, rules);
    }
  }

  #addSection(folders: readonly string[], language: string, rules: PageRules): void {
    const id = sectionPath(folders, language, rules);
    const key = folders.join('/').toLowerCase();
    if ((this.#byContent.get(key) ?? []).some((t) => t.id === id)) return;
    const target = { id, language, path: folders.join('/') };
    add(this.#byContent, key, target);
    if (!this.#byPath.has(id)) this.#byPath.set(id, target);
  }

  /**
   * The page a `ref`/`relref` names, as Hugo finds it: a path from the content folder (with or
   * without a leading `/`, `.md`, `index.md` or `_index.md`), or relative to the page's own folder,
   * or a file or bundle name; the page's own language first. An empty path is the page itself.
   */
  ref(target: string, from: PlacedPage): RefTarget | null {
    const hash = target.indexOf('#');
    const path = (hash === -1 ? target : target.slice(0, hash)).trim();
    const fragment = hash === -1 ? '' : target.slice(hash);
    const language = from.place.language;
    if (!path) return { target: { id: from.id, language, path: from.parsed.path }, fragment, alsoNamed: [] };
    const pick = (found: readonly SiteTarget[] | undefined) =>
      found?.find((t) => t.language === language) ?? found?.[0] ?? null;
    const fromRoot = contentKey(posix.normalize(path));
    const besideFile = contentKey(posix.join(posix.dirname(from.place.path), path));
    const byPath =
      (path.startsWith('/') ? null : pick(this.#byContent.get(besideFile))) ??
      pick(this.#byContent.get(fromRoot));
    if (byPath) return { target: byPath, fragment, alsoNamed: [] };
    if (path.includes('/')) return null;
    const named = (this.#byName.get(fromRoot) ?? []).filter(
      (t, i, all) => all.findIndex((o) => o.id === t.id) === i,
    );
    const inLanguage = named.filter((t) => t.language === language);
    const [first, ...others] = inLanguage.length > 0 ? inLanguage : named;
    return first ? { target: first, fragment, alsoNamed: others } : null;
  }

  /**
   * The page of this site a link's URL points at, or null: a path from the site's root (`/posts/x/`),
   * a URL under the site's base URL, or a path relative to the linking page; aliases count.
   */
  pageAt(url: string, from: PlacedPage): SiteTarget | null {
    // Most links lead elsewhere: a look at the scheme and host spares them the rest.
    const web = url.startsWith('http://') || url.startsWith('https://') || /^https?:\/\//i.test(url);
    if (web && (this.#baseHost === null || !hostIs(url, this.#baseHost))) return null;
    const bare = url.replace(/[?#].*$/, '');
    let path: string | null = null;
    if (/^https?:\/\//i.test(bare)) {
      const parsed = parseBase(bare);
      if (!parsed || parsed.host !== this.#baseHost) return null;
      path = parsed.path || '/';
    } else if (bare.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(bare)) {
      return null;
    } else if (bare.startsWith('/')) {
      path = bare;
    } else if (bare) {
      path = posix.join(from.id.endsWith('/') ? from.id : posix.dirname(from.id), bare);
    }
    if (path === null) return null;
    if (this.#basePath && (path === this.#basePath || path.startsWith(`${this.#basePath}/`)))
      path = path.slice(this.#basePath.length) || '/';
    const lower = safeDecode(path).toLowerCase();
    return this.#byPath.get(lower) ?? this.#byPath.get(`${lower}/`) ?? null;
  }
}

/** Whether an http(s) URL's host (less `www.` and letter case) is `host`. */
function hostIs(url: string, host: string): boolean {
  const start = url.indexOf('//') + 2;
  const from = url.startsWith('www.', start) || url.startsWith('WWW.', start) ? start + 4 : start;
  if (url.slice(from, from + host.length).toLowerCase() !== host) return false;
  const next = url[from + host.length];
  return next === undefined || next === '/' || next === '?' || next === '#' || next === ':';
}

function add(map: Map<string, SiteTarget[]>, key: string, target: SiteTarget): void {
  const list = map.get(key);
  if (list) list.push(target);
  else map.set(key, [target]);
}

/** A content path as refs name it: no leading or trailing slash, no extension, no `index`/`_index`. */
function contentKey(path: string): string {
  return path
    .replace(/^\/+|\/+$/g, '')
    .replace(pageExtension, '')
    .replace(/(^|\/)_?index$/i, '')
    .toLowerCase();
}

function parseBase(url: string | null): { host: string; path: string } | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return {
      host: parsed.host.toLowerCase().replace(/^www\./, ''),
      path: parsed.pathname.replace(/\/+$/, ''),
    };
  } catch {
    return null;
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
