import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseUrl } from '../../src/content/url-key.ts';
import { foldText, tagKey } from '../../src/search/normalize.ts';
import { parseQuery } from '../../src/search/query.ts';

describe('normaliseUrl', () => {
  const same: Array<[string, string]> = [
    [
      'http://lamport.azurewebsites.net/pubs/paxos-simple.pdf',
      'https://lamport.azurewebsites.net/pubs/paxos-simple.pdf',
    ],
    ['https://www.example.com/a/', 'https://example.com/a'],
    ['https://example.com/a#part', 'https://example.com/a'],
    ['https://example.com/a?utm_source=x&id=2', 'https://example.com/a?id=2'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['HTTPS://EXAMPLE.com/a', 'https://example.com/a'],
  ];
  for (const [a, b] of same) it(`${a} ≡ ${b}`, () => assert.equal(normaliseUrl(a), normaliseUrl(b)));

  it('keeps paths case-sensitive and distinct queries distinct', () => {
    assert.notEqual(
      normaliseUrl('https://aphyr.com/tags/Jepsen'),
      normaliseUrl('https://aphyr.com/tags/jepsen'),
    );
    assert.notEqual(
      normaliseUrl('https://youtube.com/watch?v=a'),
      normaliseUrl('https://youtube.com/watch?v=b'),
    );
  });
});

describe('folding', () => {
  it('ignores accents and case', () => assert.equal(foldText('Inés SOMBRA'), 'ines sombra'));
  it('treats spaces, hyphens and underscores in tags alike', () =>
    assert.equal(tagKey('Distributed Systems'), tagKey('distributed-systems')));
});

describe('parseQuery', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['testing distributed', ['testing', 'distributed'], []],
    ['jepsen?', ['jepsen'], []],
    ['tag:testing jepsen', ['jepsen'], ['testing']],
    ['tag:"distributed systems"', [], ['distributed systems']],
    ['talks about jepsen', ['talks', 'jepsen'], []],
    ['what is the', ['what', 'is', 'the'], []],
    ['  <!channel> hello  ', ['channel', 'hello'], []],
  ];
  for (const [input, words, tags] of cases) {
    it(`parses ${JSON.stringify(input)}`, () => {
      const parsed = parseQuery(input);
      assert.deepEqual(parsed.words, words);
      assert.deepEqual(parsed.tags, tags);
      assert.equal(parsed.raw, input.trim());
    });
  }
});
