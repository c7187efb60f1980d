import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';

// Large sites are parsed in worker threads; forcing that path on small fixtures checks that it gives
// exactly what the single-threaded path gives, broken files included.
describe('loading in worker threads', () => {
  for (const site of ['test/fixtures/sites/mixed', 'test/fixtures/sites/talks', 'content']) {
    it(`gives the same posts and problems as one thread for ${site}`, async () => {
      const now = new Date('2026-01-01T00:00:00Z');
      const single = await loadContent(site, { now, parse: { threads: 1 } });
      const parallel = await loadContent(site, { now, parse: { threads: 2, parallelFrom: 1 } });
      assert.deepEqual(parallel, single);
      assert.ok(single.posts.length > 0);
    });
  }
});
