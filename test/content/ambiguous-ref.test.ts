import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import type { LoadResult } from '../../src/content/types.ts';

const page = (title: string, body = '') => `---\ntitle: "${title}"\ndate: 2024-01-02\n---\n${body}\n`;

describe('a ref whose bare name fits several pages', () => {
  let root: string;
  let load: LoadResult;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'talkbot-ambiguous-ref-'));
    const files: Record<string, string> = {
      'hugo.toml': 'baseURL = "https://refs.example.org/"\n',
      'content/posts/x.md': page('Post X'),
      'content/notes/x.md': page('Note X'),
      'content/about.md': page(
        'About',
        'Intro.\n\nSee [x]({{< ref "x" >}}) and [the post]({{< ref "posts/x" >}}).',
      ),
      'content/posts/y.md': page('Post Y', 'Next to [x]({{< ref "x" >}}).'),
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    load = await loadContent(join(root, 'content'));
  });

  after(() => rm(root, { recursive: true, force: true }));

  it('is reported with its file and line, naming every candidate, as Hugo calls it ambiguous', () => {
    assert.deepEqual(load.problems, [
      {
        path: 'about.md',
        line: 7,
        message:
          'ref "x" names several pages (notes/x.md, posts/x.md): the link goes to notes/x.md; write the path of the one you mean',
      },
    ]);
  });

  it('still links to the first candidate; a path names one page, and a page’s own folder comes first', () => {
    const about = load.posts.find((p) => p.path === 'about.md');
    assert.deepEqual(
      about?.pageLinks.map((l) => [l.title, l.url]),
      [
        ['x', 'https://refs.example.org/notes/x/'],
        ['the post', 'https://refs.example.org/posts/x/'],
      ],
    );
    const y = load.posts.find((p) => p.path === 'posts/y.md');
    assert.deepEqual(
      y?.pageLinks.map((l) => l.url),
      ['https://refs.example.org/posts/x/'],
    );
  });
});
