import type { GeneratedSite } from './generate.ts';
import { Random } from './random.ts';

/** The kinds of query in the mix, in equal shares. */
export const queryKinds = ['word', 'words', 'typo', 'tag', 'nonsense'] as const;
export type QueryKind = (typeof queryKinds)[number];

/** One query of the mix. */
export interface BenchQuery {
  readonly kind: QueryKind;
  readonly text: string;
}

/**
 * A fixed mix of queries built from the first hundred posts of a site, so that every size gets the
 * same queries: single words, several words, typos, tags (alone and with a word) and nonsense.
 */
export function buildQueries(site: GeneratedSite, count = 220, seed = 7): BenchQuery[] {
  const random = new Random(seed);
  const titles = site.titles.slice(0, 100);
  const tags = site.tags.slice(0, 60);
  const word = () => site.vocabulary.drawContent(random);
  const makers: Record<QueryKind, () => string> = {
    word,
    words: () => {
      if (titles.length === 0 || random.chance(0.3)) return `${word()} ${word()}`;
      const parts = random
        .pick(titles)
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
      const start = random.int(0, Math.max(0, parts.length - 2));
      return parts.slice(start, start + random.int(2, 3)).join(' ');
    },
    typo: () => typo(random, longWord(word)),
    tag: () => {
      const tag = random.pick(tags);
      const filter = tag.includes(' ') ? `tag:"${tag}"` : `tag:${tag}`;
      return random.chance(0.5) ? filter : `${filter} ${word()}`;
    },
    nonsense: () =>
      Array.from({ length: random.int(1, 2) }, () =>
        Array.from({ length: random.int(5, 9) }, () => String.fromCharCode(97 + random.int(0, 25))).join(''),
      ).join(' '),
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = queryKinds[i % queryKinds.length] as QueryKind;
    return { kind, text: makers[kind]() };
  });
}

function longWord(word: () => string): string {
  for (let i = 0; i < 50; i++) {
    const candidate = word();
    if (candidate.length >= 5) return candidate;
  }
  return 'consensus';
}

/** One edit a hurried typist makes: a letter swapped with the next, dropped, doubled or replaced. */
function typo(random: Random, word: string): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + (word[at] ?? '') + word.slice(at);
    default:
      return word.slice(0, at) + String.fromCharCode(97 + random.int(0, 25)) + word.slice(at + 1);
  }
}

/** A fixed, evenly spread subset (every kind represented), for the slow recipe at large sizes. */
export function subsetOf<T>(items: readonly T[], size: number): T[] {
  if (size >= items.length) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)] as T);
}
