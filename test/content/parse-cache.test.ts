import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { ParseCache } from '../../src/content/parse-cache.ts';
import { cacheFilePath, readCacheFile } from '../../src/content/parse-cache-file.ts';
import { parserIdentity } from '../../src/content/parser-identity.ts';
import { settle, settleAll } from '../helpers/settle.ts';

const post = (title: string, link: string) =>
  `---\ntitle: "${title}"\ndate: 2024-01-01\ntags: [cache]\n---\n## Links\n* [${title} link](${link})\n`;

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

const titles = (load: Awaited<ReturnType<typeof loadContent>>) => load.posts.map((p) => p.title).sort();

describe('the parse cache', () => {
  let site: string;
  let cacheDir: string;
  const warnings: string[] = [];
  const open = () => new ParseCache(site, { dir: cacheDir, warn: (m) => warnings.push(m) });

  before(async () => {
    site = await tempDir('talkbot-cache-site-');
    cacheDir = await tempDir('talkbot-cache-dir-');
    await mkdir(join(site, 'posts'));
    for (const name of ['alpha', 'beta', 'gamma']) {
      const path = join(site, 'posts', `${name}.md`);
      await writeFile(path, post(`${name} talk`, `https://example.com/${name}`));
      await settle(path);
    }
  });
  after(async () => {
    await rm(site, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('lets a restart take unchanged files from the cache file, with the same result as parsing them', async () => {
    const first = open();
    const parsed = await loadContent(site, { cache: first });
    await first.saved();
    assert.equal(first.reused, 0);
    assert.equal((await readdir(cacheDir)).filter((f) => f.endsWith('.bin')).length, 1);

    const restarted = open();
    const cached = await loadContent(site, { cache: restarted });
    assert.equal(restarted.reused, 3);
    assert.deepEqual(cached, parsed);
    assert.deepEqual(cached, await loadContent(site));
    assert.deepEqual(warnings, []);
  });

  it('parses an edited file again, even one of the same size', async () => {
    const path = join(site, 'posts', 'beta.md');
    await writeFile(path, post('betA talk', 'https://example.com/beta'));
    await settle(path, 5);
    const cache = open();
    const load = await loadContent(site, { cache });
    assert.equal(cache.reused, 2);
    assert.deepEqual(titles(load), ['alpha talk', 'betA talk', 'gamma talk']);
    await cache.saved();
    const again = open();
    assert.deepEqual(titles(await loadContent(site, { cache: again })), titles(load));
    assert.equal(again.reused, 3);
  });

  it('forgets deleted files and parses new ones', async () => {
    const cache = open();
    await loadContent(site, { cache });
    await unlink(join(site, 'posts', 'gamma.md'));
    const added = join(site, 'posts', 'delta.md');
    await writeFile(added, post('delta talk', 'https://example.com/delta'));
    await settle(added);
    const load = await loadContent(site, { cache });
    assert.deepEqual(titles(load), ['alpha talk', 'betA talk', 'delta talk']);
    assert.equal(cache.reused, 2);
    assert.equal(cache.size, 3);
  });

  it('never trusts a file written moments before it was read: its next load parses it again', async () => {
    const cache = open();
    await loadContent(site, { cache });
    const path = join(site, 'posts', 'alpha.md');
    // Same size, same second: on a file system with coarse times the stamp could not tell these apart.
    await writeFile(path, post('alpha one', 'https://example.com/alpha'));
    assert.deepEqual(titles(await loadContent(site, { cache })), ['alpha one', 'betA talk', 'delta talk']);
    assert.equal(cache.reused, 2);
    await writeFile(path, post('alpha two', 'https://example.com/alpha'));
    assert.deepEqual(titles(await loadContent(site, { cache })), ['alpha two', 'betA talk', 'delta talk']);
    assert.equal(cache.reused, 2);
  });

  it('keeps problems with the file they were found in', async () => {
    const path = join(site, 'posts', 'broken.md');
    await writeFile(path, '---\ntitle: [unclosed\n---\nbody\n');
    await settle(path);
    await settle(join(site, 'posts', 'alpha.md'));
    const cache = open();
    const parsed = await loadContent(site, { cache });
    await cache.saved();
    const restarted = open();
    const cached = await loadContent(site, { cache: restarted });
    assert.equal(restarted.reused, 4);
    assert.deepEqual(cached.problems, parsed.problems);
    assert.match(cached.problems[0]?.message ?? '', /invalid YAML/);
    await unlink(path);
  });

  it('ignores a corrupt cache file, says so once, and writes a good one', async () => {
    const cache = open();
    await loadContent(site, { cache });
    await cache.saved();
    const file = join(cacheDir, (await readdir(cacheDir)).find((f) => f.endsWith('.bin')) ?? '');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));
    const reopened = open();
    const load = await loadContent(site, { cache: reopened });
    assert.deepEqual(titles(load), ['alpha two', 'betA talk', 'delta talk']);
    assert.equal(reopened.reused, 0);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /ignoring the parse cache .*parse-.*\.bin: it is truncated/);
    await reopened.saved();
    const healed = open();
    await loadContent(site, { cache: healed });
    assert.equal(healed.reused, 3);
    warnings.length = 0;
  });

  it('is never read by other parsing code, nor for another folder', async () => {
    const identity = await parserIdentity();
    const file = cacheFilePath(cacheDir, site, identity);
    assert.equal((await readCacheFile(file, identity, site)).length, 3);
    assert.deepEqual(await readCacheFile(file, 'another build', site), []);
    assert.deepEqual(await readCacheFile(file, identity, join(site, 'posts')), []);
    assert.notEqual(cacheFilePath(cacheDir, site, 'another build'), file);
  });
});

