import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { findProjectRoot, readSiteConfig } from '../../src/content/site-config.ts';

const made: string[] = [];
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A folder on disk holding these files; gives its path. */
async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'talkbot-project-root-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

const post = (title: string) => `---\ntitle: ${title}\ndate: 2024-01-02\n---\nA few words.\n`;

describe('finding the project root of a content folder deeper than one level', () => {
  it('walks up to the folder whose `contentDir` is the content folder', async () => {
    const root = await folder({
      'hugo.toml': 'baseURL = "https://deep.example.org/"\ntitle = "Deep"\ncontentDir = "src/content"\n',
      'src/content/posts/first.md': post('First'),
    });
    const content = join(root, 'src/content');
    assert.equal(await findProjectRoot(content), root);
    const { config } = await readSiteConfig(content);
    assert.equal(config.title, 'Deep');
    const load = await loadContent(content);
    assert.deepEqual(
      load.posts.map((p) => p.url),
      ['https://deep.example.org/posts/first/'],
    );
  });

  it('names a broken file of that root by its path from the content folder', async () => {
    const root = await folder({
      'hugo.toml': 'contentDir = "src/content"\n',
      'config/_default/params.toml': 'author = "Ada"\nx = "no end\n',
      'src/content/posts/first.md': post('First'),
    });
    const { config, problems } = await readSiteConfig(join(root, 'src/content'));
    assert.equal(config.root, root);
    assert.deepEqual(
      problems.map((p) => [p.path, p.line]),
      [['../../config/_default/params.toml', 2]],
    );
  });

  it('reports a broken root file that may be the one naming the content folder', async () => {
    const root = await folder({
      'hugo.toml': 'contentDir = "src/content"\ntitle = "No end\n',
      'src/content/posts/first.md': post('First'),
    });
    const { config, problems } = await readSiteConfig(join(root, 'src/content'));
    assert.equal(config.root, root);
    assert.deepEqual(
      problems.map((p) => [p.path, p.line]),
      [['../../hugo.toml', 2]],
    );
  });

  it('takes a language’s own content folder as the content folder, its pages in that language', async () => {
    const root = await folder({
      'hugo.toml': [
        'baseURL = "https://two.example.org/"',
        'defaultContentLanguage = "en"',
        '[languages.en]',
        'contentDir = "content/en"',
        'weight = 1',
        '[languages.de]',
        'contentDir = "content/de"',
        'weight = 2',
        '',
      ].join('\n'),
      'content/en/posts/hello.md': post('Hello'),
      'content/de/posts/hallo.md': post('Hallo'),
    });
    assert.equal(await findProjectRoot(join(root, 'content/de')), root);
    const de = await loadContent(join(root, 'content/de'));
    assert.deepEqual(
      de.posts.map((p) => [p.language, p.url]),
      [['de', 'https://two.example.org/de/posts/hallo/']],
    );
    const en = await loadContent(join(root, 'content/en'));
    assert.deepEqual(
      en.posts.map((p) => [p.language, p.url]),
      [['en', 'https://two.example.org/posts/hello/']],
    );
  });

  it('does not take a folder whose configuration names another content folder, nor look too far up', async () => {
    const root = await folder({
      'hugo.toml': 'baseURL = "https://elsewhere.example.org/"\ncontentDir = "site/content"\n',
      'other/content/posts/x.md': post('X'),
      'a/b/c/content/posts/y.md': post('Y'),
    });
    assert.equal(await findProjectRoot(join(root, 'other/content')), join(root, 'other'));
    const load = await loadContent(join(root, 'other/content'));
    assert.deepEqual(
      load.posts.map((p) => p.url),
      [null],
    );
    await writeFile(join(root, 'hugo.toml'), 'contentDir = "a/b/c/content"\n');
    assert.equal(await findProjectRoot(join(root, 'a/b/c/content')), join(root, 'a/b/c'), 'four levels up');
  });
});
