import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import type { Library } from '../../src/search/library.ts';
import { Library as LibraryClass } from '../../src/search/library.ts';
import { LibraryStore } from '../../src/slack/library-store.ts';
import { ContentReloader } from '../../src/wiring/content-reloader.ts';
import { eventually } from '../helpers/eventually.ts';

const post = (title: string, link: string) =>
  `---\ntitle: "${title}"\ntags: [reload]\n---\n## Links\n* [${title} link](${link})\n`;

describe('hot reload while queries keep running', () => {
  let dir: string;
  let store: LibraryStore;
  let reloader: ContentReloader;
  const logs: string[] = [];
  const answers: Array<{ library: Library; titles: string[] }> = [];
  let errors = 0;
  let querying = true;
  let queries: Promise<void>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkbot-reload-'));
    await mkdir(join(dir, 'posts'));
    await writeFile(join(dir, 'posts', 'alpha.md'), post('Alpha talk', 'https://example.com/alpha'));
    await writeFile(join(dir, 'posts', 'beta.md'), post('Beta talk', 'https://example.com/beta'));
    const initial = await loadContent(dir);
    store = new LibraryStore(new LibraryClass(initial));
    const keep = (line: string) => logs.push(line);
    reloader = new ContentReloader({
      contentDir: dir,
      load: () => loadContent(dir),
      publish: (library) => store.replace(library),
      initial,
      logger: { info: keep, warn: keep, error: keep },
      debounceMs: 50,
    });
    await reloader.start();
    queries = (async () => {
      while (querying) {
        try {
          const library = store.current;
          const result = library.search('tag:reload', { limit: 50 });
          answers.push({
            library,
            titles: result.hits.map((h) => (h.kind === 'post' ? h.post.title : h.resource.title)),
          });
        } catch {
          errors++;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
  });

  after(async () => {
    querying = false;
    await queries;
    await reloader.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const titlesNow = () => store.current.posts.map((p) => p.title).sort();

  it('picks up an added post without a restart', async () => {
    await writeFile(join(dir, 'posts', 'gamma.md'), post('Gamma talk', 'https://example.com/gamma'));
    await eventually('Gamma to load', () => titlesNow().includes('Gamma talk'));
  });

  it('picks up an edit', async () => {
    await writeFile(
      join(dir, 'posts', 'alpha.md'),
      post('Alpha talk, revised', 'https://example.com/alpha2'),
    );
    await eventually('the edit to load', () => titlesNow().includes('Alpha talk, revised'));
    assert.ok(!titlesNow().includes('Alpha talk'));
  });

  it('keeps serving the last good version of a post broken mid-edit, and reports the problem', async () => {
    await writeFile(join(dir, 'posts', 'beta.md'), '---\ntitle: "Beta talk\ntags: [\n---\n');
    await eventually('the problem to be reported', () =>
      store.current.problems.some((p) => p.path === 'posts/beta.md'),
    );
    assert.ok(titlesNow().includes('Beta talk'));
    assert.match(store.current.problems[0]?.message ?? '', /last good version/);
    assert.ok(logs.some((l) => l.includes('posts/beta.md')));
  });

  it('drops a deleted post', async () => {
    await unlink(join(dir, 'posts', 'gamma.md'));
    await eventually('Gamma to go', () => !titlesNow().includes('Gamma talk'));
  });

  it('answered every query without error, each from one whole state of the content', () => {
    assert.equal(errors, 0);
    assert.ok(answers.length > 10, `${answers.length} queries ran`);
    // Every state the folder went through, as the posts `tag:reload` finds (Beta kept while broken).
    const states = [
      ['Alpha talk', 'Beta talk'],
      ['Alpha talk', 'Beta talk', 'Gamma talk'],
      ['Alpha talk, revised', 'Beta talk', 'Gamma talk'],
      ['Alpha talk, revised', 'Beta talk'],
    ].map((titles) => JSON.stringify(titles));
    for (const { titles } of answers) {
      const posts = titles.filter((t) => t.endsWith('talk') || t.endsWith('revised')).sort();
      // Half of an old Library and half of a new one would be a set of posts no state ever had.
      assert.ok(
        states.includes(JSON.stringify(posts)),
        `${JSON.stringify(posts)} is a state the content was in`,
      );
    }
    const libraries = new Set(answers.map((a) => a.library));
    assert.ok(libraries.size >= 4, 'queries saw each reload');
  });
});
