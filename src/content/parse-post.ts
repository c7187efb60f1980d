import { FrontMatterError, fieldLine, parseFrontMatter } from './front-matter.ts';
import { frontMatterLinks } from './front-matter-links.ts';
import { type HtmlLink, htmlLinksOf } from './html-links.ts';
import { DateError, hasImpossibleDate, impossibleDate, readHugoDate } from './hugo.ts';
import { classifyLink } from './kind.ts';
import { labelOf } from './link-context.ts';
import { foldWhitespace, outlineMarkdown, type RawLink } from './markdown.ts';
import {
  embedIndex,
  expandShortcodes,
  isOnlyEmbeds,
  placeholderIndex,
  type ShortcodeRef,
  type ShortcodeUse,
  stripShortcodes,
} from './shortcodes.ts';
import type { Problem, ResourceKind } from './types.ts';
import { normaliseUrl } from './url-key.ts';

/** A link of a parsed post, with its file line; `kind` is null for a link that is no resource (not http). */
export interface ParsedLink {
  readonly title: string;
  readonly url: string;
  readonly section: string | null;
  /** 1-based line in the file. */
  readonly line: number;
  /** The title to show (see `labelOf`). */
  readonly label: string;
  readonly context: string;
  readonly titleAttribute: string | null;
  /** What it points at; null when it is not an http(s) link, and 'article' for a `ref` placeholder. */
  readonly kind: ResourceKind | null;
  /** The resource key (`normaliseUrl`) of an http(s) link, worked out with the parse (so in a worker); else null. */
  readonly key: string | null;
}

/**
 * A post read from its file, before the site's configuration (URLs, languages, taxonomies) and
 * cross-post `ref` links are applied: what a file says on its own, so that it can be cached.
 */
export interface ParsedPost {
  readonly path: string;
  /** Front matter `slug`, or null when it sets none. */
  readonly frontSlug: string | null;
  /** Front matter `url`, or null when it sets none. */
  readonly frontUrl: string | null;
  /** The line of the `url` field, else of `slug`, else 1: where a permalink collision is reported. */
  readonly slugLine: number;
  /** Front matter `aliases`: other paths the page is served at, as written. */
  readonly aliases: readonly string[];
  /** Every front matter field holding a list of words (or one word), lower-cased keys: the taxonomy terms. */
  readonly terms: Readonly<Record<string, readonly string[]>>;
  readonly title: string;
  readonly description: string;
  readonly date: Date | null;
  readonly publishDate: Date | null;
  readonly expiryDate: Date | null;
  readonly tags: readonly string[];
  readonly author: string | null;
  readonly draft: boolean;
  /** False for a page Hugo builds no page for (`build.render: never`, `headless: true`): it has no URL. */
  readonly rendered: boolean;
  readonly headings: readonly string[];
  /** Paragraph and list text, for search. */
  readonly body: string;
  /** Links with file lines; a `ref` shortcode's URL is still its placeholder. */
  readonly links: readonly ParsedLink[];
  readonly refs: readonly ShortcodeRef[];
  /** Raw HTML `<a href>` links, with file lines: links only where the site renders raw HTML. */
  readonly htmlLinks: readonly HtmlLink[];
  /** Every shortcode called, with file lines, for telling the ones the site does not have. */
  readonly shortcodes: readonly ShortcodeUse[];
}

/** The outcome of reading one file: a post (maybe with warnings) or only the problems that stopped it. */
export interface ParseOutcome {
  readonly post: ParsedPost | null;
  readonly problems: readonly Problem[];
}

const descriptionLimit = 300;

