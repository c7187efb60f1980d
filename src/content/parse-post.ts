import { FrontMatterError, fieldLine, parseFrontMatter } from './front-matter.ts';
import { DateError, defaultSlug, permalinkPath, readHugoDate, sectionOf } from './hugo.ts';
import { classifyLink } from './kind.ts';
import { labelOf } from './link-context.ts';
import { foldWhitespace, outlineMarkdown, type RawLink } from './markdown.ts';
import { expandRefShortcodes, placeholderIndex, type ShortcodeRef, stripShortcodes } from './shortcodes.ts';
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

/** A post read from its file, before publishing rules and cross-post `ref` links are applied. */
export interface ParsedPost {
  readonly path: string;
  readonly slug: string;
  /** The line of the `slug` field, where a duplicate slug is reported. */
  readonly slugLine: number;
  readonly title: string;
  readonly description: string;
  readonly date: Date | null;
  readonly publishDate: Date | null;
  readonly expiryDate: Date | null;
  readonly tags: readonly string[];
  readonly author: string | null;
  readonly section: string;
  /** The page's path on the site, e.g. `/posts/qcon-how-did-i-get-here/`. */
  readonly sitePath: string;
  readonly draft: boolean;
  readonly headings: readonly string[];
  /** Paragraph and list text, for search. */
  readonly body: string;
  /** Links with file lines; a `ref` shortcode's URL is still its placeholder. */
  readonly links: readonly ParsedLink[];
  readonly refs: readonly ShortcodeRef[];
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
    problem(1, 'has no `title` in its front matter: add one, e.g. title = "My talk"');
    return { post: null, problems };
  }

  const readDate = (field: string): Date | null => {
    try {
      return readHugoDate(data[field], field);
    } catch (error) {
      if (!(error instanceof DateError)) throw error;
      problem(fieldLine(source, field, front.bodyLine) ?? 1, `${error.message}; the post is kept without it`);
      return null;
    }
  };

  const { body, refs } = expandRefShortcodes(front.body);
  const outline = outlineMarkdown(body);
  const slug = scalarText(data.slug) || defaultSlug(path);
  const description = scalarText(data.description) || scalarText(data.summary) || outline.firstParagraph;
  const date = readDate('date');

  return {
    post: {
      path,
      slug,
      slugLine: fieldLine(source, 'slug', front.bodyLine) ?? 1,
      title,
      description: truncate(foldWhitespace(stripShortcodes(description)), descriptionLimit),
      date,
      publishDate: readDate('publishDate') ?? readDate('publishdate'),
      expiryDate: readDate('expiryDate') ?? readDate('expirydate'),
      tags: textList(data.tags),
      author: scalarText(data.author) || textList(data.authors)[0] || null,
      section: sectionOf(path),
      sitePath: permalinkPath(path, slug, scalarText(data.url) || null),
      draft: data.draft === true || data.draft === 'true',
      headings: outline.headings,
      body: outline.body,
      links: outline.links.map((link): ParsedLink => {
        const kind = linkKind(link);
        return {
          title: link.title,
          url: link.url,
          section: link.section,
          label: labelOf({ ...link, kind: kind ?? 'other', postTitle: title }),
          context: link.context,
          titleAttribute: link.titleAttribute,
          line: link.line + front.bodyLine - 1,
          kind,
          key: kind === null || placeholderIndex(link.url) !== null ? null : normaliseUrl(link.url),
        };
      }),
      refs,
    },
    problems,
  };
}

/** Classified here, in the parse worker, so that the thread serving requests never has to. */
function linkKind(link: RawLink): ResourceKind | null {
  if (placeholderIndex(link.url) !== null) return 'article';
  return /^https?:\/\/[^\s/]+/i.test(link.url) ? classifyLink(link.url, link.title) : null;
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
