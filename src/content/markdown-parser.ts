import MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * The parser: markdown-it, a CommonMark parser with raw HTML recognised (so a link inside an HTML
 * block stays text, as in Goldmark), plus GitHub's tables, strikethrough and autolink literals.
 * It keeps URLs as written: no percent-encoding, no refusal of odd schemes (talkbot filters later).
 * Its default nesting bound keeps a hostile post from making parsing deep or slow.
 */
export const markdownParser = createParser();

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
