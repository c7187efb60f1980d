import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { Library } from '../../src/search/library.ts';

describe('content at the extremes ends in a working index or a clear problem', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkbot-extremes-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function site(name: string, files: Record<string, string | Buffer>): Promise<string> {
    const root = join(dir, name);
    for (const [path, body] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), body);
    }
    await mkdir(root, { recursive: true });
    return root;
  }

  it('an empty folder: no posts, no problems', async () => {
    const result = await loadContent(await site('empty', {}));
    assert.deepEqual(result, {
      posts: [],
      problems: [],
      siteTitle: null,
      siteBaseUrl: null,
      leftOut: { drafts: 0, future: 0, expired: 0, unrendered: 0, otherFormats: 0 },
    });
  });

  it('a 5 MB post loads, and its links are found', async () => {
    const paragraph = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20)}\n\n`;
    const body = `${paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length))}[last](https://example.com/last)\n`;
    const root = await site('big', { 'posts/big.md': `---\ntitle: Big\n---\n${body}` });
    const { posts, problems } = await loadContent(root);
    assert.deepEqual(problems, []);
    assert.equal(posts[0]?.links.at(-1)?.url, 'https://example.com/last');
  });

  it('10,000 links in one post all become resources, and search still answers', async () => {
    const links = Array.from(
      { length: 10_000 },
      (_, i) => `* [Resource number ${i}](https://example.com/r/${i})`,
    ).join('\n');
    const root = await site('links', {
      'posts/links.md': `---\ntitle: Many links\n---\n## All of them\n${links}\n`,
    });
    const library = new Library(await loadContent(root));
    assert.equal(library.resources.length, 10_000);
    assert.ok(library.search('resource number 9999').total > 0);
  });

  it('deeply nested lists and quotes neither hang nor crash', async () => {
    const nested = `${Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n${'>'.repeat(500)} [deep](https://example.com/deep)\n`;
    const root = await site('nested', { 'posts/nested.md': `+++\ntitle = "Nested"\n+++\n${nested}` });
    const { posts } = await loadContent(root);
    assert.equal(posts.length, 1);
  });

  it('invalid UTF-8 is a problem naming the file; the good post beside it loads', async () => {
    const root = await site('utf8', {
      'posts/bad.md': Buffer.concat([
        Buffer.from('---\ntitle: Bad\n---\n'),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
      ]),
      'posts/good.md': '---\ntitle: Good\n---\n[x](https://example.com/x)\n',
    });
    const { posts, problems } = await loadContent(root);
    assert.deepEqual(
      posts.map((p) => p.title),
      ['Good'],
    );
    assert.deepEqual(problems, [
      { path: 'posts/bad.md', line: null, message: 'is not valid UTF-8 text: save it as UTF-8' },
    ]);
  });

  it('a symbolic link loop is reported, not followed', async () => {
    const root = await site('loop', { 'posts/good.md': '---\ntitle: Good\n---\n' });
    await symlink(join(root, 'posts'), join(root, 'posts', 'again'));
    await symlink(join(root, 'nowhere'), join(root, 'posts', 'dangling.md'));
    const { posts, problems } = await loadContent(root);
    assert.equal(posts.length, 1);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['posts/again', 'posts/dangling.md'],
    );
  });

  it('an unreadable file is a problem (skipped when running as root, who can read anything)', async (t) => {
    if (process.getuid?.() === 0) {
      t.skip('root reads files whatever their mode');
      return;
    }
    const root = await site('unreadable', { 'posts/secret.md': '---\ntitle: Secret\n---\n' });
    const { chmod } = await import('node:fs/promises');
    await chmod(join(root, 'posts/secret.md'), 0o000);
    const { problems } = await loadContent(root);
    assert.match(problems[0]?.message ?? '', /permission denied/);
  });
});
