import { buttonValueObject, isOffset } from './button-value.ts';
import { LIMITS } from './limits.ts';

/** The action ids the renderers put on buttons, for listeners to register against. */
export const ACTION_IDS = {
  /** Post an ephemeral answer in the channel for everyone; value is an answer ref. */
  share: 'talk_share',
  /** Show the next page of an answer; value is an answer ref. */
  more: 'talk_more',
  /** List every resource of one talk; value is the post's `id` (its path on the site). */
  postResources: 'tip_more',
  /** The page of a talk's resources before this one (ids are unique in a block); value as for `postResources`. */
  postResourcesBack: 'tip_more_back',
  /** Show the page before; value is an answer ref. */
  previous: 'talk_previous',
  /** Run a "did you mean" suggestion; value is an answer ref. Each button adds `_<n>`: ids are unique in a block. */
  suggestion: 'talk_suggestion',
} as const;

/** Every suggestion button's action id, for a listener to match them all. */
export const suggestionActionIds = /^talk_suggestion_\d+$/;

/** The action id of the `index`-th suggestion button of an answer. */
export function suggestionActionId(index: number): string {
  return `${ACTION_IDS.suggestion}_${index}`;
}

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
  const parsed = buttonValueObject(value);
  if (parsed === null) return null;
  const { q, o } = parsed;
  if (Object.keys(parsed).length !== 2 || typeof q !== 'string' || !isOffset(o)) return null;
  return { query: q, offset: o };
}

/** JSON with `<`, `>`, `&` and `@` as `\u` escapes, so a query like `<!channel>` never appears literally in a payload. */
function serialise(query: string, offset: number): string {
  return JSON.stringify({ q: query, o: offset }).replace(
    /[<>&@]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Which links of one talk a More from this talk button shows: the post's slug and the first link's index. */
export interface PostPageRef {
  /** The post's `id` (its path on the site); a slug on buttons posted before posts had ids. */
  readonly post: string;
  readonly offset: number;
}

/**
 * Encodes a page of a talk's links as `{"s":…,"o":…}`; the first page is the post's bare id, as the
 * buttons of messages posted before paging existed carry a bare slug.
 */
export function encodePostPage(ref: PostPageRef): string {
  const offset = Number.isSafeInteger(ref.offset) && ref.offset > 0 ? ref.offset : 0;
  if (offset === 0) return ref.post;
  return JSON.stringify({ s: ref.post, o: offset }).replace(
    /[<>&@]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Decodes a More from this talk button value: a bare id or slug (first page) or `{"s":…,"o":…}`; null if neither. */
export function decodePostPage(value: unknown): PostPageRef | null {
  if (typeof value !== 'string' || value === '' || value.length > LIMITS.buttonValue) return null;
  if (!value.startsWith('{')) return { post: value, offset: 0 };
  const { s, o } = buttonValueObject(value) ?? {};
  if (typeof s !== 'string' || !isOffset(o)) return null;
  return { post: s, offset: o };
}
