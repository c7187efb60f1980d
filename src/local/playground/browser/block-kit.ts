// Block Kit → HTML for the playground, in one place: pure functions of JSON to an HTML string, so the same module
// runs in the page and in Node tests. Every piece of text goes through `escapeHtml`; links only ever get http(s).

import { renderContextActions, renderInput } from './block-kit-inputs.ts';
import {
  asObject,
  escapeHtml,
  type Json,
  link,
  mention,
  type RenderOptions,
  safeHref,
  stringOf,
} from './html.ts';
import { renderMrkdwn } from './mrkdwn.ts';

export { escapeHtml, type RenderOptions, renderMrkdwn, safeHref };

function unsupported(kind: 'block' | 'element', type: string): string {
  return `<div class="bk-unsupported">[unsupported ${kind}: ${escapeHtml(type)}]</div>`;
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
