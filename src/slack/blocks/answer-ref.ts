import { LIMITS } from './limits.ts';

/** The action ids the renderers put on buttons, for listeners to register against. */
export const ACTION_IDS = {
  /** Post an ephemeral answer in the channel for everyone; value is an answer ref. */
  share: 'talk_share',
  /** Show the next page of an answer; value is an answer ref. */
  more: 'talk_more',
  /** List every resource of one talk; value is the post's `id` (its path on the site). */
  postResources: 'tip_more',
} as const;

/** What a button needs to reproduce one page of an answer: the query as typed and the first hit's offset. */
export interface AnswerRef {
  readonly query: string;
  readonly offset: number;
}

/** Encodes an answer ref as the button value `{"q":…,"o":…}`, cutting a very long query so the value stays within Slack's limit. */
export function encodeAnswerRef(ref: AnswerRef): string {
  const offset = Number.isSafeInteger(ref.offset) && ref.offset > 0 ? ref.offset : 0;
  const chars = Array.from(ref.query);
  const encode = (length: number): string => serialise(chars.slice(0, length).join(''), offset);
  if (encode(chars.length).length <= LIMITS.buttonValue) return encode(chars.length);
  // Cutting whole code points keeps the query valid UTF-16; the longest prefix that fits is found by halving.
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (encode(mid).length <= LIMITS.buttonValue) low = mid;
    else high = mid - 1;
  }
  return encode(low);
}

/** Decodes a button value made by `encodeAnswerRef`; anything else, however malformed, gives null. */
export function decodeAnswerRef(value: unknown): AnswerRef | null {
  if (typeof value !== 'string' || value.length > LIMITS.buttonValue) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { q, o } = parsed as Record<string, unknown>;
  if (Object.keys(parsed).length !== 2 || typeof q !== 'string') return null;
  if (typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0) return null;
  return { query: q, offset: o };
}

/** JSON with `<`, `>`, `&` and `@` as `\u` escapes, so a query like `<!channel>` never appears literally in a payload. */
function serialise(query: string, offset: number): string {
  return JSON.stringify({ q: query, o: offset }).replace(
    /[<>&@]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
