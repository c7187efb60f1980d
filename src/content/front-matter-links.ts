// Hugo Blox (formerly Wowchemy and Academic) keeps a talk's or paper's resources in front matter, not
// in the body: `url_slides`, `url_video`, a `links` list, a `doi`. Its templates render them as the
// page's buttons, so for such a site they are the page's links.
import { fieldLine } from './front-matter.ts';
import { classifyLink } from './kind.ts';
import type { ParsedLink } from './parse-post.ts';
import { addSitePages } from './site-page-links.ts';
import type { Problem, ResourceKind } from './types.ts';
import { normaliseUrl } from './url-key.ts';

/** What a resource field means: the word its title starts with, and its kind (null: guess from the URL). */
interface FieldMeaning {
  readonly noun: string;
  readonly kind: ResourceKind | null;
}

// In the order a page's links are given: what a talk or paper is (slides, video, the paper) before what
// comes with it, so that among equally good matches for a page's title its slides come first. There is no
// `code` or `dataset` kind: a repository or a data set is neither writing to read (`article`) nor a talk's
// material, so it is `other`. A poster is what stands beside a talk, as slides do.
const resourceFields: ReadonlyMap<string, FieldMeaning> = new Map([
  ['url_slides', { noun: 'Slides', kind: 'slides' }],
  ['slides', { noun: 'Slides', kind: 'slides' }],
  ['url_video', { noun: 'Video', kind: 'video' }],
  ['url_pdf', { noun: 'PDF', kind: 'paper' }],
  ['url_preprint', { noun: 'Preprint', kind: 'paper' }],
  ['doi', { noun: 'Paper', kind: 'paper' }],
  ['url_poster', { noun: 'Poster', kind: 'slides' }],
  ['links', { noun: 'Link', kind: null }],
  ['url_code', { noun: 'Code', kind: 'other' }],
  ['url_dataset', { noun: 'Dataset', kind: 'other' }],
  ['url_project', { noun: 'Project', kind: null }],
  ['url_source', { noun: 'Source', kind: null }],
  ['event_url', { noun: 'Event', kind: null }],
  ['projects', { noun: 'Project', kind: null }],
]);
const fieldOrder = [...resourceFields.keys()];

const doiPattern = /^10\.\d{4,9}\/\S+$/;
const schemePattern = /^([a-z][a-z0-9+.-]*):/i;

/** The parts of a parsed file the front matter links are read from. */
export interface FrontMatterSource {
  readonly path: string;
  readonly source: string;
  readonly data: Record<string, unknown>;
  /** 1-based file line on which the body starts: fields are looked for above it. */
  readonly bodyLine: number;
  readonly title: string;
}

/**
 * The resources a page names in its front matter, as links in the order of `resourceFields`, before any
 * heading (so their section is null); a relative URL is kept as written, for `resolveOnPage` once the
 * permalink is known. A value that is no URL is a problem with its line, and that link is left out.
 */
export function frontMatterLinks(page: FrontMatterSource, problems: Problem[]): ParsedLink[] {
  const fields = lowerCased(page.data);
  const lineOf = (field: string) => fieldLine(page.source, field, page.bodyLine) ?? 1;
  const context = contextOf(fields);
  const ranked: { rank: number; link: ParsedLink }[] = [];
  const add: AddLink = (field, url, title, kind, line) => {
    ranked.push({
      rank: fieldOrder.indexOf(field),
      link: {
        title,
        url,
        section: null,
        line,
        label: title,
        context,
        titleAttribute: null,
        kind: kind ?? (isWeb(url) ? classifyLink(url, title) : 'other'),
        key: isWeb(url) ? normaliseUrl(url) : null,
      },
    });
  };
  const problem = (line: number, message: string) => problems.push({ path: page.path, line, message });

  for (const [field, meaning] of resourceFields) {
    if (!field.startsWith('url_')) continue;
    const value = fields.get(field);
    const url = urlValue(value, field, lineOf, problem);
    if (url) add(field, url, `${meaning.noun} · ${page.title}`, meaning.kind, lineOf(field));
  }
  const eventUrl = urlValue(fields.get('event_url'), 'event_url', lineOf, problem);
  if (eventUrl) {
    const event = plainText(fields.get('event'));
    add(
      'event_url',
      eventUrl,
      event ? `Event · ${event}` : `Event · ${page.title}`,
      null,
      lineOf('event_url'),
    );
  }
  const doi = fields.get('doi');
  if (doi !== undefined && doi !== null && doi !== '') {
    const name =
      typeof doi === 'string' ? doi.trim().replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '') : '';
    if (doiPattern.test(name))
      add('doi', `https://doi.org/${name}`, `Paper · ${page.title}`, 'paper', lineOf('doi'));
    else
      problem(
        lineOf('doi'),
        `\`doi\` is ${shown(doi)}, which is no DOI: write it as doi: 10.1145/1234567.8901234`,
      );
  }
  addListed(page, fields.get('links'), add, problem);
  addSitePages(fields, lineOf, add, problem, page.title);
  ranked.sort((a, b) => a.rank - b.rank || a.link.line - b.link.line);
  return ranked.map(({ link }) => link);
}

type AddLink = (field: string, url: string, title: string, kind: ResourceKind | null, line: number) => void;

