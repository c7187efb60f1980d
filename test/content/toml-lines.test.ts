import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import toml from 'toml';
import { readSimpleToml } from '../../src/content/toml-lines.ts';

// What the fast path reads must be exactly what the toml package gives; anything else is left to it.
describe('readSimpleToml', () => {
  it('reads simple lines as the toml package does', () => {
    const block =
      '\ntitle = "Why Locks"\ndate = 2015-02-05T05:26:08Z\nlater = 2015-02-05T05:26:08+02:00\n' +
      'tags = ["a b", "c"]\nnone = []\ndraft = false\nweight = 10\n  indented="x"\n\n';
    const read = readSimpleToml(block);
    assert.ok(read);
    assert.deepEqual(read, toml.parse(block));
    assert.equal(Object.getPrototypeOf(read), null);
  });

  it('leaves everything else to the toml package', () => {
    for (const block of [
      'a = "x" # a comment',
      '# a comment\na = 1',
      'a = "tab\\there"',
      'a = 1\na = 2',
      '[params]\na = 1',
      'a.b = 1',
      'a = "x"\r\nb = "y"',
      'a = 007',
      'a = -1',
      'a = 1.5',
      'a = ["x",]',
      'a = [1, 2]',
      "a = 'literal'",
      'a = 2015-13-05T05:26:08Z',
      'a = 2015-02-29T05:26:08Z',
      'a = 2015-02-05T24:00:00Z',
      'a = 2015-02-05',
      'a = 2015-02-05T05:26:08.5Z',
      '"quoted" = 1',
      'a = """x"""',
    ]) {
      assert.equal(readSimpleToml(block), null, block);
    }
  });

  it('gives what the toml package gives, or leaves the block to it, for any mix of such lines', () => {
    const key = fc.constantFrom('title', 'date', 'tags', 'a-b', 'x_1', '1', '__proto__', 'constructor');
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', 'é', '"', '\\', '\t', '#', '\u0085', '\u0001', 'ß'),
    });
    const value = fc.oneof(
      text.map((t) => `"${t}"`),
      fc.constantFrom('true', 'false', 'True', '0', '10', '007', '-1', '[]', '[ ]', '9007199254740993'),
      fc.array(text, { maxLength: 3 }).map((items) => `[${items.map((t) => `"${t}"`).join(', ')}]`),
      fc
        .tuple(
          fc.integer({ min: 1990, max: 2030 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          fc.integer({ min: 0, max: 25 }),
          fc.constantFrom('Z', '+02:00', '-11:30', '+24:00', 'z', ''),
        )
        .map(([y, m, d, h, zone]) => `${y}-${pad(m)}-${pad(d)}T${pad(h)}:59:59${zone}`),
    );
    const line = fc.oneof(
      fc.tuple(key, fc.constantFrom(' = ', '=', ' =\t'), value).map(([k, eq, v]) => `${k}${eq}${v}`),
      fc.constantFrom('', '  ', '# note', '[table]'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const block = `\n${lines.join('\n')}\n`;
        const read = readSimpleToml(block);
        if (read === null) return;
        assert.deepEqual(read, toml.parse(block));
      }),
      { numRuns: 500 },
    );
  });
});

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
