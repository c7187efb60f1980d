import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TermIndexBuilder } from '../../src/search/term-index-builder.ts';
import { termsOf } from '../../src/search/terms.ts';

/**
 * Checks that a builder's term ids split the texts as `termsOf` (the general split and fold) does:
 * as many ids as terms, and one id for each stem, across all the texts.
 */
function assertSplitsAsTermsOf(texts: readonly string[]): void {
  const builder = new TermIndexBuilder(1);
  const idOfStem = new Map<string, number>();
  const stemOfId = new Map<number, string>();
  for (const text of texts) {
    const ids = builder.idsOf(text);
    const stems = termsOf(text);
    assert.equal(ids.length, stems.length, `word count of ${JSON.stringify(text)}`);
    stems.forEach((stem, i) => {
      const id = ids[i] as number;
      assert.equal(idOfStem.get(stem) ?? id, id, `${stem} has one id`);
      assert.equal(stemOfId.get(id) ?? stem, stem, `id ${id} is one stem`);
      idOfStem.set(stem, id);
      stemOfId.set(id, stem);
    });
  }
}

// ASCII words and breaks, the breaks beyond ASCII that keep a text on the fast path, and letters that do not.
const pieces = [
  'Simulation',
  'simulations',
  'QCon',
  'k8s',
  'c++',
  'C#',
  "don't",
  '2017',
  ' ',
  ', ',
  '\n',
  ' · ',
  '’s',
  ' — ',
  '\u00a0',
  '…',
  '“quoted”',
  'Café',
  'naïve',
  'Straße',
  'Ωmega',
  '東京',
  '😀',
];

describe('TermIndexBuilder', () => {
  it('splits and folds a text as termsOf does, on its fast path and off it', () => {
    assertSplitsAsTermsOf([
      'Deterministic Simulation Testing',
      'QCon NY 2017 · slides',
      'Will Wilson’s Strange Loop presentation — the video',
      'Café talks: naïve testing',
      'simulation SIMULATIONS café CAFE',
    ]);
  });

  it('agrees with termsOf on any mix of words, breaks and accented letters', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join('')),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (texts) => assertSplitsAsTermsOf(texts),
      ),
      { numRuns: 200 },
    );
  });
});
