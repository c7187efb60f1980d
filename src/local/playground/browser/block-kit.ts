// Block Kit → HTML for the playground, in one place: pure functions of JSON to an HTML string, so the same module
// runs in the page and in Node tests. Every piece of text goes through `escapeHtml`; links only ever get http(s).

/** How mentions are named and whether buttons can be pressed. */
export interface RenderOptions {
  /** A user's display name for `<@U…>`; the id is shown when this gives nothing. */
  readonly userName?: (userId: string) => string | undefined;
  /** A channel's name for `<#C…>`; the id is shown when this gives nothing. */
  readonly channelName?: (channelId: string) => string | undefined;
  /** False renders buttons disabled (the Home tab's, which the playground cannot deliver). @default true */
  readonly interactive?: boolean;
}

type Json = Readonly<Record<string, unknown>>;

import { renderContextActions, renderInput } from './block-kit-inputs.ts';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The URL to put in an `href` or `src`: only absolute http(s) URLs, anything else (`javascript:`, `data:`) null. */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/?#]/i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Slack's three entities, decoded once (so `&amp;lt;` becomes the text `&lt;`). */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function unsupported(kind: 'block' | 'element', type: string): string {
  return `<div class="bk-unsupported">[unsupported ${kind}: ${escapeHtml(type)}]</div>`;
}

function link(href: string, label: string): string {
  return `<a class="bk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

function mention(prefix: '@' | '#', name: string, broadcast = false): string {
  return `<span class="bk-mention${broadcast ? ' bk-broadcast' : ''}">${prefix}${escapeHtml(name)}</span>`;
}

// ---- mrkdwn ----

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

// ---- text objects and elements ----

function plain(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/** A `mrkdwn` or `plain_text` text object. */
function renderText(value: unknown, options: RenderOptions): string {
  const text = asObject(value);
  if (text === null) return '';
  return text.type === 'mrkdwn' ? renderMrkdwn(stringOf(text.text), options) : plain(stringOf(text.text));
}

function renderImage(element: Json, className: string): string {
  const src = safeHref(stringOf(element.image_url));
  const alt = stringOf(element.alt_text);
  if (src === null) return `<span class="bk-unsupported">[image: ${escapeHtml(alt || 'no address')}]</span>`;
  return `<img class="${className}" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy" referrerpolicy="no-referrer">`;
}

