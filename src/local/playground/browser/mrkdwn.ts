// Slack mrkdwn → HTML: links, mentions, dates, emphasis, code, quotes and lists, every piece of text escaped.
import { decodeEntities, escapeHtml, link, mention, type RenderOptions, safeHref } from './html.ts';

/** One unit of a line: a plain character (entities decoded) or an already rendered piece (link, mention, code). */
type Unit = string | { readonly html: string };

/** `<…>` control sequences: links, mentions, broadcasts and dates; `inner` is what sits between the brackets. */
function angleToken(inner: string, options: RenderOptions): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return mention('@', label || options.userName?.(id) || id);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return mention('#', label || options.channelName?.(id) || id);
  }
  if (target.startsWith('!')) {
    const keyword = target.slice(1);
    // A date shows its fallback text: the reader's own time zone is Slack's business, not the playground's.
    if (keyword.startsWith('date^')) return `<time class="bk-date">${escapeHtml(label ?? 'a date')}</time>`;
    if (/^(here|channel|everyone)$/.test(keyword)) return mention('@', keyword, true);
    return mention('@', label?.replace(/^@/, '') || keyword.split('^')[0] || 'group');
  }
  const url = decodeEntities(target);
  const shown = label === undefined || label === '' ? url : label;
  const href = safeHref(url);
  return href === null ? escapeHtml(shown) : link(href, shown);
}

/** Splits one line into units: `` `code` `` and `<…>` become rendered pieces, the rest single characters. */
function tokenizeLine(line: string, options: RenderOptions): Unit[] {
  const units: Unit[] = [];
  let plain = '';
  const flush = (): void => {
    units.push(...Array.from(decodeEntities(plain)));
    plain = '';
  };
  let i = 0;
  while (i < line.length) {
    const char = line[i] ?? '';
    const close = char === '`' || char === '<' ? line.indexOf(char === '`' ? '`' : '>', i + 1) : -1;
    if (close > i + 1) {
      flush();
      const inner = line.slice(i + 1, close);
      units.push({
        html:
          char === '`'
            ? `<code class="bk-code">${escapeHtml(decodeEntities(inner))}</code>`
            : angleToken(inner, options),
      });
      i = close + 1;
      continue;
    }
    plain += char;
    i += 1;
  }
  flush();
  return units;
}

const EMPHASIS: Readonly<Record<string, string>> = { '*': 'strong', _: 'em', '~': 'del' };

const isSpace = (unit: Unit | undefined): boolean => typeof unit === 'string' && /\s/u.test(unit);
const isWordChar = (unit: Unit | undefined): boolean =>
  typeof unit === 'string' && /[\p{L}\p{N}]/u.test(unit);

/** Where the emphasis opened at `open` closes, as Slack reads it (`snake_case_name` stays plain), or -1. */
function closingMark(units: readonly Unit[], open: number, end: number): number {
  const mark = units[open];
  if (isWordChar(units[open - 1]) || open + 1 >= end || isSpace(units[open + 1])) return -1;
  for (let j = open + 2; j < end; j++) {
    if (units[j] !== mark) continue;
    if (isSpace(units[j - 1]) || isWordChar(units[j + 1])) continue;
    return j;
  }
  return -1;
}

function renderUnits(units: readonly Unit[], start: number, end: number): string {
  let html = '';
  let i = start;
  while (i < end) {
    const unit = units[i];
    if (unit === undefined) break;
    if (typeof unit !== 'string') {
      html += unit.html;
      i += 1;
      continue;
    }
    const tag = EMPHASIS[unit];
    const close = tag === undefined ? -1 : closingMark(units, i, end);
    if (tag !== undefined && close !== -1) {
      html += `<${tag}>${renderUnits(units, i + 1, close)}</${tag}>`;
      i = close + 1;
      continue;
    }
    html += escapeHtml(unit);
    i += 1;
  }
  return html;
}

function renderInline(line: string, options: RenderOptions): string {
  const units = tokenizeLine(line, options);
  return renderUnits(units, 0, units.length);
}

const BULLET = /^\s*[•◦▪‣-]\s+(.*)$/u;
const QUOTE = /^(?:&gt;|>)\s?(.*)$/;

/** Lines outside code blocks: paragraphs (line breaks kept), `•`/`-` lists and `>` quotes. */
function renderLines(text: string, options: RenderOptions): string {
  const groups: Array<{ kind: 'p' | 'ul' | 'quote'; lines: string[] }> = [];
  for (const line of text.split('\n')) {
    const bullet = BULLET.exec(line);
    const quote = bullet ? null : QUOTE.exec(line);
    const kind = bullet ? 'ul' : quote ? 'quote' : 'p';
    const content = bullet?.[1] ?? quote?.[1] ?? line;
    const last = groups.at(-1);
    if (last !== undefined && last.kind === kind) last.lines.push(content);
    else groups.push({ kind, lines: [content] });
  }
  return groups
    .map(({ kind, lines }) => {
      const inline = lines.map((line) => renderInline(line, options));
      if (kind === 'ul')
        return `<ul class="bk-list">${inline.map((item) => `<li>${item}</li>`).join('')}</ul>`;
      if (kind === 'quote') return `<blockquote class="bk-quote">${inline.join('<br>')}</blockquote>`;
      // A blank line between paragraphs is kept as a blank line; one at either end is dropped.
      const joined = inline.join('<br>').replace(/^(<br>)+|(<br>)+$/g, '');
      return joined === '' ? '' : `<p class="bk-p">${joined}</p>`;
    })
    .join('');
}

/** Renders Slack mrkdwn: bold, italic, strike, code, code blocks, links, mentions, dates, entities, lists, quotes. */
export function renderMrkdwn(text: string, options: RenderOptions = {}): string {
  const parts = text.split('```');
  // An unmatched ``` is plain text: glue the last two parts back together.
  if (parts.length % 2 === 0) parts.splice(-2, 2, `${parts.at(-2) ?? ''}\`\`\`${parts.at(-1) ?? ''}`);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? `<pre class="bk-pre">${escapeHtml(decodeEntities(part.replace(/^\n|\n$/g, '')))}</pre>`
        : renderLines(part, options),
    )
    .join('');
}
