import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { loadContent } from '../../src/content/load.ts';
import { parsePost } from '../../src/content/parse-post.ts';
import { Library } from '../../src/search/library.ts';
import { QueryError } from '../../src/search/query.ts';

const fence = fc.constantFrom('+++', '---', '{', '', '+++ toml', '---\n---');
const markdownPiece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '# ',
    '## ',
    '---',
    '* ',
    '> ',
    '```',
    '[',
    '](',
    ')',
    '<https://',
    '{{< ref "',
    '" >}}',
    '\n',
    '\n\n',
    '|a|b|\n|-|-|',
  ),
  fc.webUrl().map((u) => `[${u}](${u})`),
);
const frontMatterValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.constant(null),
);

describe('property: the loader never throws', () => {
  it('on random front matter and Markdown, parsePost returns a post or problems', () => {
    fc.assert(
      fc.property(
        fence,
        fc.dictionary(
          fc.constantFrom('title', 'tags', 'date', 'slug', 'draft', 'description', 'url', 'x'),
          frontMatterValue,
        ),
        fc.array(markdownPiece, { maxLength: 30 }),
        (open, fields, pieces) => {
          const close = open === '{' ? '}' : open.slice(0, 3);
          const front = Object.entries(fields)
            .map(([k, v]) => `${k}${open === '---' ? ':' : ' ='} ${JSON.stringify(v)}`)
            .join('\n');
          const outcome = parsePost('posts/random.md', `${open}\n${front}\n${close}\n${pieces.join('')}`);
          assert.ok(outcome.post !== null || outcome.problems.length > 0);
          for (const problem of outcome.problems) assert.equal(problem.path, 'posts/random.md');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on random bytes written to disk, loadContent reports problems and keeps the good post', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'talkbot-prop-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.uint8Array({ maxLength: 400 }), { minLength: 1, maxLength: 5 }),
          async (files) => {
            const root = await mkdtemp(join(dir, 'site-'));
            await mkdir(join(root, 'posts'));
            await writeFile(join(root, 'posts', 'good.md'), '---\ntitle: Good\n---\n');
            await Promise.all(files.map((bytes, i) => writeFile(join(root, 'posts', `junk-${i}.md`), bytes)));
            const { posts } = await loadContent(root);
            assert.ok(posts.some((p) => p.title === 'Good'));
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('property: search never throws', () => {
  let library: Library;
  before(async () => {
    library = new Library(await loadContent('test/fixtures/sites/talks'));
  });
  after(() => undefined);

  it('on random query strings, it returns hits or a QueryError for an over-long query', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 250 }),
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.constantFrom('tag:', 'tag:""', '""', '<!channel>', '\u0000', '((((', '*'.repeat(40)),
        ),
        (query) => {
          try {
            const result = library.search(query, { offset: 0, limit: 5 });
            assert.ok(result.hits.length <= 5);
            assert.ok(result.total >= result.hits.length);
            library.suggest(query);
          } catch (error) {
            assert.ok(error instanceof QueryError, String(error));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
