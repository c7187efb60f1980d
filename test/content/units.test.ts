import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrontMatterError, parseFrontMatter } from '../../src/content/front-matter.ts';
import { DateError, impossibleDate, readHugoDate } from '../../src/content/hugo.ts';
import { classifyLink } from '../../src/content/kind.ts';
import { outlineMarkdown } from '../../src/content/markdown.ts';
import { pagePath, pageRules, placeOf } from '../../src/content/page-path.ts';
import { expandRefShortcodes } from '../../src/content/shortcodes.ts';
import type { SiteConfig } from '../../src/content/site-config.ts';
import type { ResourceKind } from '../../src/content/types.ts';

describe('parseFrontMatter', () => {
  const cases: Array<[string, string, Record<string, unknown>, number]> = [
    ['TOML', '+++\ntitle = "T"\n+++\nbody', { title: 'T' }, 4],
    ['YAML', '---\ntitle: T\n---\nbody', { title: 'T' }, 4],
    ['JSON', '{\n  "title": "T"\n}\nbody', { title: 'T' }, 4],
    ['none', 'just a body', {}, 1],
    [
      'JSON on its first line, closed mid-line',
      '{ "title": "T", "slug": "100" } \nbody',
      { title: 'T', slug: '100' },
      2,
    ],
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

  it('reads a file that opens with a shortcode as one without front matter, not as JSON', () => {
    const parsed = parseFrontMatter('{{< youtube abc >}}\nbody');
    assert.deepEqual([parsed.format, parsed.bodyLine, parsed.body], ['none', 1, '{{< youtube abc >}}\nbody']);
  });

  const broken: Array<[string, string, number | null, RegExp]> = [
    ['bad TOML', '+++\ntitle = "T\n+++\n', 2, /invalid TOML/],
    ['bad YAML', '---\ntitle: [a\n---\n', 3, /invalid YAML/],
    ['bad JSON', '{\n  "title": \n}\n', 3, /invalid JSON front matter: .* at line 3, column 1/],
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

const plainSite: SiteConfig = {
  root: '/site',
  files: [],
  baseUrl: null,
  title: null,
  permalinks: { page: {}, section: {} },
  taxonomies: { tag: 'tags', category: 'categories' },
  unsafeHtml: false,
  defaultLanguage: 'en',
  defaultLanguageInSubdir: false,
  languages: [],
  uglyUrls: false,
  ignoreFiles: [],
  themes: [],
};

function pathOf(
  file: string,
  front: { slug?: string; url?: string; title?: string; date?: string },
  site = plainSite,
  sectionFiles: readonly string[] = ['notes/deep/_index.md'],
) {
  const rules = pageRules(site, '/site/content', sectionFiles);
  return pagePath(
    placeOf(file, rules),
    {
      frontSlug: front.slug ?? null,
      frontUrl: front.url ?? null,
      title: front.title ?? 'A Talk: Part 2',
      date: front.date ? new Date(front.date) : null,
    },
    rules,
  );
}

describe('pagePath', () => {
  it('follows Hugo: folders, then slug, lower case, trailing slash; `url` wins', () => {
    assert.equal(pathOf('posts/My Talk.md', {}), '/posts/my-talk/');
    assert.equal(pathOf('posts/bundle/index.md', {}), '/posts/bundle/');
    assert.equal(pathOf('about.md', {}), '/about/');
    assert.equal(pathOf('posts/x.md', { url: '/talks/special' }), '/talks/special/');
    assert.equal(pathOf('show/weekly/0500.md', { slug: '500' }), '/show/weekly/500/');
    assert.equal(pathOf('show/weekly/0500/index.md', { slug: '500' }), '/show/weekly/500/');
  });

  it('fills every permalink token the way Hugo does', () => {
    const site = {
      ...plainSite,
      permalinks: {
        page: {
          posts: '/:year/:month/:monthname/:day/:slug/',
          notes: '/n/:sections/:filename/:slugorfilename/:contentbasename/',
          talks: '/:section/:title',
        },
        section: {},
      },
    };
    const date = '2024-03-09T10:00:00Z';
    assert.equal(pathOf('posts/x.md', { slug: 'Why Tests', date }, site), '/2024/03/march/09/why-tests/');
    assert.equal(pathOf('posts/x.md', { date }, site), '/2024/03/march/09/a-talk-part-2/');
    assert.equal(pathOf('notes/deep/y.md', {}, site), '/n/notes/deep/y/y/y/');
    assert.equal(pathOf('notes/deep/b/index.md', { slug: 'S' }, site), '/n/notes/deep/b/s/b/');
    // A folder without an `_index.md` is no section of its own: `:sections` stops above it.
    assert.equal(pathOf('notes/deep/y.md', {}, site, []), '/n/notes/y/y/y/');
    assert.equal(pathOf('talks/z.md', {}, site), '/talks/a-talk-part-2/');
  });

  it('puts a translation under its language, by file name or by content folder', () => {
    const site: SiteConfig = {
      ...plainSite,
      languages: [
        { code: 'en', contentDir: null, weight: 1, permalinks: plainSite.permalinks },
        { code: 'de', contentDir: 'content/de', weight: 2, permalinks: plainSite.permalinks },
        { code: 'fr', contentDir: null, weight: 3, permalinks: plainSite.permalinks },
      ],
    };
    assert.equal(pathOf('posts/x.md', {}, site), '/posts/x/');
    assert.equal(pathOf('posts/x.fr.md', {}, site), '/fr/posts/x/');
    assert.equal(pathOf('de/posts/x.md', {}, site), '/de/posts/x/');
    assert.equal(pathOf('posts/x.nl.md', {}, site), '/posts/x.nl/');
  });
});

describe('impossibleDate', () => {
  it('catches a day a parser would roll over, and passes real ones', () => {
    assert.equal(impossibleDate('date: 2026-13-45'), '2026-13-45');
    assert.equal(impossibleDate('date = 2025-02-29T10:00:00Z'), '2025-02-29');
    assert.equal(impossibleDate('date: 2024-02-29'), null);
    assert.equal(impossibleDate('title: no date here'), null);
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
