import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { generateSite, writeSite } from '../../bench/generate.ts';
import { loadHtmlSupport } from '../../src/content/html-support.ts';
import { loadContent } from '../../src/content/load.ts';
import { packOutcomes, unpackOutcomes } from '../../src/content/packed-outcomes.ts';
import { type FileOutcome, parseFile } from '../../src/content/parse-file.ts';
import { startParseWorker } from '../../src/content/parse-files.ts';
import { listContentFiles } from '../../src/content/walk.ts';
import { assertWorkerParsesLikeHere } from '../helpers/worker-batch.ts';

const sites = [
  'test/fixtures/sites/mixed',
  'test/fixtures/sites/talks',
  'test/fixtures/sites/scholar/content',
  // Pages written in HTML: a worker loads htmlparser2 only for a batch holding one.
  'test/fixtures/sites/notebook/content',
  'content',
];

// Large sites are parsed in worker threads; forcing that path on small fixtures checks that it gives
// exactly what the single-threaded path gives, broken files included.
describe('loading in worker threads', () => {
  for (const site of sites) {
    it(`gives the same posts and problems as one thread for ${site}`, async () => {
      const now = new Date('2026-01-01T00:00:00Z');
      const single = await loadContent(site, { now, parse: { threads: 1 } });
      const parallel = await loadContent(site, { now, parse: { threads: 2, parallelFrom: 1 } });
      const wide = await loadContent(site, { now, parse: { threads: 4, parallelFrom: 1 } });
      assert.deepEqual(parallel, single);
      assert.deepEqual(wide, single);
      assert.ok(single.posts.length > 0);
    });
  }

  for (const [how, crash] of [
    ['throws', "throw new Error('crashed on purpose')"],
    ['exits', 'process.exit(3)'],
  ] as const) {
    it(`loses no post when a worker ${how} with batches in hand: this thread parses them`, {
      timeout: 60_000,
    }, async () => {
      const site = await mkdtemp(join(tmpdir(), 'talkbot-crash-'));
      try {
        await writeSite(site, generateSite(600, 2).files);
        let crashed = 0;
        // Ready at once, then gone with its first batches.
        const startWorker = () => {
          const worker = new Worker(
            `const { parentPort } = require('node:worker_threads');
             parentPort.postMessage({ id: -1, packed: null });
             parentPort.on('message', () => { ${crash}; });`,
            { eval: true },
          );
          // Died of its own accord: an uncaught error, or exit code 3 (being terminated at the end exits 1).
          worker.on('error', () => crashed++);
          worker.on('exit', (code) => {
            if (code === 3) crashed++;
          });
          return worker;
        };
        const now = new Date('2026-01-01T00:00:00Z');
        const parallel = await loadContent(site, {
          now,
          parse: { threads: 2, parallelFrom: 1, startWorker },
        });
        assert.equal(crashed, 1, 'the worker was handed batches and died');
        assert.deepEqual(parallel, await loadContent(site, { now, parse: { threads: 1 } }));
        assert.equal(parallel.posts.length, 600);
      } finally {
        await rm(site, { recursive: true, force: true });
      }
    });
  }

  // On a small site this thread parses everything before a worker has loaded: ask a worker directly.
  it('a worker answers a batch with what parsing here gives', async () => {
    for (const site of sites) await assertWorkerParsesLikeHere(startParseWorker(site), site);
  });
});

describe('packed outcomes', () => {
  it('unpack to what was packed, for every fixture file', async () => {
    const all: FileOutcome[] = [];
    for (const site of sites) {
      const { pages } = await listContentFiles(site);
      await loadHtmlSupport(pages);
      const outcomes = pages.map((path) => parseFile(site, path));
      assert.deepEqual(unpackOutcomes(structuredClone(packOutcomes(outcomes))), outcomes);
      all.push(...outcomes);
    }
    assert.ok(all.some((o) => o.post === null));
    assert.ok(all.some((o) => (o.post?.links.length ?? 0) > 0));
  });

  it('keep links under no heading, non-web links and repeated headings; refuse a section that is no heading', () => {
    const base = parseFile('test/fixtures/sites/talks', 'posts/qcon-how-did-i-get-here.md').post;
    assert.ok(base);
    const post = {
      ...base,
      headings: ['Intro', 'Talks', 'Intro'],
      links: [
        {
          title: 'a',
          label: 'a',
          context: '',
          titleAttribute: null,
          url: 'https://a.example/x',
          section: null,
          line: 3,
          kind: 'article',
          key: 'a.example/x',
        },
        {
          title: 'b',
          label: 'b',
          context: '',
          titleAttribute: null,
          url: 'mailto:b@example.org',
          section: 'Intro',
          line: 4,
          kind: null,
          key: null,
        },
        {
          title: 'c',
          label: 'c',
          context: '',
          titleAttribute: null,
          url: 'talkbot-ref:0',
          section: 'Talks',
          line: 5,
          kind: 'article',
          key: null,
        },
        {
          title: 'd',
          label: 'd',
          context: '',
          titleAttribute: null,
          url: 'https://d.example/',
          section: 'Intro',
          line: 6,
          kind: 'video',
          key: 'd.example',
        },
        {
          title: 'f',
          label: 'f',
          context: '',
          titleAttribute: null,
          url: 'https://f.example/',
          section: 'Talks',
          line: 8,
          kind: 'slides',
          key: 'f.example',
        },
      ],
    } satisfies FileOutcome['post'];
    const outcomes: FileOutcome[] = [
      { path: 'x.md', post: null, problems: [{ path: 'x.md', line: 1, message: 'broken' }], stamp: null },
      { path: post.path, post, problems: [], stamp: { size: 9, mtimeMs: 1.5, ctimeMs: 2.25, ino: 7 } },
    ];
    assert.deepEqual(unpackOutcomes(structuredClone(packOutcomes(outcomes))), outcomes);
    // The outline lists every heading it puts a link under, so a link under none of them is a parser's bug:
    // packing says so (a worker that throws has its batch parsed by the main thread) rather than losing it.
    const stray = {
      ...post,
      links: [{ ...post.links[0], section: 'Elsewhere' } as (typeof post.links)[number]],
    };
    assert.throws(
      () => packOutcomes([{ path: post.path, post: stray, problems: [], stamp: null }]),
      /section "Elsewhere" is not a heading/,
    );
  });
});
