import MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import { type LinkSpan, type LinkSurroundings, surroundingsOf } from './link-context.ts';

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
 * The parser: markdown-it, a CommonMark parser with raw HTML recognised (so a link inside an HTML
 * block stays text, as in Goldmark), plus GitHub's tables, strikethrough and autolink literals.
 * It keeps URLs as written: no percent-encoding, no refusal of odd schemes (talkbot filters later).
 * Its default nesting bound keeps a hostile post from making parsing deep or slow.
 */
const parser = createParser();

function createParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true, linkify: true });
  md.enable(['table', 'strikethrough', 'linkify']);
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  // GitHub's autolink literals: `http://`, `https://` and `www.` links; never bare domains, `ftp:` or `//`.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  const web = {
    validate: (text: string, pos: number) =>
      text.startsWith('//', pos) ? autolinkLength(text, pos + 2) + 2 : 0,
  };
  md.linkify.add('http:', web).add('https:', web).add('ftp:', null).add('//', null);
  md.linkify.add('www.', {
    validate: (text, pos) => autolinkLength(text, pos),
    normalize: (match) => {
      match.url = `http://${match.url}`;
    },
  });
  md.core.ruler.at('normalize', normalize);
  // Only what talkbot reads is parsed inline, and autolink literals are looked for in text alone.
  md.core.ruler.at('inline', parseNeededInlines);
  md.core.ruler.at('linkify', linkifyText);
  // While a link's text is scanned for its closing `]` (silent mode), an autolink literal must not
  // swallow the `](` after it: `[http://a.com/b](http://a.com/b)` is one link to http://a.com/b.
  const linkifyInline = md.inline.ruler.getRules('').find((rule) => rule.name === 'linkify');
  if (linkifyInline)
    md.inline.ruler.at('linkify', (state, silent) => !silent && linkifyInline(state, silent));
  return md;
}

const carriageReturnOrNul = /[\r\0]/;

/**
 * markdown-it's own first step, which turns `\r\n` and `\r` into `\n` and NUL into U+FFFD, without
 * its two copies of the whole body when there is nothing to turn (almost always).
 */
function normalize(state: StateCore): void {
  if (carriageReturnOrNul.test(state.src))
    state.src = state.src.replace(/\r\n?|\n/g, '\n').replace(/\0/g, '\uFFFD');
}

// Every kind of link needs one of these: `[` (inline and reference links), `<` (autolinks), or a literal URL.
const mayHoldLink = /[[<]|:\/\/|www\./i;
// What inline parsing would change in a heading's or paragraph's text: markup, escapes, entities, hard breaks.
const hasMarkup = /[\\`*_&<[\]~]| {2}\n|:\/\/|www\./i;

/**
 * Parses inline content only where talkbot reads it: runs that may hold a link, and headings and the
 * first paragraph when they hold markup (plain text needs no parsing: its content is its text). This
 * skips most prose, which is most of a post.
 */
function parseNeededInlines(state: StateCore): void {
  let firstParagraph = true;
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i] as Token;
    if (token.type !== 'inline') continue;
    const opener = state.tokens[i - 1]?.type;
    const readAsText = opener === 'heading_open' || (opener === 'paragraph_open' && firstParagraph);
    if (opener === 'paragraph_open') firstParagraph = false;
    if (mayHoldLink.test(token.content) || (readAsText && hasMarkup.test(token.content))) {
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? []);
    }
  }
}

/** GitHub's autolink literals, found in text outside links (markdown-it's own rule tests whole blocks first). */
function linkifyText(state: StateCore): void {
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children || !literalUrl.test(block.content)) continue;
    const out: Token[] = [];
    let inLink = 0;
    for (const token of children) {
      if (token.type === 'link_open') inLink++;
      else if (token.type === 'link_close') inLink--;
      else if (token.type === 'html_inline') inLink += htmlLinkDepth(token.content);
      const links =
        token.type === 'text' && inLink <= 0 && literalUrl.test(token.content)
          ? state.md.linkify.match(token.content)
          : null;
      if (!links) {
        out.push(token);
        continue;
      }
      let last = 0;
      for (const link of links) {
        if (link.index > last) out.push(textToken(state, token.content.slice(last, link.index)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', link.url]];
        open.markup = 'linkify';
        out.push(open, textToken(state, link.text), new state.Token('link_close', 'a', -1));
        last = link.lastIndex;
      }
      if (last < token.content.length) out.push(textToken(state, token.content.slice(last)));
    }
    block.children = out;
  }
}

const literalUrl = /:\/\/|www\./i;

/** +1 for a raw `<a ...>`, -1 for `</a>`: no autolink inside an HTML link either. */
function htmlLinkDepth(html: string): number {
  if (/^<a[>\s]/i.test(html)) return 1;
  return /^<\/a\s*>/i.test(html) ? -1 : 0;
}

function textToken(state: StateCore, content: string): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  return token;
}

const domain = /(?:[\p{L}\p{N}_-]+\.)*[\p{L}\p{N}_-]+/uy;
const path = /[^\s<]*/y;
const trailingEntity = /&[a-zA-Z0-9]+;$/;

/**
 * The length of an autolink literal from `pos` (just past `scheme://` or `www.`): a domain, then a path
 * up to white space or `<`, less trailing punctuation and unbalanced `)`, as GitHub's spec has it.
 */
function autolinkLength(text: string, pos: number): number {
  domain.lastIndex = pos;
  if (!domain.test(text)) return 0;
  path.lastIndex = domain.lastIndex;
  path.test(text);
  let link = text.slice(pos, path.lastIndex);
  for (;;) {
    const last = link.at(-1);
    if (last !== undefined && '?!.,:*_~'.includes(last)) link = link.slice(0, -1);
    else if (last === ';' && trailingEntity.test(link)) link = link.replace(trailingEntity, '');
    else if (last === ')' && count(link, '(') < count(link, ')')) link = link.slice(0, -1);
    else break;
  }
  return link.length;
}

function count(text: string, char: string): number {
  let found = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) found++;
  return found;
}

/**
 * Parses a Markdown body as Hugo's Goldmark does (CommonMark with GitHub's extensions, so bare URLs
 * are links too) and lists its headings and links, each link under the nearest heading above it.
 * A thematic break (`---`) ends a section: what follows belongs to no heading.
 */
export function outlineMarkdown(body: string): BodyOutline {
  const tokens = parser.parse(capIndentation(body), {});
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
  for (let at = 0; at < found.length; at++) {
    const link = found[at] as (typeof found)[number];
    const { context, lead, follow } = surroundingsOf(plain, spans, at, inItem);
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
