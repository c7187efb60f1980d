// Hugo Blox names some of a talk's links by the site's own pages, not by URL: `slides: example` is the
// slides page `content/slides/example/`, `projects: [x]` the project pages `content/project/x/`.
import type { PlacedPage } from './pages.ts';
import type { ParsedLink } from './parse-post.ts';
import type { SiteMap } from './site-map.ts';
import type { Link, PageLink, Problem, ResourceKind } from './types.ts';
import { normaliseUrl } from './url-key.ts';

/**
 * How such a link's URL starts until the site's pages are known: the prefix, then the content paths
 * Hugo Blox looks the page up by, joined by `|`, the first found winning.
 */
export const sitePagePrefix = 'hugo-page:';

type Add = (field: string, url: string, title: string, kind: ResourceKind | null, line: number) => void;

/**
 * Adds `slides: example` (a slides resource, at the slides page's URL once known) and each of
 * `projects: [x]` (a page link to `project/x`, or `projects/x` on newer sites) as links to resolve;
 * a value that names no page is a problem on its line.
 */
export function addSitePages(
  fields: ReadonlyMap<string, unknown>,
  lineOf: (field: string) => number,
  add: Add,
  problem: (line: number, message: string) => void,
  pageTitle: string,
): void {
  const slides = fields.get('slides');
  if (slides !== undefined && slides !== null && slides !== '') {
    const name = pageName(slides);
    if (name)
      add('slides', `${sitePagePrefix}/slides/${name}`, `Slides · ${pageTitle}`, 'slides', lineOf('slides'));
    else
      problem(
        lineOf('slides'),
        `\`slides\` is ${quoted(slides)}, not the name of a slides page; it is left out`,
      );
  }
  const projects = fields.get('projects');
  if (projects === undefined || projects === null) return;
  if (!Array.isArray(projects)) {
    problem(lineOf('projects'), '`projects` must be a list of project names; it is left out');
    return;
  }
  for (const project of projects) {
    const name = pageName(project);
    if (name)
      add(
        'projects',
        `${sitePagePrefix}/project/${name}|/projects/${name}`,
        `Project · ${name}`,
        null,
        lineOf('projects'),
      );
    else
      problem(
        lineOf('projects'),
        `an item of \`projects\` is ${quoted(project)}, not a project's name; it is left out`,
      );
  }
}

/** What a link to a page of the site became: a resource (the slides), a page link (a project), or null. */
export type SitePageOutcome =
  | { readonly link: Link; readonly key: string }
  | { readonly pageLink: PageLink }
  | null;

/**
 * Resolves a link `addSitePages` made, now that the site's pages are known: the slides become a
 * slides resource at the slides page's permalink, a project a link to its page. A name that fits no
 * published page is a problem with its line, and the link is left out (Hugo Blox shows no button).
 */
export function resolveSitePage(
  raw: ParsedLink,
  from: PlacedPage,
  siteMap: SiteMap,
  urlOf: (id: string) => string,
  problems: Problem[],
): SitePageOutcome {
  const candidates = raw.url.slice(sitePagePrefix.length).split('|');
  const found = candidates.map((path) => siteMap.ref(path, from)).find((f) => f !== null) ?? null;
  const slides = candidates[0]?.startsWith('/slides/') ?? false;
  if (!found) {
    const field = slides ? 'slides' : 'projects';
    const name = candidates[0]?.split('/').pop() ?? '';
    problems.push({
      path: from.parsed.path,
      line: raw.line,
      message: `\`${field}\` names "${name}", but the site has no published page ${candidates.map((c) => c.slice(1)).join(' or ')}; the link is left out`,
    });
    return null;
  }
  const { id } = found.target;
  const url = urlOf(id);
  if (!slides) return { pageLink: { title: raw.title, url, page: id, section: null, line: raw.line } };
  const link: Link = {
    title: raw.title,
    label: raw.label,
    context: raw.context,
    titleAttribute: null,
    url,
    section: null,
    line: raw.line,
    kind: 'slides',
  };
  return { link, key: normaliseUrl(url) };
}

function pageName(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/^\/+|\/+$/g, '') : '';
}

function quoted(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  return Array.isArray(value)
    ? 'a list'
    : typeof value === 'object' && value !== null
      ? 'a table'
      : String(value);
}