describe('a parse cache that cannot be written', () => {
  it('warns once, naming the folder and TALKBOT_CACHE_DIR, and the loads go on', async () => {
    const site = await tempDir('talkbot-cache-site-');
    const blocked = join(await tempDir('talkbot-cache-blocked-'), 'a-file');
    try {
      await cp('test/fixtures/sites/talks', site, { recursive: true });
      await settleAll(site);
      // A file where the cache folder should be: no folder can be made there, even by root.
      await writeFile(blocked, 'not a folder');
      const warnings: string[] = [];
      const cache = new ParseCache(site, { dir: join(blocked, 'cache'), warn: (m) => warnings.push(m) });
      const first = await loadContent(site, { cache });
      await cache.saved();
      const second = await loadContent(site, { cache });
      await cache.saved();
      assert.deepEqual(second, first);
      assert.deepEqual(first, await loadContent(site));
      assert.equal(warnings.length, 1);
      assert.match(
        warnings[0] ?? '',
        /cannot write the parse cache .*a-file.*: part of the path is a file, not a folder; set TALKBOT_CACHE_DIR/,
      );
    } finally {
      await rm(site, { recursive: true, force: true });
      await rm(join(blocked, '..'), { recursive: true, force: true });
    }
  });
});

describe('a parse cache kept in memory only', () => {
  it('gives every fixture site exactly what a load without it gives, first and second time', async () => {
    for (const name of ['talks', 'mixed']) {
      const site = await tempDir(`talkbot-cache-${name}-`);
      try {
        await cp(`test/fixtures/sites/${name}`, site, { recursive: true });
        await settleAll(site);
        const cache = new ParseCache(site, { dir: null });
        const plain = await loadContent(site);
        assert.deepEqual(await loadContent(site, { cache }), plain, `${name}, first load`);
        assert.deepEqual(await loadContent(site, { cache }), plain, `${name}, second load`);
        assert.ok(cache.reused > 0 && cache.reused === cache.size, `${name}: every page from the cache`);
      } finally {
        await rm(site, { recursive: true, force: true });
      }
    }
  });
});

describe('a parse cache written to disk, for sites with a configuration', () => {
  it('gives the podcast network and the configured blog exactly what a load without it gives, after a restart', async () => {
    for (const name of ['podcast-network', 'field-notes']) {
      const project = await tempDir(`talkbot-cache-${name}-`);
      const cacheDir = await tempDir(`talkbot-cache-dir-${name}-`);
      try {
        await cp(`test/fixtures/sites/${name}`, project, { recursive: true });
        const content = join(project, 'content');
        await settleAll(content);
        const plain = await loadContent(content);
        const first = new ParseCache(content, { dir: cacheDir });
        assert.deepEqual(await loadContent(content, { cache: first }), plain, `${name}, first load`);
        await first.saved();
        // A new cache object reads only the file: what a restarted bot does.
        const restarted = new ParseCache(content, { dir: cacheDir });
        assert.deepEqual(
          await loadContent(content, { cache: restarted }),
          plain,
          `${name}, from the cache file`,
        );
        assert.ok(
          restarted.reused > 0 && restarted.reused === restarted.size,
          `${name}: every page from the file`,
        );
      } finally {
        await rm(project, { recursive: true, force: true });
        await rm(cacheDir, { recursive: true, force: true });
      }
    }
  });
});
