import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WordTable, wordHash, wordHashSeed, wordHashStep } from '../../src/search/word-table.ts';

/** The hash of `text.slice(start, end)` taken a character at a time, as the indexer takes it while reading. */
function rangeHash(text: string, start: number, end: number): number {
  let hash = wordHashSeed;
  for (let i = start; i < end; i++) hash = wordHashStep(hash, text.charCodeAt(i));
  return hash;
}

/** Looks a range up, filing it (lowered) with the next number when new; returns its number. */
function numberOf(table: WordTable, text: string, start: number, end: number): number {
  const hash = rangeHash(text, start, end);
  const slot = table.find(text, start, end, hash);
  if (slot >= 0) return table.valueAt(slot);
  table.add(slot, text.slice(start, end).toLowerCase(), hash, table.size);
  return table.size - 1;
}

describe('WordTable', () => {
  it('finds a word by a range of any text, its capitals read as small letters', () => {
    const table = new WordTable();
    const text = 'Deterministic simulation, DETERMINISTIC testing';
    assert.equal(numberOf(table, text, 0, 13), 0);
    assert.equal(numberOf(table, text, 14, 24), 1);
    assert.equal(numberOf(table, text, 26, 39), 0, 'the same word in capitals');
    assert.equal(numberOf(table, 'determinism', 0, 11), 2, 'a longer word sharing the beginning');
    assert.equal(numberOf(table, 'determ', 0, 6), 3, 'a shorter one');
    assert.deepEqual(
      [...table.entries()].sort((a, b) => a[1] - b[1]),
      [
        ['deterministic', 0],
        ['simulation', 1],
        ['determinism', 2],
        ['determ', 3],
      ],
    );
  });

  it('hashes a range as it hashes the lowered word', () => {
    assert.equal(rangeHash('QCon', 0, 4), wordHash('qcon'));
    assert.equal(rangeHash('x QCon y', 2, 6), wordHash('qcon'));
    assert.notEqual(wordHash('qcon'), wordHash('qcom'));
  });

  it('numbers words as a Map keyed by the lowered word does, through growth and collisions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z0-9+#']{1,12}$/), { minLength: 1, maxLength: 3000 }),
        (words) => {
          const table = new WordTable();
          const byWord = new Map<string, number>();
          const text = words.join(' ');
          let at = 0;
          for (const word of words) {
            const lowered = word.toLowerCase();
            const expected = byWord.get(lowered) ?? byWord.size;
            byWord.set(lowered, expected);
            assert.equal(numberOf(table, text, at, at + word.length), expected);
            at += word.length + 1;
          }
          assert.equal(table.size, byWord.size);
          assert.deepEqual(new Map(table.entries()), byWord);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps apart words whose hashes collide', () => {
    const table = new WordTable();
    // Filed under one forced hash: the table must still tell them apart by their letters.
    for (const [i, word] of ['ab', 'ba', 'abc', 'xy'].entries()) {
      const missing = table.find(word, 0, word.length, 7);
      assert.ok(missing < 0, `${word} is new`);
      table.add(missing, word, 7, i);
    }
    for (const [i, word] of ['ab', 'ba', 'abc', 'xy'].entries())
      assert.equal(table.valueAt(table.find(word.toUpperCase(), 0, word.length, 7)), i);
    assert.ok(table.find('zz', 0, 2, 7) < 0);
  });

  it('changes a number in place', () => {
    const table = new WordTable();
    numberOf(table, 'jepsen', 0, 6);
    const slot = table.find('Jepsen', 0, 6, wordHash('jepsen'));
    table.setValueAt(slot, 41);
    assert.equal(table.valueAt(table.find('JEPSEN', 0, 6, wordHash('jepsen'))), 41);
  });
});