/**
 * The `links` list: Hugo Blox's `[{name, url, icon, icon_pack}]`, or the Stack theme's `[{title, website,
 * description, image}]`; each item's `name` (or `title`) is its title.
 */
function addListed(
  page: FrontMatterSource,
  value: unknown,
  add: AddLink,
  problem: (line: number, message: string) => void,
): void {
  if (value === undefined || value === null) return;
  const listLine = fieldLine(page.source, 'links', page.bodyLine) ?? tomlTableLine(page) ?? 1;
  if (!Array.isArray(value)) {
    problem(listLine, '`links` must be a list of {name, url} items; the links are left out');
    return;
  }
  const urlLines = itemUrlLines(page, listLine);
  value.forEach((item: unknown, index) => {
    const line = urlLines[index] ?? listLine;
    // Some sites list bare URLs (`links: [https://…]`): each is a link of the page.
    if (typeof item === 'string') {
      const url = urlValue(item, `links[${index}]`, () => line, problem);
      if (url) add('links', url, `Link · ${page.title}`, null, line);
      return;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problem(line, `item ${index + 1} of \`links\` must be a table with a \`url\`; it is left out`);
      return;
    }
    const fields = lowerCased(item as Record<string, unknown>);
    const key = fields.get('url') === undefined && fields.get('website') !== undefined ? 'website' : 'url';
    const url = urlValue(fields.get(key), `links[${index}].${key}`, () => line, problem);
    if (!url) {
      if (fields.get(key) === undefined)
        problem(line, `item ${index + 1} of \`links\` has no \`url\`; it is left out`);
      return;
    }
    const name = plainText(fields.get('name')) || plainText(fields.get('title'));
    const icon = plainText(fields.get('icon'));
    // The icon says what the name may not ("Watch" with a youtube icon).
    const kind = isWeb(url) ? classifyLink(url, `${name} ${icon}`) : 'other';
    add('links', url, name ? `${name} · ${page.title}` : `Link · ${page.title}`, kind, line);
  });
}

/** Each item's file line: of its `url` key, else of where the item starts. */
function itemUrlLines(page: FrontMatterSource, listLine: number): number[] {
  const lines = page.source.split('\n', page.bodyLine - 1);
  const toml = (lines[listLine - 1] ?? '').trim() === '[[links]]';
  const items: { start: number; url: number | null }[] = toml ? [{ start: listLine, url: null }] : [];
  const urlKey = /^\s*(?:-\s*)?["']?url["']?\s*[:=]/i;
  for (let i = listLine; i < lines.length; i++) {
    const text = lines[i] ?? '';
    // A YAML list ends at the next field at the left edge; TOML `[[links]]` tables at another table.
    const ends = toml ? /^\s*\[/.test(text) && text.trim() !== '[[links]]' : /^[^\s#-]/.test(text);
    if (ends) break;
    if (toml ? text.trim() === '[[links]]' : /^\s*-(?:\s|$)/.test(text))
      items.push({ start: i + 1, url: null });
    const item = items.at(-1);
    if (item && item.url === null && urlKey.test(text)) item.url = i + 1;
  }
  return items.map((item) => item.url ?? item.start);
}

function tomlTableLine(page: FrontMatterSource): number | null {
  const index = page.source.split('\n', page.bodyLine).findIndex((line) => line.trim() === '[[links]]');
  return index === -1 ? null : index + 1;
}

/** A field's URL, or null when it is unset or empty (Hugo Blox's archetypes leave `url_pdf: ''`). */
function urlValue(
  value: unknown,
  field: string,
  lineOf: (field: string) => number,
  problem: (line: number, message: string) => void,
): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problem(
      lineOf(field),
      `\`${field}\` is ${shown(value)}, not a URL: write it as text; the link is left out`,
    );
    return null;
  }
  const url = value.trim();
  if (url === '') return null;
  const scheme = schemePattern.exec(url)?.[1]?.toLowerCase();
  if (/\s/.test(url) || (scheme !== undefined && scheme !== 'http' && scheme !== 'https')) {
    problem(
      lineOf(field),
      `\`${field}\` is ${shown(url)}, which is no http(s) URL or path on the site; the link is left out`,
    );
    return null;
  }
  return url;
}

/**
 * A front matter URL as the browser reads it on the page: relative (`slides.pdf` in a bundle) against
 * the page's permalink, or against its site path when the site has no base URL.
 */
export function resolveOnPage(url: string, permalink: string | null, pageId: string): string {
  if (isWeb(url)) return url;
  const origin = 'http://site.invalid';
  try {
    if (permalink) return new URL(url, permalink).href;
    const resolved = new URL(url, `${origin}${pageId}`);
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return url;
  }
}

function isWeb(url: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(url);
}

/** What the page was for, as its links' context: the event of a talk, the venue of a paper. */
function contextOf(fields: ReadonlyMap<string, unknown>): string {
  const event = plainText(fields.get('event'));
  const publication = plainText(fields.get('publication'));
  return [event, publication].filter(Boolean).join(' · ');
}

/** Text with Markdown emphasis dropped (`publication: "*SIGMOD 2024*"`), whitespace folded. */
function plainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

function lowerCased(data: Record<string, unknown>): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const key in data) fields.set(key.toLowerCase(), data[key]);
  return fields;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a table';
  return String(value);
}
