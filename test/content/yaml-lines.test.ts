import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import matter from 'gray-matter';
import { readSimpleYaml } from '../../src/content/yaml-lines.ts';

// gray-matter's YAML engine (js-yaml's safeLoad) is what the fast path must agree with.
// Its typings leave the engines out, hence the cast.
const engines = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } }).engines;
const jsYaml = (text: string) => engines.yaml.parse(text);

describe('readSimpleYaml', () => {
  it('reads simple lines as js-yaml does', () => {
    const block =
      '\ntitle: "Why Locks"\ndate: 2014-11-02T14:39:06Z\nlater: 2014-11-02T14:39:06-05:30\nday: 2026-13-45\n' +
      'tags:\n  - "talks"\n  - architecture\nkeywords: [a b, "c", \'d\']\nnone: []\nempty:\ndraft: false\n' +
      "slug: why-locks-1\nauthor: Rob O'Kafor\nweight: 10\n\n";
    const read = readSimpleYaml(block);
    assert.ok(read);
    assert.deepEqual(read, jsYaml(block));
  });

  it('leaves everything else to js-yaml', () => {
    for (const block of [
      'a: b # a comment',
      '# a comment\na: 1',
      'a: "x\\ty"',
      'a: 1\na: 2',
      'a:\n  b: 1',
      'a: x\n  continued',
      'a: "x"\r\nb: "y"',
      'a: 012',
      'a: True',
      'a: null',
      'a: [x, ]',
      'a: &anchor x',
      'a: |\n  text',
      'a:\n\t- x',
      '__proto__: x',
      'a : x',
      'a:b',
      'a: x:y',
      'a: \uFFFE',
      'tags:\n  - a\n    - b',
    ]) {
      assert.equal(readSimpleYaml(block), null, block);
    }
  });

  it('gives what js-yaml gives, or leaves the block to it, for any mix of such lines', () => {
    const key = fc.constantFrom('title', 'date', 'tags', 'a-b', 'x_1', 'constructor', 'True');
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', 'é', '"', "'", '\\', '#', ':', ',', '-', '[', '\u0085', '1', 'ß'),
    });
    const word = fc.stringMatching(/^[a-zé][a-z '.-]{0,8}$/);
    const scalar = fc.oneof(
      word,
      word.map((t) => `"${t}"`),
      text.map((t) => `"${t}"`),
      text.map((t) => `'${t}'`),
      text,
      fc.constantFrom('true', 'false', 'TRUE', 'Null', '~', '0', '10', '012', '1e3', 'yes', '2026-02-30'),
      fc
        .tuple(
          fc.integer({ min: 1990, max: 2030 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          fc.constantFrom('Z', '+02:00', '-11:30', '', 'z'),
        )
        .map(([y, m, d, zone]) => `${y}-${pad(m)}-${pad(d)}T10:59:59${zone}`),
    );
    const line = fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(key, fc.array(scalar, { maxLength: 3 })).map(([k, items]) => `${k}: [${items.join(', ')}]`),
      fc
        .tuple(key, fc.array(scalar, { maxLength: 3 }), fc.constantFrom('', '  '))
        .map(([k, items, indent]) => [`${k}:`, ...items.map((item) => `${indent}- ${item}`)].join('\n')),
      fc.constantFrom('', '  ', '# note', '  nested: x'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const block = `\n${lines.join('\n')}\n`;
        const read = readSimpleYaml(block);
        if (read === null) return;
        assert.deepEqual(read, jsYaml(block));
      }),
      { numRuns: 1000 },
    );
  });
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
