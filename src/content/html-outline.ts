import { Parser } from 'htmlparser2';
import { type LinkSpan, surroundingsOf } from './link-context.ts';
import { type BodyOutline, bodyLimit, foldWhitespace, type RawLink } from './markdown.ts';

// Elements that end the block of text before them and start another: a link's context is its block.
const blocks = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
// Blocks whose whole text is a link's context, as a Markdown list item's or table cell's is.
const items = new Set(['li', 'td', 'th', 'dd', 'dt']);
// What holds such items: inside one but outside its items (between `<ul>` and `<li>`), text is no item's.
const lists = new Set(['ul', 'ol', 'table', 'dl']);
// What a reader never sees as text: code is shown, not read, as in a Markdown post.
const hidden = new Set(['script', 'style', 'template', 'noscript', 'pre', 'svg', 'math']);
const headingTag = /^h[1-6]$/;
const embedTag = /^talkbot-embed:\d+$/;

/** The link being read: its text starts at `start` of the block's text. */
interface OpenLink {
  readonly url: string;
  readonly titleAttribute: string | null;
  readonly line: number;
  readonly start: number;
}

/**
 * Reads an HTML page's body (a content file Hugo renders as written, shortcodes expanded first) into
 * the outline a Markdown body gives: headings, every `<a href>` with the text of its block around
 * it, the first paragraph and the text for search. Built on htmlparser2, which reads broken HTML as
 * browsers do, without building a tree.
 */
export function outlineHtml(body: string): BodyOutline {
  const headings: string[] = [];
  const links: RawLink[] = [];
  const bodyPieces: string[] = [];
  let bodyLength = 0;
  let firstParagraph = '';
  let section: string | null = null;

  let text: string[] = [];
  let length = 0;
  let spans: LinkSpan[] = [];
  let found: Array<Omit<RawLink, 'context' | 'lead' | 'follow'>> = [];
  let open: OpenLink | null = null;
  let heading: string[] | null = null;
  let hiddenDepth = 0;
  const itemStack: boolean[] = [];
  let blockTag = '';

  let line = 1;
  let counted = 0;
  const lineAt = (at: number) => {
    for (let i = body.indexOf('\n', counted); i !== -1 && i < at; i = body.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, at);
    return line;
  };

  const add = (piece: string) => {
    if (hiddenDepth > 0) return;
    if (heading) heading.push(piece);
    else {
      text.push(piece);
      length += piece.length;
    }
  };
  const endLink = () => {
    if (!open) return;
    const shown = text.join('').slice(open.start);
    const title = foldWhitespace(shown) || open.url;
    spans.push({ start: open.start, end: length });
    found.push({ title, url: open.url, titleAttribute: open.titleAttribute, section, line: open.line });
    open = null;
  };
  const flush = () => {
    endLink();
    if (length > 0) {
      const plain = text.join('');
      const inItem = itemStack.at(-1) === true;
      const around = surroundingsOf(plain, spans, inItem);
      found.forEach((link, at) => {
        links.push({ ...link, ...(around[at] as (typeof around)[number]) });
      });
      const folded = foldWhitespace(plain);
      if (folded && blockTag === 'p' && !firstParagraph) firstParagraph = folded;
      if (folded && bodyLength < bodyLimit) {
        bodyPieces.push(folded);
        bodyLength += folded.length + 1;
      }
    }
    text = [];
    length = 0;
    spans = [];
    found = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (hidden.has(name)) {
          hiddenDepth++;
          return;
        }
        if (hiddenDepth > 0) return;
        if (headingTag.test(name)) {
          flush();
          heading = [];
        } else if (blocks.has(name)) {
          flush();
          if (name === 'hr') section = null;
          if (items.has(name) || lists.has(name)) itemStack.push(items.has(name));
          blockTag = name;
        } else if (name === 'a' && attributes.href !== undefined && !heading) {
          endLink();
          open = {
            url: attributes.href.trim(),
            titleAttribute: foldWhitespace(attributes.title ?? '') || null,
            line: lineAt(parser.startIndex),
            start: length,
          };
        } else if (name === 'br') {
          // A line break inside a block, as in Markdown: the block's text goes on.
          add('\n');
        } else if (name === 'img' && attributes.alt) {
          add(attributes.alt);
        } else if (embedTag.test(name) && !heading) {
          // An embed shortcode, expanded to a placeholder autolink as in Markdown (see expandShortcodes).
          endLink();
          const url = name;
          spans.push({ start: length, end: length });
          found.push({ title: url, url, titleAttribute: null, section, line: lineAt(parser.startIndex) });
        }
      },
      ontext(data) {
        add(data);
      },
      onclosetag(name) {
        if (hidden.has(name)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        if (headingTag.test(name) && heading) {
          section = foldWhitespace(heading.join(''));
          if (section) headings.push(section);
          heading = null;
        } else if (name === 'a') {
          endLink();
        } else if (blocks.has(name)) {
          flush();
          blockTag = '';
          if (items.has(name) || lists.has(name)) itemStack.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(body);
  parser.end();
  flush();
  return { headings, links, firstParagraph, body: bodyPieces.join('\n').slice(0, bodyLimit) };
}
