import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSite, writeSite } from '../../bench/generate.ts';
import { loadContent } from '../../src/content/load.ts';
import { Library } from '../../src/search/library.ts';

// `npm run test:soak` only: writing and loading 20,000 posts takes a while on a 2-core machine.
describe('a folder of 20,000 posts', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkbot-20k-'));
    await writeSite(dir, generateSite(20_000, 7).files);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('loads into a working index with no problems, and answers', async () => {
    const library = new Library(await loadContent(dir));
    assert.equal(library.posts.length, 20_000);
    assert.deepEqual(library.problems, []);
    const [first] = library.posts;
    assert.ok(first);
    assert.ok(library.search(first.title).total > 0);
  });
});