/** Reads one content file's text into a post, or into problems that name the file and line. */
export function parsePost(path: string, source: string): ParseOutcome {
  const problems: Problem[] = [];
  const problem = (line: number | null, message: string) => problems.push({ path, line, message });

  let front: ReturnType<typeof parseFrontMatter>;
  try {
    front = parseFrontMatter(source);
  } catch (error) {
    if (error instanceof FrontMatterError)
      return { post: null, problems: [{ path, line: error.line, message: error.message }] };
    throw error;
  }
  const data = front.data;
  const title = scalarText(data.title);
  if (!title) {
    problem(1, `has no \`title\` in its front matter: add one, e.g. ${titleExample[front.format]}`);
    return { post: null, problems };
  }

  // A YAML or TOML parser rolls 2026-13-45 over into 2027, where Hugo refuses it. Such a day is rare:
  // the front matter is searched for one once, and a field's own line only when there is one.
  const rolledOver = hasImpossibleDate(source.slice(0, source.length - front.body.length));
  const readDate = (field: string): Date | null => {
    const line = () => fieldLine(source, field, front.bodyLine) ?? 1;
    try {
      const date = readHugoDate(data[field], field);
      const written =
        date && rolledOver ? impossibleDate(source.split('\n', line())[line() - 1] ?? '') : null;
      if (written) throw new DateError(`\`${field}\` is "${written}", which is not a real date`);
      return date;
    } catch (error) {
      if (!(error instanceof DateError)) throw error;
      problem(line(), `${error.message}; the post is kept without it`);
      return null;
    }
  };

  const expanded = expandShortcodes(front.body);
  const { body, refs, embeds } = expanded;
  const toFileLine = (bodyLine: number) => bodyLine + front.bodyLine - 1;
  for (const line of expanded.unclosed) {
    problem(toFileLine(line), 'a shortcode opened here is never closed: end it with `>}}` (or `%}}`)');
  }
  const outline = outlineMarkdown(body);
  const frontSlug = scalarText(data.slug) || null;
  const frontUrl = scalarText(data.url) || null;
  const firstParagraph = isOnlyEmbeds(outline.firstParagraph) ? '' : outline.firstParagraph;
  const description = scalarText(data.description) || scalarText(data.summary) || firstParagraph;
  const date = readDate('date');
  const { bodyLine } = front;
  const frontLinks = frontMatterLinks({ path, source, data, bodyLine, title }, problems);

  return {
    post: {
      path,
      frontSlug,
      frontUrl,
      slugLine:
        (frontUrl ? fieldLine(source, 'url', front.bodyLine) : null) ??
        (frontSlug ? fieldLine(source, 'slug', front.bodyLine) : null) ??
        1,
      aliases: textList(data.aliases),
      terms: termsOf(data),
      title,
      description: truncate(foldWhitespace(stripShortcodes(description)), descriptionLimit),
      date,
      publishDate: readDate('publishDate') ?? readDate('publishdate'),
      expiryDate: readDate('expiryDate') ?? readDate('expirydate'),
      tags: textList(data.tags),
      author: scalarText(data.author) || textList(data.authors)[0] || null,
      draft: data.draft === true || data.draft === 'true',
      rendered: isRendered(data),
      headings: outline.headings,
      body: outline.body,
      // Front matter comes first in the file, so its links come first: links stay in file order.
      links: frontLinks.concat(
        outline.links.map((link): ParsedLink => {
          // Not `embeds[-1]` for a link that is no embed: reading an array at a negative index is slow.
          const index = embedIndex(link.url);
          const embed = index === null ? undefined : embeds[index];
          if (embed) {
            const { url, title: embedTitle, kind } = embed;
            return {
              title: embedTitle,
              url,
              section: link.section,
              label: labelOf({ ...link, title: embedTitle, url }, kind, title),
              context: link.context,
              titleAttribute: null,
              line: toFileLine(link.line),
              kind,
              key: normaliseUrl(url),
            };
          }
          const kind = linkKind(link);
          return {
            title: link.title,
            url: link.url,
            section: link.section,
            label: labelOf(link, kind ?? 'other', title),
            context: link.context,
            titleAttribute: link.titleAttribute,
            line: toFileLine(link.line),
            kind,
            key: kind === null || placeholderIndex(link.url) !== null ? null : normaliseUrl(link.url),
          };
        }),
      ),
      refs,
      htmlLinks: htmlLinksOf(body).map((link) => ({ ...link, line: toFileLine(link.line) })),
      shortcodes: expanded.uses.map((use) => ({ ...use, line: toFileLine(use.line) })),
    },
    problems,
  };
}

/** Classified here, in the parse worker, so that the thread serving requests never has to. */
function linkKind(link: RawLink): ResourceKind | null {
  if (placeholderIndex(link.url) !== null) return 'article';
  return /^https?:\/\/[^\s/]+/i.test(link.url) ? classifyLink(link.url, link.title) : null;
}

const titleExample: Record<string, string> = {
  toml: 'title = "My talk"',
  yaml: 'title: "My talk"',
  json: '"title": "My talk"',
  none: 'a front matter block at the top: ---, then title: "My talk", then ---',
};

// Fields that are lists of words but no taxonomy, so never searched as tags.
// `tags` is read on its own (every post has it); the others are lists of words but no taxonomy.
const notTerms = new Set([
  'tags',
  'aliases',
  'title',
  'description',
  'summary',
  'slug',
  'url',
  'author',
  'authors',
  'keywords',
  'status',
  'images',
  'resources',
  'outputs',
]);

/** Every front matter field but `tags` that could be a taxonomy (a word or a list of words), keys lower-cased. */
function termsOf(data: Record<string, unknown>): Record<string, string[]> {
  const terms: Record<string, string[]> = {};
  for (const key in data) {
    const value = data[key];
    if (typeof value !== 'string' && !Array.isArray(value)) continue;
    const name = key.toLowerCase();
    // A taxonomy is a list (`tags = ["a"]`); one term alone is written under a plural name (`series: x`).
    const single = typeof value === 'string' && name.endsWith('s') && !notTerms.has(name);
    if (notTerms.has(name) || !(Array.isArray(value) || single)) continue;
    const list = textList(value);
    if (list.length > 0 && list.length <= 100) terms[name] = list;
  }
  return terms;
}

/** Hugo's `build` (formerly `_build`) options and the older `headless`: `render` never (or false) means no page. */
function isRendered(data: Record<string, unknown>): boolean {
  if (data.headless === true) return false;
  const build = data.build ?? data._build;
  if (typeof build !== 'object' || build === null) return true;
  const render = (build as Record<string, unknown>).render;
  return !(render === false || render === 'never' || render === 'false');
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return foldWhitespace(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(items.map(scalarText).filter(Boolean))];
}

function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > limit / 2 ? cut.slice(0, space) : cut}…`;
}
