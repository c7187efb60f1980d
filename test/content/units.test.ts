import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrontMatterError, parseFrontMatter } from '../../src/content/front-matter.ts';
import { DateError, permalinkPath, readHugoDate } from '../../src/content/hugo.ts';
import { classifyLink } from '../../src/content/kind.ts';
import { outlineMarkdown } from '../../src/content/markdown.ts';
import { expandRefShortcodes } from '../../src/content/shortcodes.ts';
import type { ResourceKind } from '../../src/content/types.ts';

describe('parseFrontMatter', () => {
  const cases: Array<[string, string, Record<string, unknown>, number]> = [
    ['TOML', '+++\ntitle = "T"\n+++\nbody', { title: 'T' }, 4],
    ['YAML', '---\ntitle: T\n---\nbody', { title: 'T' }, 4],
    ['JSON', '{\n  "title": "T"\n}\nbody', { title: 'T' }, 4],
    ['none', 'just a body', {}, 1],
    ['a byte-order mark', '\uFEFF+++\ntitle = "T"\n+++\nbody', { title: 'T' }, 4],
    ['CRLF line ends', '---\r\ntitle: T\r\n---\r\nbody', { title: 'T' }, 4],
  ];
  for (const [name, source, data, bodyLine] of cases) {
    it(`reads ${name} front matter and says where the body starts`, () => {
      const parsed = parseFrontMatter(source);
      assert.deepEqual({ ...parsed.data }, data);
      assert.equal(parsed.bodyLine, bodyLine);
      assert.equal(parsed.body.trim(), name === 'none' ? 'just a body' : 'body');
    });
  }

  const broken: Array<[string, string, number | null, RegExp]> = [
    ['bad TOML', '+++\ntitle = "T\n+++\n', 2, /invalid TOML/],
    ['bad YAML', '---\ntitle: [a\n---\n', 3, /invalid YAML/],
    ['bad JSON', '{\n  "title": \n}\n', null, /invalid JSON/],
    ['an unclosed fence', '---\ntitle: T\n', 1, /never closed/],
    ['a fence with text after it', '+++ title = "x"\n+++\n', 1, /stand alone/],
    ['a list instead of fields', '---\n- a\n- b\n---\n', 2, /table of fields/],
  ];
  for (const [name, source, line, message] of broken) {
    it(`rejects ${name} with a line and a reason`, () => {
      assert.throws(
        () => parseFrontMatter(source),
        (e: unknown) => e instanceof FrontMatterError && e.line === line && message.test(e.message),
      );
    });
  }
});

describe('readHugoDate', () => {
  const cases: Array<[unknown, string | null]> = [
    ['2016-10-06T10:20:46-05:00', '2016-10-06T15:20:46.000Z'],
    ['2016-10-06', '2016-10-06T00:00:00.000Z'],
    ['2016-10-06 10:20', '2016-10-06T10:20:00.000Z'],
    ['2016-10-06T10:20:46+0100', '2016-10-06T09:20:46.000Z'],
    [new Date('2020-01-01T00:00:00Z'), '2020-01-01T00:00:00.000Z'],
    [undefined, null],
    ['', null],
  ];
  for (const [value, iso] of cases) {
    it(`reads ${JSON.stringify(value)}`, () => {
      assert.equal(readHugoDate(value, 'date')?.toISOString() ?? null, iso);
    });
  }
  for (const bad of ['yesterday', '2016-13-45', 42]) {
    it(`refuses ${JSON.stringify(bad)}, naming the field`, () => {
      assert.throws(
        () => readHugoDate(bad, 'publishDate'),
        (e: unknown) => e instanceof DateError && /publishDate/.test(e.message),
      );
    });
  }
});

describe('permalinkPath', () => {
  it('follows Hugo: folders, then slug, lower case, trailing slash; `url` wins', () => {
    assert.equal(permalinkPath('posts/My Talk.md', 'My Talk', null), '/posts/my-talk/');
    assert.equal(permalinkPath('posts/bundle/index.md', 'bundle', null), '/posts/bundle/');
    assert.equal(permalinkPath('about.md', 'about', null), '/about/');
    assert.equal(permalinkPath('posts/x.md', 'x', '/talks/special'), '/talks/special/');
  });
});

describe('classifyLink', () => {
  const cases: Array<[string, string, ResourceKind]> = [
    ['https://twitter.com/aphyr', "Kyle Kingsbury's twitter", 'profile'],
    ['https://github.com/jepsen-io', 'Jepsen on GitHub', 'profile'],
    ['https://github.com/jepsen-io/jepsen/blob/main/README.md', 'README', 'article'],
    ['https://www.youtube.com/watch?v=x', 'A talk', 'video'],
    ['https://www.infoq.com/presentations/x', 'A talk', 'video'],
    ['https://speakerdeck.com/a/b', 'Slides', 'slides'],
    ['http://example.com/paper.pdf', 'A paper', 'paper'],
    ['https://arxiv.org/abs/1234', 'Preprint', 'paper'],
    ['https://aphyr.com/tags/Jepsen', 'Jepsen', 'article'],
    ['http://principlesofchaos.org', 'Principles of Chaos Engineering', 'other'],
  ];
  for (const [url, title, kind] of cases) {
    it(`${url} is ${kind}`, () => assert.equal(classifyLink(url, title), kind));
  }
});

describe('outlineMarkdown', () => {
  it('folds link text that spans lines and keeps sections across lists', () => {
    const outline = outlineMarkdown(
      '# A\n\n* [one\n  two](https://x.test/1)\n\n---\n\n[three](https://x.test/3)\n',
    );
    assert.deepEqual(
      outline.links.map((l) => [l.title, l.section, l.line]),
      [
        ['one two', 'A', 3],
        ['three', null, 8],
      ],
    );
  });

  it('uses the first definition of a reference label, as CommonMark does', () => {
    const outline = outlineMarkdown('[x][a]\n\n[a]: https://first.test\n[a]: https://second.test\n');
    assert.deepEqual(
      outline.links.map((l) => l.url),
      ['https://first.test'],
    );
  });
});

describe('expandRefShortcodes', () => {
  it('accepts ref and relref with either delimiter and any quoting, keeping lines in place', () => {
    const { body, refs } = expandRefShortcodes(
      '[a]({{< ref "one" >}})\n[b]({{% relref \'two.md\' %}})\n[c]({{< ref three >}})',
    );
    assert.deepEqual(
      refs.map((r) => r.target),
      ['one', 'two.md', 'three'],
    );
    assert.equal(body.split('\n').length, 3);
    assert.ok(!body.includes('{{'));
  });
});
