import { stemmer } from 'stemmer';
import { foldText } from './normalize.ts';

// MiniSearch's split: white space and punctuation end a word (symbols such as `+` and `#` do not).
const wordBreak = /[\n\r\p{Z}\p{P}]+/u;
/** Any character outside ASCII: such a text is split and folded the slow, general way. */
export const nonAscii = /[^\p{ASCII}]/u;

/** The folded words of a text: lower case, accents stripped. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(wordBreak)) {
    if (!token) continue;
    const folded = nonAscii.test(token) ? foldText(token) : token.toLowerCase();
    if (folded) words.push(folded);
  }
  return words;
}

/** The folded, stemmed words of a text, as the index matches them: `Simulations` → `simul`. */
export function termsOf(text: string): string[] {
  return wordsOf(text).map(stemOf);
}

// Stems by folded word: a site's words repeat (Zipf), and stemming each occurrence would cost more than indexing it.
const stems = new Map<string, string>();
/** Words remembered before the map starts afresh, so that reloads of an ever-changing site cannot grow it without end. */
const stemsKept = 500_000;

/** The English stem of a folded word (`simulations` → `simul`), as the Porter stemmer gives it. */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    // Only words of letters are stemmed: `k8s`, `2017` and `c++` stay as written.
    stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size >= stemsKept) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/**
 * Which characters below U+3000 end a word (1) or not (0), read off `wordBreak` itself so that the two
 * never disagree: a text whose only characters beyond ASCII are breaks (`·`, `’`, `—`, a no-break
 * space) splits as an ASCII text does.
 */
export const charBreak = Uint8Array.from({ length: 0x3000 }, (_, c) =>
  wordBreak.test(String.fromCharCode(c)) ? 1 : 0,
);
