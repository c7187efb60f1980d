import { foldText } from './normalize.ts';
import { nonAscii, stemOf, termsOf } from './terms.ts';
import type { ParsedQuery, Resource } from './types.ts';

/** A run of a text that matched a query word: `text.slice(start, end)`. */
export interface Match {
  readonly start: number;
  readonly end: number;
}

const ascii = /^[\x20-\x7e]*$/;
// The words of a text with where they stand, split as the index splits them.
const word = /[^\n\r\p{Z}\p{P}]+/gu;

/** The query's words as the index compares them: folded and stemmed. */
export function queryTerms(query: Pick<ParsedQuery, 'words'>): Set<string> {
  return new Set(termsOf(query.words.join(' ')));
}

/** Where the words of `text` that match one of `terms` (folded stems) stand, in order. */
export function matchesIn(text: string, terms: ReadonlySet<string>): Match[] {
  const found: Match[] = [];
  if (terms.size === 0) return found;
  for (const m of text.matchAll(word)) {
    const folded = ascii.test(m[0]) ? m[0].toLowerCase() : foldText(m[0]);
    if (terms.has(stemOf(folded))) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * Letters that every word with this stem starts with: the stem's but its last (the Porter stemmer changes
 * only a word's end, `happy` → `happi`), at most four.
 */
function stemHead(stem: string): string {
  return stem.slice(0, Math.max(1, Math.min(4, stem.length - 1)));
}

/** Citations looked at for the context to show: enough for any real link, bounded for one cited everywhere. */
const citationsRead = 20;

/**
 * The context to show beside a resource found by `terms`: the citation context holding most of the
 * query's words, else the first citation's context that is not empty; null when no citation has one.
 */
export function contextFor(resource: Resource, terms: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  const { citations } = resource;
  const heads = [...terms].map(stemHead);
  for (let i = 0; i < citations.length && i < citationsRead; i++) {
    for (const { context } of citations[i]?.links ?? []) {
      if (context === '') continue;
      best ??= context;
      // Most contexts hold none of the words: a look for the stems' first letters spares them the split.
      const lower = nonAscii.test(context) ? foldText(context) : context.toLowerCase();
      if (!heads.some((head) => lower.includes(head))) continue;
      const words = new Set(matchesIn(context, terms).map((m) => foldText(context.slice(m.start, m.end))));
      if (words.size > bestCount) {
        best = context;
        bestCount = words.size;
      }
    }
  }
  return best;
}
