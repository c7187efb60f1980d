import type { ParsedQuery } from './types.ts';

/** Longest query accepted: longer text is a paste, not a question, and would only slow every search. */
export const maxQueryLength = 200;

/** A query that cannot be run, with a message to show the person who typed it. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

// Words that carry no meaning in a question to the bot; without them "talks about jepsen" finds Jepsen.
const stopWords = new Set(
  'a an and any are about for from how i in is it me of on or show the to what where which who why with'.split(
    ' ',
  ),
);

const tagToken = /\btags?:(?:"([^"]*)"|'([^']*)'|(\S+))/gi;
const quoted = /["“”]([^"“”]+)["“”]/g;

/** The query text that filters by one tag: `tag:testing`, `tag:"distributed systems"`. */
export function tagFilter(tag: string): string {
  if (!/\s/.test(tag)) return `tag:${tag}`;
  return tag.includes('"') ? `tag:'${tag}'` : `tag:"${tag}"`;
}

/** Parses what a user typed: free words plus `tag:name` (or `tag:"two words"`) filters. */
export function parseQuery(input: string): ParsedQuery {
  const raw = input.trim();
  if (raw.length > maxQueryLength) {
    throw new QueryError(
      `That query is ${raw.length} characters long: the limit is ${maxQueryLength}. Keep the words that matter.`,
    );
  }
  const tags: string[] = [];
  const rest = raw.replace(tagToken, (_all, dq, sq, bare) => {
    const tag = String(dq ?? sq ?? bare ?? '').trim();
    if (tag) tags.push(tag);
    return ' ';
  });
  const phrases: string[] = [];
  for (const [, phrase = ''] of rest.matchAll(quoted)) {
    // One quoted word is just that word; only two or more words make a phrase to hold together.
    if (phrase.trim().includes(' ')) phrases.push(phrase.trim());
  }
  const allWords = rest
    .split(/[^\p{L}\p{N}'’._+#-]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, ''))
    .filter(Boolean);
  const meaningful = allWords.filter((w) => !stopWords.has(w.toLowerCase()));
  return { raw, words: meaningful.length ? meaningful : allWords, tags, phrases };
}
