import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkKeysOf } from '../../src/content/link-keys.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Post } from '../../src/content/types.ts';
import { normaliseUrl } from '../../src/content/url-key.ts';
import { Library } from '../../src/search/library.ts';
import type { Resource } from '../../src/search/types.ts';

const now = new Date('2026-01-01T00:00:00Z');
const sites = ['test/fixtures/sites/mixed', 'test/fixtures/sites/talks', 'content'];

function shape(resources: readonly Resource[]) {
  return resources.map((r) => ({ ...r, citations: r.citations.map((c) => [c.post.slug, c.section]) }));
}

// The load works out each link's resource key while parsing (in a worker, for a large site) and
// keeps it beside the post; the Library must gather the same resources whether it has those keys or not.
describe('link keys worked out while loading', () => {
  for (const site of sites) {
    it(`are each link's normalised URL, and give the same resources, for ${site}`, async () => {
      for (const parse of [{ threads: 1 }, { threads: 2, parallelFrom: 1 }]) {
        const loaded = await loadContent(site, { now, baseUrl: 'https://example.org/', parse });
        const { posts } = loaded;
        for (const post of posts) {
          assert.deepEqual(
            linkKeysOf(post),
            post.links.map((link) => normaliseUrl(link.url)),
          );
        }
        // Copies are other objects, so nothing is known about them: their keys are worked out afresh.
        const copies = posts.map((post): Post => ({ ...post }));
        assert.equal(linkKeysOf(copies[0] as Post), undefined);
        assert.deepEqual(
          shape(new Library(loaded).resources),
          shape(new Library({ ...loaded, posts: copies }).resources),
        );
      }
    });
  }

  it('are not trusted for a post whose links no longer match them', async () => {
    const { posts } = await loadContent('test/fixtures/sites/talks', { now });
    const post = posts.find((p) => p.links.length > 1) as Post;
    (post.links as unknown[]).pop();
    assert.equal(linkKeysOf(post), undefined);
  });
});
