import { type Field, field } from './fields.ts';
import { foldText } from './normalize.ts';
import { type SearchRecord, separator } from './records.ts';
import { nonAscii } from './terms.ts';

/** Characters of context around a query word that the scorer reads. */
const snippetChars = 100;

/**
 * The record as the scorer (fuse.js) should read it for one query, folded (lower case, accents
 * stripped) as the query is. fuse.js scans every field it is given once per query word, so it is given
 * only what can hold the words: the fields the index found a query word in (`fieldBits`, one bit per
 * field in index order), of a list field (tags, headings, sections, the titles of the posts citing a
 * resource) the parts holding a word, and of a long context the parts around the words. With `typos`
 * (words the index matched only with typos forgiven) list fields are kept whole: a typo is not found
 * by its letters. Folded here once, a field is not folded again by fuse.js for each word.
 */
export function scorerView(
  record: SearchRecord,
  fieldBits: number,
  words: readonly string[],
  typos: boolean,
): SearchRecord {
  const heads = typos ? null : words.map(wordHead);
  const kept = (name: Field, text: () => string, list: boolean): string => {
    if ((fieldBits & (1 << field[name])) === 0) return '';
    const folded = foldForScorer(text());
    return list && heads ? partsHolding(folded, heads) : folded;
  };
  const view = {
    id: record.id,
    title: kept('title', () => record.title, false),
    section: kept('section', () => record.section, true),
    description: kept('description', () => record.description, false),
    tags: kept('tags', () => record.tags, true),
    citedTags: kept('citedTags', () => record.citedTags, true),
    headings: kept('headings', () => record.headings, true),
    postTitles: kept('postTitles', () => record.postTitles, true),
    context: kept('context', () => contextAround(foldForScorer(record.context), words), false),
  };
  return record.kind === 'post'
    ? { ...view, kind: 'post', target: record.target }
    : { ...view, kind: 'resource', target: record.target };
}

/** A text as the scorer compares it: folded as the query is. */
export function foldForScorer(text: string): string {
  return nonAscii.test(text) ? foldText(text) : text.toLowerCase();
}

/** The letters a word and its other forms share: up to the stem's length ("simulations" is found at "simulation"). */
function wordHead(word: string): string {
  return word.slice(0, Math.max(4, word.length - 3));
}

/** The parts of a joined list field holding one of the words, or the whole field when none does. */
function partsHolding(folded: string, heads: readonly string[]): string {
  const parts = folded.split(separator);
  if (parts.length === 1) return folded;
  const holding = parts.filter((part) => heads.some((head) => part.includes(head)));
  return holding.length === 0 || holding.length === parts.length ? folded : holding.join(separator);
}

/** A folded context cut to the parts around the query's words, when it is long. */
function contextAround(context: string, words: readonly string[]): string {
  if (context.length <= snippetChars * 2) return context;
  const parts: string[] = [];
  for (const word of words) {
    const at = context.indexOf(wordHead(word));
    if (at === -1) continue;
    const from = Math.max(0, at - snippetChars / 2);
    parts.push(context.slice(from, from + snippetChars));
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(separator) : context.slice(0, snippetChars);
}
