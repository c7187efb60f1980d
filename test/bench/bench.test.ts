import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSite, headingRange, linkRange, writeSite } from '../../bench/generate.ts';
import { runBenchmark } from '../../bench/harness.ts';
import { buildQueries, queryKinds } from '../../bench/queries.ts';
import { rows, table } from '../../bench/report.ts';
import { loadContent } from '../../src/content/load.ts';

// Correctness only: no figure here is compared with a target, since timings depend on the machine.
describe('the benchmark generator', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkbot-bench-test-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives the same files for the same seed, and other files for another seed', () => {
    const a = generateSite(30, 5);
    const b = generateSite(30, 5);
    assert.deepEqual(a.files, b.files);
    assert.notDeepEqual(generateSite(30, 6).files, a.files);
  });

  it('makes the first posts of a large site the same as those of a small one', () => {
    assert.deepEqual(generateSite(50, 5).files.slice(0, 20), generateSite(20, 5).files);
  });

  it('mixes TOML and YAML front matter, and page bundles with plain files', () => {
    const { files } = generateSite(60, 1);
    assert.ok(files.some((f) => f.text.startsWith('+++\n')));
    assert.ok(files.some((f) => f.text.startsWith('---\n')));
    assert.ok(files.some((f) => f.path.endsWith('/index.md')));
    assert.ok(files.some((f) => !f.path.endsWith('/index.md')));
  });

  it('writes a site that loads with no problems, each post with 10 to 30 links under 3 to 6 headings', async () => {
    const site = generateSite(40, 3);
    await writeSite(join(dir, 'site'), site.files);
    const { posts, problems } = await loadContent(join(dir, 'site'));
    assert.deepEqual(problems, []);
    assert.equal(posts.length, 40);
    for (const post of posts) {
      assert.ok(
        post.links.length >= linkRange[0] && post.links.length <= linkRange[1],
        `${post.path}: ${post.links.length} links`,
      );
      assert.ok(
        post.headings.length >= headingRange[0] && post.headings.length <= headingRange[1],
        `${post.path}: ${post.headings.length} headings`,
      );
      assert.ok(post.tags.length > 0 && post.title.length > 0);
    }
  });

  it('builds a fixed query mix with every kind of query', () => {
    const site = generateSite(20, 1);
    const queries = buildQueries(site, 20, 1);
    assert.equal(queries.length, 20);
    assert.deepEqual(new Set(queries.map((q) => q.kind)), new Set(queryKinds));
    assert.deepEqual(buildQueries(site, 20, 1), queries);
    assert.ok(queries.every((q) => q.text.trim().length > 0));
  });
});

describe('the benchmark harness, end to end on a tiny site', () => {
  it('measures every figure and reports each beside its target', async () => {
    const results = await runBenchmark({
      sizes: [20],
      seed: 1,
      queryCount: 20,
      recipeQueries: () => 5,
      loadRuns: 1,
      queryPasses: 1,
      startupSize: 20,
      startupRuns: 1,
      load: { size: 20, requests: 20, senders: 4, warmup: 2 },
      runs: 1,
    });
    const [size] = results.sizes;
    assert.ok(size);
    assert.equal(size.size, 20);
    assert.equal(size.posts, 20);
    assert.equal(size.problems, 0);
    assert.ok(size.resources > 0);
    for (const value of [
      size.floorMs,
      size.parsersMs,
      size.loadMs,
      size.loadRatio,
      size.parsersRatio,
      size.query.medianMs,
      size.query.p99Ms,
    ]) {
      assert.ok(Number.isFinite(value) && value >= 0, String(value));
    }
    assert.equal(size.query.samples, 20);
    assert.equal(size.recipe.queries, 5);
    assert.ok(size.memory.rssMb > 0 && size.memory.heapUsedMb > 0);
    for (const value of [size.cachedLoadMs, size.cachedLoadRatio, size.reloadMs, size.reloadStallMs]) {
      assert.ok(Number.isFinite(value) && value >= 0, String(value));
    }
    for (const from of ['bundle', 'sources'] as const) {
      for (const startup of [results.startup[from].first, results.startup[from].restart]) {
        assert.equal(startup.from, from);
        assert.equal(startup.posts, 20);
        assert.ok(startup.readyMs > 0 && startup.firstAnswerMs > 0);
      }
    }
    assert.equal(results.load.requests, 20);
    assert.equal(results.load.failures, 0, JSON.stringify(results.load.failureReasons));
    assert.ok(results.load.ack.p99Ms > 0 && results.load.answer.p99Ms >= results.load.ack.medianMs);
    assert.ok(results.load.maxStallMs >= 0);
    const lines = rows(results);
    assert.ok(lines.length >= 8);
    assert.match(table(results), /^\| figure \| measured \| target \|/);
  });
});
