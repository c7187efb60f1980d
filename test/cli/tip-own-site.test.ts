import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

describe('talkbot tip on a site whose base URL is only in its hugo.toml', () => {
  let root: string;
  let content: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'talkbot-tip-own-site-'));
    content = join(root, 'content');
    await mkdir(join(content, 'posts'), { recursive: true });
    await writeFile(join(root, 'hugo.toml'), 'baseURL = "https://blog.example.org/"\ntitle = "Our Blog"\n');
    await writeFile(
      join(content, 'posts', 'first.md'),
      '---\ntitle: "First Talk"\ndate: 2024-01-10\n---\n' +
        '- Our [second post](https://blog.example.org/posts/second/)\n' +
        '- The [slides we host](https://blog.example.org/files/first-slides.pdf)\n' +
        '- Everything [tagged testing](https://www.blog.example.org/tags/testing/)\n' +
        '- The [paper behind it](https://papers.example.com/first.pdf)\n',
    );
    await writeFile(
      join(content, 'posts', 'second.md'),
      '---\ntitle: "Second Talk"\ndate: 2024-02-10\n---\n' +
        '- Back to the [first post](https://blog.example.org/posts/first/)\n' +
        '- The [recording](https://video.example.com/watch/second)\n',
    );
  });

  after(() => rm(root, { recursive: true, force: true }));

  it('knows links to the blog’s own posts as page links', async () => {
    const { posts } = await loadContent(content);
    const first = posts.find((p) => p.path === 'posts/first.md');
    assert.deepEqual(
      first?.pageLinks.map((l) => l.url),
      ['https://blog.example.org/posts/second/'],
    );
  });

  it('never picks a link to the blog itself, over two whole rounds', async () => {
    const seen = new Set<string>();
    for (let day = 1; day <= 6; day++) {
      const run = await runTalkbot(
        [
          'tip',
          '--json',
          '--content',
          content,
          '--schedule',
          '0 9 * * *',
          '--at',
          `2026-03-0${day}T10:00:00Z`,
        ],
        { env: { TALKBOT_CACHE_DIR: 'off' } },
      );
      assert.equal(run.code, 0, run.stderr);
      seen.add(JSON.parse(run.stdout).resource.url);
    }
    assert.deepEqual([...seen].sort(), [
      'https://papers.example.com/first.pdf',
      'https://video.example.com/watch/second',
    ]);
  });
});
