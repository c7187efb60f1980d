import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrontMatterError, parseFrontMatter } from '../../src/content/front-matter.ts';

// The front matter is split from the body by talkbot itself, as gray-matter split it before.
describe('parseFrontMatter splits fences as gray-matter did', () => {
  const cases: Array<[string, string, Record<string, unknown>, string, number]> = [
    ['a block of only comments', '---\n# a comment\n---\nbody', {}, 'body', 4],
    ['an empty block', '+++\n+++\nbody', {}, 'body', 3],
    ['a YAML null', '---\n~\n---\nbody', {}, 'body', 4],
    ['white space after the fences', '---  \ntitle: T\n---  \nbody', { title: 'T' }, '  \nbody', 3],
    [
      'a longer fence line inside',
      '---\ntitle: T\n----\nx: 1\n---\nbody',
      { title: 'T' },
      '-\nx: 1\n---\nbody',
      3,
    ],
    ['blank lines after the fence', '+++\ntitle = "T"\n+++\r\n\r\nbody', { title: 'T' }, '\r\nbody', 4],
    ['nothing after the closing fence', '---\ntitle: T\n---', { title: 'T' }, '', 3],
  ];
  for (const [name, source, data, body, bodyLine] of cases) {
    it(`reads ${name}`, () => {
      const parsed = parseFrontMatter(source);
      assert.deepEqual({ ...parsed.data }, data);
      assert.deepEqual([parsed.body, parsed.bodyLine], [body, bodyLine]);
    });
  }

  it('refuses a block that is a list or a scalar, not a table of fields', () => {
    for (const source of ['---\n- a\n---\n', '---\n42\n---\nx']) {
      assert.throws(
        () => parseFrontMatter(source),
        (error: unknown) => error instanceof FrontMatterError && error.line === 2,
      );
    }
  });

  it('reports a YAML syntax error on its file line', () => {
    assert.throws(
      () => parseFrontMatter('---\ntitle: T\ntags: [a\n---\nbody'),
      (error: unknown) => error instanceof FrontMatterError && /invalid YAML/.test(error.message),
    );
  });
});
