// HTML building blocks shared by the mrkdwn and Block Kit renderers: escaping, safe links, mentions.

/** How mentions are named and whether buttons can be pressed. */
export interface RenderOptions {
  /** A user's display name for `<@U…>`; the id is shown when this gives nothing. */
  readonly userName?: (userId: string) => string | undefined;
  /** A channel's name for `<#C…>`; the id is shown when this gives nothing. */
  readonly channelName?: (channelId: string) => string | undefined;
  /** False renders buttons disabled (the Home tab's, which the playground cannot deliver). @default true */
  readonly interactive?: boolean;
}

/** A JSON object as the blocks hold it. */
export type Json = Readonly<Record<string, unknown>>;

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
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** The value as a JSON object, or null. */
export function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

/** The value if it is a string, else ''. */
export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An http(s) link that opens in a new tab. */
export function link(href: string, label: string): string {
  return `<a class="bk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}

/** A `@user` or `#channel` mention; a broadcast (`@here`) stands out. */
export function mention(prefix: '@' | '#', name: string, broadcast = false): string {
  return `<span class="bk-mention${broadcast ? ' bk-broadcast' : ''}">${prefix}${escapeHtml(name)}</span>`;
}
