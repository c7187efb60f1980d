import { foldWhitespace } from './markdown.ts';

/** A raw HTML `<a href>` in a body: a link only where the site renders raw HTML (`unsafe = true`). */
export interface HtmlLink {
  readonly title: string;
  readonly url: string;
  /** 1-based body line. */
  readonly line: number;
}

const anchor = /<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;
// Fenced blocks and inline code show HTML as text: their anchors are no links.
const code = /^(?: {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))|`[^`\n]+`/gm;

/** The raw HTML anchors of a Markdown body, outside code, with their text and lines. */
export function htmlLinksOf(body: string): HtmlLink[] {
  if (!/<a\s/i.test(body)) return [];
  const visible = body.replace(code, (block) => block.replace(/[^\n]/g, ' '));
  const links: HtmlLink[] = [];
  anchor.lastIndex = 0;
  for (let m = anchor.exec(visible); m; m = anchor.exec(visible)) {
    const url = (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/&amp;/g, '&');
    const text = foldWhitespace((m[4] ?? '').replace(/<[^>]*>/g, ''));
    links.push({ title: text || url, url, line: lineOf(visible, m.index) });
  }
  return links;
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
