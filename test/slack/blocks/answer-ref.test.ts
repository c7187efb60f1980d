import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeAnswerRef, encodeAnswerRef } from '../../../src/slack/blocks/answer-ref.ts';
import { LIMITS } from '../../../src/slack/blocks/limits.ts';
import { isWellFormed } from './fixtures.ts';

describe('encodeAnswerRef and decodeAnswerRef', () => {
  it('round-trip a query and offset', () => {
    for (const ref of [
      { query: 'testing distributed', offset: 0 },
      { query: 'tag:testing jepsen', offset: 15 },
      { query: '<!channel> @here "quotes" \\ & 😀 Inés', offset: 3 },
      { query: '', offset: 0 },
    ]) {
      assert.deepEqual(decodeAnswerRef(encodeAnswerRef(ref)), ref);
    }
  });

  it('encodes as {"q":…,"o":…}', () => {
    assert.equal(encodeAnswerRef({ query: 'jepsen', offset: 5 }), '{"q":"jepsen","o":5}');
  });

  it('never holds <, >, & or @ literally', () => {
    const value = encodeAnswerRef({ query: '<!channel> & @here', offset: 0 });
    assert.doesNotMatch(value, /[<>&@]/);
  });

  it('cuts a huge query to fit a button value, whole code points only', () => {
    const value = encodeAnswerRef({ query: '😀<'.repeat(5_000), offset: 7 });
    assert.ok(value.length <= LIMITS.buttonValue);
    const ref = decodeAnswerRef(value);
    assert.ok(ref !== null);
    assert.equal(ref.offset, 7);
    assert.ok(isWellFormed(ref.query));
    assert.ok(ref.query.length > 100);
  });

  it('rejects garbage without throwing', () => {
    for (const value of [
      undefined,
      null,
      42,
      '',
      'jepsen',
      '{',
      'null',
      '[]',
      '"q"',
      '{"q":"x"}',
      '{"o":1}',
      '{"q":1,"o":1}',
      '{"q":"x","o":-1}',
      '{"q":"x","o":1.5}',
      '{"q":"x","o":"1"}',
      '{"q":"x","o":1e300}',
      '{"q":"x","o":1,"extra":true}',
      `{"q":"${'x'.repeat(3_000)}","o":1}`,
      { q: 'x', o: 1 },
    ]) {
      assert.equal(decodeAnswerRef(value), null, String(value));
    }
  });
});