function renderButton(element: Json, blockId: string, options: RenderOptions): string {
  const label = plain(stringOf(asObject(element.text)?.text));
  const style =
    element.style === 'primary' || element.style === 'danger' ? ` bk-button-${element.style}` : '';
  const url = safeHref(stringOf(element.url));
  if (url !== null) {
    return `<a class="bk-button${style}" href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
  }
  const disabled = options.interactive === false ? ' disabled' : '';
  return (
    `<button type="button" class="bk-button${style}" data-action-id="${escapeHtml(stringOf(element.action_id))}"` +
    ` data-block-id="${escapeHtml(blockId)}"${disabled}>${label}</button>`
  );
}

function renderElement(value: unknown, blockId: string, options: RenderOptions): string {
  const element = asObject(value);
  if (element?.type === 'button') return renderButton(element, blockId, options);
  if (element?.type === 'image') return renderImage(element, 'bk-accessory-image');
  return unsupported('element', stringOf(element?.type) || '?');
}

// ---- rich_text (what a person's typed message carries) ----

function renderRichInline(value: unknown, options: RenderOptions): string {
  const element = asObject(value);
  switch (element?.type) {
    case 'text': {
      const style = asObject(element.style) ?? {};
      let html = plain(stringOf(element.text));
      if (style.code === true) html = `<code class="bk-code">${html}</code>`;
      if (style.strike === true) html = `<del>${html}</del>`;
      if (style.italic === true) html = `<em>${html}</em>`;
      if (style.bold === true) html = `<strong>${html}</strong>`;
      return html;
    }
    case 'link': {
      const url = stringOf(element.url);
      const shown = stringOf(element.text) || url;
      const href = safeHref(url);
      return href === null ? escapeHtml(shown) : link(href, shown);
    }
    case 'user': {
      const id = stringOf(element.user_id);
      return mention('@', options.userName?.(id) || id);
    }
    case 'channel': {
      const id = stringOf(element.channel_id);
      return mention('#', options.channelName?.(id) || id);
    }
    case 'broadcast':
      return mention('@', stringOf(element.range), true);
    case 'emoji': {
      const codes = stringOf(element.unicode)
        .split('-')
        .map((hex) => Number.parseInt(hex, 16));
      const valid =
        codes.length > 0 && codes.every((code) => Number.isInteger(code) && code > 0 && code <= 0x10ffff);
      return valid ? escapeHtml(String.fromCodePoint(...codes)) : escapeHtml(`:${stringOf(element.name)}:`);
    }
    case 'date':
      return `<time class="bk-date">${escapeHtml(stringOf(element.fallback) || 'a date')}</time>`;
    default:
      return unsupported('element', stringOf(element?.type) || '?');
  }
}

function renderRichInlines(value: unknown, options: RenderOptions): string {
  return Array.isArray(value) ? value.map((element) => renderRichInline(element, options)).join('') : '';
}

function renderRichElement(value: unknown, options: RenderOptions): string {
  const element = asObject(value);
  switch (element?.type) {
    case 'rich_text_section':
      return `<p class="bk-p">${renderRichInlines(element.elements, options)}</p>`;
    case 'rich_text_quote':
      return `<blockquote class="bk-quote">${renderRichInlines(element.elements, options)}</blockquote>`;
    case 'rich_text_preformatted':
      return `<pre class="bk-pre">${renderRichInlines(element.elements, options)}</pre>`;
    case 'rich_text_list': {
      const tag = element.style === 'ordered' ? 'ol' : 'ul';
      const items = Array.isArray(element.elements) ? element.elements : [];
      const html = items
        .map((item) => `<li>${renderRichInlines(asObject(item)?.elements, options)}</li>`)
        .join('');
      return `<${tag} class="bk-list">${html}</${tag}>`;
    }
    default:
      return unsupported('element', stringOf(element?.type) || '?');
  }
}

// ---- blocks ----

function renderBlock(value: unknown, options: RenderOptions): string {
  const block = asObject(value);
  const type = stringOf(block?.type);
  if (block === null) return unsupported('block', '?');
  const blockId = stringOf(block.block_id);
  switch (type) {
    case 'section': {
      const text =
        block.text === undefined ? '' : `<div class="bk-text">${renderText(block.text, options)}</div>`;
      const fields = Array.isArray(block.fields)
        ? `<div class="bk-fields">${block.fields.map((field) => `<div class="bk-field">${renderText(field, options)}</div>`).join('')}</div>`
        : '';
      const accessory =
        block.accessory === undefined
          ? ''
          : `<div class="bk-accessory">${renderElement(block.accessory, blockId, options)}</div>`;
      return `<div class="bk-block bk-section"><div class="bk-section-body">${text}${fields}</div>${accessory}</div>`;
    }
    case 'header':
      return `<h3 class="bk-block bk-header">${plain(stringOf(asObject(block.text)?.text))}</h3>`;
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      const html = elements
        .map((value) => {
          const element = asObject(value);
          if (element?.type === 'image') return renderImage(element, 'bk-context-image');
          if (element?.type === 'mrkdwn' || element?.type === 'plain_text') {
            return `<span class="bk-context-text">${renderText(element, options)}</span>`;
          }
          return unsupported('element', stringOf(element?.type) || '?');
        })
        .join('');
      return `<div class="bk-block bk-context">${html}</div>`;
    }
    case 'divider':
      return '<hr class="bk-block bk-divider">';
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      const html = elements.map((element) => renderElement(element, blockId, options)).join('');
      return `<div class="bk-block bk-actions" role="group">${html}</div>`;
    }
    case 'image': {
      const title = stringOf(asObject(block.title)?.text);
      const caption = title === '' ? '' : `<figcaption>${escapeHtml(title)}</figcaption>`;
      return `<figure class="bk-block bk-image">${renderImage(block, 'bk-image-img')}${caption}</figure>`;
    }
    case 'context_actions':
      return renderContextActions(block, blockId, options.interactive !== false);
    case 'input':
      return renderInput(block, blockId);
    case 'rich_text': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      return `<div class="bk-block bk-rich-text">${elements.map((element) => renderRichElement(element, options)).join('')}</div>`;
    }
    default:
      return unsupported('block', type || '?');
  }
}

/** Renders a message's or view's blocks as HTML; a block type it does not know shows as `[unsupported block: type]`. */
export function renderBlocks(blocks: unknown, options: RenderOptions = {}): string {
  if (!Array.isArray(blocks)) return unsupported('block', 'not a list of blocks');
  return blocks.map((block) => renderBlock(block, options)).join('');
}
