import { truncatePlain } from './truncate.ts';

/** Slack user or bot ids as Slack sends them: `U…` for users, `W…` for Enterprise Grid users. */
const USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/** Longest link label we print; a longer one is cut so one link cannot eat a whole section. */
const MAX_LABEL = 300;
/** Longest URL we link; anything longer is not a real citation and would crowd out the rest of the message. */
const MAX_URL = 2_000;

// A zero-width joiner between `@` and the keyword keeps the text readable and stops Slack seeing a broadcast.
const BROADCAST = /@(channel|here|everyone)/gi;

/** Escapes text for mrkdwn so it can never form a link, mention or broadcast: `&`, `<`, `>` as entities, `@here` defused. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, '@\u200d$1');
}

/** Returns the URL with the characters that could end a mrkdwn link percent-encoded, or null unless it is http(s). */
export function safeHttpUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^/?#\s]/i.test(trimmed) || !URL.canParse(trimmed)) return null;
  const parsed = new URL(trimmed);
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return null;
  // Encode only what breaks Slack's `<url|label>` syntax or the line; the rest stays as written so links still match.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be encoded
  const safe = trimmed.replace(/[\s<>|"\u0000-\u001f\u007f]/gu, (char) => encodeURIComponent(char));
  return safe.length <= MAX_URL ? safe : null;
}

/** Builds a mrkdwn link `<url|label>` with the label escaped; a URL that is not http(s) gives the escaped label alone. */
export function mrkdwnLink(url: string, label: string): string {
  const folded = label.replace(/\s+/g, ' ').trim();
  const safeUrl = safeHttpUrl(url);
  const shown = folded === '' ? url.replace(/\s+/g, ' ').trim() : folded;
  // `|` would end the URL part early and `>` the link; Slack has no escape for `|`, so a look-alike stands in.
  const text = escapeMrkdwn(truncatePlain(shown, MAX_LABEL)).replace(/\|/g, '\u2223');
  if (safeUrl === null) return text;
  return `<${safeUrl.replace(/&/g, '&amp;')}|${text === '' ? 'link' : text}>`;
}

/** Returns `<@U…>` for a well-formed Slack user id, or null so a forged id never reaches a message. */
export function userMention(userId: string): string | null {
  return USER_ID.test(userId) ? `<@${userId}>` : null;
}

// The only angle tokens a rendered message may hold: http(s) links, user mentions and dates.
const LINK_TOKEN = /^<(https?:\/\/[^\s<>|]+)(?:\|([^<>]*))?>$/i;
const MENTION_TOKEN = /^<@[UW][A-Z0-9]{2,30}>$/;
const DATE_TOKEN = /^<!date\^\d{1,12}\^[^<>|^]+\|[^<>]+>$/;
const TOKEN_OR_CONTROL = /<[^<>]*>|[<>]|&(?!(?:amp|lt|gt);)/g;

/** Repairs mrkdwn so only http(s) links, user mentions and dates stay live; anything else is escaped to show as text. */
export function defuseMrkdwn(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN_OR_CONTROL)) {
    out += defuseBroadcasts(text.slice(last, match.index));
    out += defuseToken(match[0]);
    last = match.index + match[0].length;
  }
  return out + defuseBroadcasts(text.slice(last));
}

function defuseToken(token: string): string {
  if (MENTION_TOKEN.test(token) || DATE_TOKEN.test(token)) return token;
  const link = LINK_TOKEN.exec(token);
  if (link === null) return escapeMrkdwn(token);
  const [, url, label] = link;
  return label === undefined ? token : `<${url}|${defuseBroadcasts(label)}>`;
}

function defuseBroadcasts(text: string): string {
  return text.replace(BROADCAST, '@\u200d$1');
}
