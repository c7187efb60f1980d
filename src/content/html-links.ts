import { foldWhitespace } from './markdown.ts';

/** A raw HTML `<a href>` in a body: a link only where the site renders raw HTML (`unsafe = true`). */
export interface HtmlLink {
  readonly title: string;
  readonly url: string;
  /** The nearest ATX heading above it (`## Talks`), or null. */
  readonly section: string | null;
  /** 1-based body line. */
  readonly line: number;
}

const anchor = /<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;
// Fenced blocks and inline code show HTML as text: their anchors are no links.
const code = /^(?: {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))|`[^`\n]+`/gm;

/** The raw HTML anchors of a Markdown body, outside code, with their text and lines. */
export function htmlLinksOf(body: string): HtmlLink[] {
  if (!hasAnchor(body)) return [];
  const visible = body.replace(code, (block) => block.replace(/[^\n]/g, ' '));
  const links: HtmlLink[] = [];
  const headings = headingLines(visible);
  anchor.lastIndex = 0;
  for (let m = anchor.exec(visible); m; m = anchor.exec(visible)) {
    const url = (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/&amp;/g, '&');
    const text = foldWhitespace((m[4] ?? '').replace(/<[^>]*>/g, ''));
    const line = lineOf(visible, m.index);
    const section = headings.findLast((h) => h.line < line)?.text ?? null;
    links.push({ title: text || url, url, section, line });
  }
  return links;
}

/** Whether `<a` and white space are anywhere in the body: found with `indexOf`, cheaper than a pattern over every body. */
function hasAnchor(body: string): boolean {
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at + 1)) {
    const next = body[at + 1];
    if ((next === 'a' || next === 'A') && space.test(body[at + 2] ?? '')) return true;
  }
  return false;
}

const space = /\s/;

/** The ATX headings (`## Talks`) of a body with code blanked, with their lines; a `---` ends a section. */
function headingLines(text: string): { line: number; text: string | null }[] {
  const found: { line: number; text: string | null }[] = [];
  text.split('\n').forEach((source, i) => {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(source);
    if (heading) found.push({ line: i + 1, text: foldWhitespace(heading[1] ?? '') });
    else if (/^ {0,3}(?:-[ \t]*){3,}$|^ {0,3}(?:\*[ \t]*){3,}$/.test(source))
      found.push({ line: i + 1, text: null });
  });
  return found;
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
