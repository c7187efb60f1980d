import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSite, writeSite } from '../../bench/generate.ts';
import { buildQueries } from '../../bench/queries.ts';
import { loadContent } from '../../src/content/load.ts';
import type { LoadResult } from '../../src/content/types.ts';
import { Library } from '../../src/search/library.ts';
import { sliceMs } from '../../src/search/slices.ts';
import type { Hit } from '../../src/search/types.ts';

const hitShape = (hit: Hit) =>
  hit.kind === 'post' ? ['post', hit.post.slug, hit.score] : ['resource', hit.resource.key, hit.score];

// A running app rebuilds its Library with `Library.build` (in slices); everything else builds it at once.
describe('Library.build, which builds in slices with the event loop running between them', () => {
  let root: string;
  let load: LoadResult;
  const site = generateSite(1000, 3);
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'talkbot-library-build-'));
    await writeSite(root, site.files);
    load = await loadContent(root);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('gives the Library that building at once gives: the same resources, hits and suggestions', async () => {
    const sliced = await Library.build(load);
    const atOnce = new Library(load);
    const resourceShape = (library: Library) =>
      library.resources.map((r) => [
        r.key,
        r.title,
        r.url,
        r.kind,
        r.citations.map((c) => [c.post.slug, c.section]),
      ]);
    assert.ok(atOnce.resources.length > 10_000);
    assert.deepEqual(resourceShape(sliced), resourceShape(atOnce));
    assert.deepEqual(sliced.tags(), atOnce.tags());
    for (const { text } of buildQueries(site, 150, 3)) {
      const [a, b] = [sliced.search(text, { limit: 20 }), atOnce.search(text, { limit: 20 })];
      assert.equal(a.total, b.total, text);
      assert.deepEqual(a.hits.map(hitShape), b.hits.map(hitShape), text);
      assert.deepEqual(sliced.suggest(text), atOnce.suggest(text), text);
    }
  });

  it('lets other work run while it builds (a reload never holds up the requests in flight)', async () => {
    let turns = 0;
    let building = true;
    const tick = () => {
      turns++;
      if (building) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    const library = await Library.build(load);
    const elapsed = performance.now() - started;
    building = false;
    assert.equal(library.posts.length, 1000);
    // Built at once, the one turn would come at the end. In slices of `sliceMs`, a turn comes after
    // each: at least one for every five slices' worth of the time the build took, whatever the machine.
    const expected = Math.max(2, Math.floor(elapsed / (5 * sliceMs)));
    assert.ok(
      turns >= expected,
      `only ${turns} turns of the event loop in a build of ${elapsed.toFixed(0)} ms`,
    );
  });
});
