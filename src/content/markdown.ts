import type Token from 'markdown-it/lib/token.mjs';
import { type LinkSpan, type LinkSurroundings, surroundingsOf } from './link-context.ts';
import { markdownParser } from './markdown-parser.ts';

/** A link as it stands in the Markdown, before URLs are checked or refs resolved. */
export interface RawLink extends LinkSurroundings {
  readonly title: string;
  readonly url: string;
  /** The link's title attribute (`[text](url "title")`), or null. */
  readonly titleAttribute: string | null;
  readonly section: string | null;
  /** 1-based line in the body. */
  readonly line: number;
}

/** What talkbot needs from a post's body. */
export interface BodyOutline {
  readonly headings: readonly string[];
  readonly links: readonly RawLink[];
  /** The first paragraph's text, whitespace folded: Hugo's summary when front matter has none. */
  readonly firstParagraph: string;
  /** The text of paragraphs, list items and table cells (not headings, not code), capped at `bodyLimit`. */
  readonly body: string;
}

/** Body text kept for search: far more than most posts, bounded so that one huge post cannot swell the index. */
export const bodyLimit = 20_000;

/** Folds runs of white space (a link text spanning lines, say) into single spaces. */
export function foldWhitespace(text: string): string {
  // Most texts have nothing to fold: skip building a copy of each.
  if (!foldable.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

const foldable = /[^\S ]| {2}|^ | $/;

/**
 * Parses a Markdown body as Hugo's Goldmark does (CommonMark with GitHub's extensions, so bare URLs
 * are links too) and lists its headings and links, each link under the nearest heading above it.
 * A thematic break (`---`) ends a section: what follows belongs to no heading.
 */
export function outlineMarkdown(body: string): BodyOutline {
  const tokens = markdownParser.parse(capIndentation(body), {});
  const headings: string[] = [];
  const links: RawLink[] = [];
  let section: string | null = null;
  let firstParagraph = '';
  // Table cells carry no line of their own: they sit on the line of the nearest block that has one.
  let blockLine = 0;
  // Inside a list item or a table cell, a link's context is the item's whole text; in prose, its sentence.
  let items = 0;
  // Pieces joined once at the end: a string built with `+=` is a rope of slices of the whole file,
  // which would keep every file's source alive as long as the post.
  const bodyPieces: string[] = [];
  let bodyLength = 0;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.map) blockLine = token.map[0];
    if (token.type === 'hr') {
      section = null;
    } else if (token.type === 'heading_open') {
      section = foldWhitespace(textOf(tokens[i + 1]));
      headings.push(section);
    } else if (token.type === 'list_item_open' || token.type === 'td_open' || token.type === 'th_open') {
      items++;
    } else if (token.type === 'list_item_close' || token.type === 'td_close' || token.type === 'th_close') {
      items--;
    } else if (token.type === 'paragraph_open' && !firstParagraph) {
      firstParagraph = foldWhitespace(textOf(tokens[i + 1]));
    } else if (token.type === 'inline') {
      const text = token.children?.length
        ? collectLinks(token.children, blockLine + 1, section, items > 0, links)
        : token.content;
      const heading = tokens[i - 1]?.type === 'heading_open';
      if (!heading && bodyLength < bodyLimit) {
        bodyPieces.push(text);
        bodyLength += text.length + 1;
      }
    }
  }
  return { headings, links, firstParagraph, body: bodyPieces.join('\n').slice(0, bodyLimit) };
}

/**
 * Adds the links of one inline run, counting line breaks from the block's first line, each with what
 * surrounds it in the run; returns the run's plain text.
 */
function collectLinks(
  children: readonly Token[],
  firstLine: number,
  section: string | null,
  inItem: boolean,
  into: RawLink[],
): string {
  let line = firstLine;
  // Joined once, so that contexts cut from it hold this run's text, not slices of the whole file.
  const pieces: string[] = [];
  let length = 0;
  const found: Array<Omit<RawLink, keyof LinkSurroundings>> = [];
  const spans: LinkSpan[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Token;
    if (child.type === 'link_open') {
      const start = line;
      const inner: Token[] = [];
      let depth = 1;
      while (++i < children.length) {
        const next = children[i] as Token;
        if (next.type === 'link_open') depth++;
        else if (next.type === 'link_close' && --depth === 0) break;
        inner.push(next);
        line += breaksIn(next);
      }
      const url = String(child.attrGet('href') ?? '');
      const raw = inlineText(inner);
      const text = foldWhitespace(raw);
      // A GFM footnote (`[^1]` with `[^1]: https://…`) reads as a reference link here: its label is no title.
      const title = text && !footnoteLabel.test(text) ? text : url;
      const titleAttribute = foldWhitespace(String(child.attrGet('title') ?? '')) || null;
      const shown = raw === text ? raw : title;
      spans.push({ start: length, end: length + shown.length });
      pieces.push(shown);
      length += shown.length;
      found.push({ title, url, titleAttribute, section, line: start });
    } else {
      line += breaksIn(child);
      const piece = tokenText(child);
      pieces.push(piece);
      length += piece.length;
    }
  }
  const plain = pieces.join('');
  const surroundings = surroundingsOf(plain, spans, inItem);
  for (let at = 0; at < found.length; at++) {
    const link = found[at] as (typeof found)[number];
    const { context, lead, follow } = surroundings[at] as LinkSurroundings;
    const { title, url, titleAttribute, section: heading, line: from } = link;
    into.push({ title, url, titleAttribute, section: heading, line: from, context, lead, follow });
  }
  return plain;
}

const footnoteLabel = /^\^\S+$/;

/** How many source lines a token moves past: a soft or hard break, or raw HTML spanning lines. */
function breaksIn(token: Token): number {
  if (token.type === 'softbreak' || token.type === 'hardbreak') return 1;
  if (token.type === 'html_inline' || token.type === 'code_inline') return countNewlines(token.content);
  return 0;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The plain text of an inline run: its content as written when it held no markup, so was not parsed. */
function textOf(inline: Token | undefined): string {
  if (!inline) return '';
  return inline.children?.length ? inlineText(inline.children) : inline.content;
}

/** The plain text of inline tokens, as mdast's `toString` gives it: text, code, raw HTML and image alt text. */
function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) text += tokenText(token);
  return text;
}

/** The plain text of one inline token (see `inlineText`). */
function tokenText(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'text_special':
    case 'code_inline':
    case 'html_inline':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'image':
      return inlineText(token.children ?? []);
    default:
      return '';
  }
}

/** Deepest indentation kept, in characters: far beyond any real post, far below what makes parsing slow. */
const maxIndent = 160;
const deepIndent = new RegExp(`^([ \\t>]{${maxIndent}})[ \\t>]+`, 'gm');

/**
 * Cuts absurd indentation: a parser's cost can grow steeply with list nesting, so one hostile or
 * broken post could otherwise stall a whole load.
 */
function capIndentation(body: string): string {
  return body.replace(deepIndent, '$1');
}
