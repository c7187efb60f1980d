import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ConfigMemory } from '../../src/content/config-tree.ts';
import { loadContent } from '../../src/content/load.ts';
import { ParseCache } from '../../src/content/parse-cache.ts';
import { Library } from '../../src/search/library.ts';
import { LibraryStore } from '../../src/slack/library-store.ts';
import { ContentReloader } from '../../src/wiring/content-reloader.ts';
import { eventually } from '../helpers/eventually.ts';

const post = (title: string, slug: string) =>
  `---\ntitle: "${title}"\nslug: ${slug}\ndate: 2024-03-01\ntags: [testing]\ntopics: [operations]\n---\n` +
  `See [the slides](https://slides.example.com/${slug}).\n`;

describe('a running bot re-reads an edited site configuration', () => {
  let root: string;
  let store: LibraryStore;
  let reloader: ContentReloader;
  let cache: ParseCache;
  const logs: string[] = [];

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'talkbot-config-reload-'));
    await mkdir(join(root, 'content', 'posts'), { recursive: true });
    await writeFile(join(root, 'hugo.toml'), 'baseURL = "https://old.example.org/"\ntitle = "Old Name"\n');
    await writeFile(join(root, 'content', 'posts', 'canaries.md'), post('Canaries', 'canaries'));
    await writeFile(join(root, 'content', 'posts', 'flags.md'), post('Feature Flags', 'flags'));
    // Written long ago, as a site's posts are: the parse cache keeps only what it read settled.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const name of ['canaries.md', 'flags.md'])
      await utimes(join(root, 'content', 'posts', name), anHourAgo, anHourAgo);
    const content = join(root, 'content');
    cache = new ParseCache(content, { dir: null });
    const memory: ConfigMemory = new Map();
    const load = () => loadContent(content, { cache, configMemory: memory });
    const initial = await load();
    store = new LibraryStore(new Library(initial));
    const keep = (line: string) => logs.push(line);
    reloader = new ContentReloader({
      contentDir: content,
      load,
      publish: (library) => store.replace(library),
      initial,
      logger: { info: keep, warn: keep, error: keep },
      debounceMs: 50,
    });
    await reloader.start();
  });

  after(async () => {
    await reloader.stop();
    await rm(root, { recursive: true, force: true });
  });

  const urls = () =>
    store.current.posts
      .map((p) => p.url)
      .sort()
      .join(' ');

  it('follows an edit of hugo.toml alone: base URL, permalinks, title and taxonomies', async () => {
    assert.equal(urls(), 'https://old.example.org/posts/canaries/ https://old.example.org/posts/flags/');
    assert.deepEqual(store.current.posts[0]?.tags, ['testing']);
    await writeFile(
      join(root, 'hugo.toml'),
      'baseURL = "https://new.example.org/"\ntitle = "New Name"\n' +
        '[permalinks]\nposts = "/:year/:slug/"\n[taxonomies]\ntag = "tags"\ntopic = "topics"\n',
    );
    await eventually('the new base URL', () => urls().includes('new.example.org'));
    assert.equal(urls(), 'https://new.example.org/2024/canaries/ https://new.example.org/2024/flags/');
    assert.equal(store.current.siteTitle, 'New Name');
    assert.deepEqual(store.current.posts[0]?.tags, ['testing', 'operations']);
    // The posts came from the parse cache, computed before the change, and still got the new URLs.
    assert.equal(cache.reused, 2);
  });

  it('follows a file added to config/_default/', async () => {
    await mkdir(join(root, 'config', '_default'), { recursive: true });
    await writeFile(join(root, 'config', '_default', 'hugo.toml'), 'title = "Folder Name"\n');
    await eventually('the folder’s title', () => store.current.siteTitle === 'Folder Name');
  });

  it('reports a broken edit by path and line, and keeps using its last good version', async () => {
    const before = reloader.reloads;
    await writeFile(join(root, 'hugo.toml'), 'baseURL = "https://new.example.org/"\ntitle = "Unclosed\n');
    await eventually('the problem', () => store.current.problems.some((p) => p.path === '../hugo.toml'));
    assert.ok(reloader.reloads > before);
    const problem = store.current.problems.find((p) => p.path === '../hugo.toml');
    assert.equal(problem?.line, 2);
    assert.match(problem?.message ?? '', /invalid TOML.*its last good version is still used/);
    assert.equal(urls(), 'https://new.example.org/2024/canaries/ https://new.example.org/2024/flags/');
    assert.ok(logs.some((l) => l.includes('hugo.toml:2')));
    assert.ok(!logs.some((l) => l.includes('reload failed')));
  });
});
