import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import type { GitSettings } from '../../src/sources/git-settings.ts';
import { GitSource } from '../../src/sources/git-source.ts';
import type { Store } from '../../src/store/index.ts';
import { FleetContent } from '../../src/wiring/fleet-content.ts';
import { eventually } from '../helpers/eventually.ts';
import { makeBlogRepo, postFile } from '../helpers/git-repo.ts';
import { forEachEngine } from './engines.ts';

const quiet = { info: () => undefined, warn: () => undefined };

forEachEngine('content heads: the fleet follows a push any replica received', (_engine, open, again) => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('records the newest commit per source, the last record winning', async () => {
    const store = await open();
    const other = await again(store);
    assert.equal(await store.contentHeads.latest('https://git.example/blog.git#'), null);
    await store.contentHeads.record('https://git.example/blog.git#', 'a'.repeat(40), 'web-1:10', 1000);
    await other.contentHeads.record('https://git.example/blog.git#', 'b'.repeat(40), 'web-2:20', 2000);
    await other.contentHeads.record('https://git.example/blog.git#main', 'c'.repeat(40), 'web-2:20', 3000);
    assert.deepEqual(await store.contentHeads.latest('https://git.example/blog.git#'), {
      sha: 'b'.repeat(40),
      recordedAt: 2000,
      recordedBy: 'web-2:20',
    });
  });

  it('a replica that got no webhook fetches the commit another recorded, at its next check', async () => {
    const root = mkdtempSync(join(tmpdir(), 'talkbot-fleet-content-'));
    roots.push(root);
    const repo = makeBlogRepo(root);
    repo.commit({ 'content/posts/one.md': postFile('One', '2020-01-01T00:00:00Z', []) }, 'One');
    repo.push();
    const settings = (name: string): GitSettings => ({
      url: repo.url,
      ref: null,
      token: null,
      pollMs: 0,
      webhookSecret: null,
      contentSubdir: 'content',
      dataDir: join(root, name),
      env: process.env,
    });
    const storeA = await open();
    const storeB = await again(storeA);
    const replica = (store: Store, name: string) => {
      const git = new GitSource({ settings: settings(name), logger: quiet });
      const fleet = new FleetContent({
        source: `${repo.url}#`,
        git,
        heads: {
          record: (source, sha) => store.contentHeads.record(source, sha, name),
          latest: (source) => store.contentHeads.latest(source),
        },
        logger: quiet,
        checkMs: 50,
      });
      return { git, fleet };
    };
    const a = replica(storeA, 'a');
    const b = replica(storeB, 'b');
    await a.git.prepare();
    await b.git.prepare();
    b.fleet.start();
    try {
      const pushed = repo.commit(
        { 'content/posts/two.md': postFile('Two', '2020-01-02T00:00:00Z', []) },
        'Two',
      );
      repo.push();
      // The webhook reached replica a only: it updates and records what it now serves.
      await a.git.update();
      const served = a.git.status()?.commit;
      assert.equal(served?.sha, pushed);
      if (served) await a.fleet.served(served);
      await eventually('replica b to follow', () => b.git.status()?.commit.sha === pushed);
    } finally {
      await b.fleet.stop();
    }
  });
});

it('a store that is gone costs only the sharing: one warning, no error', async () => {
  const lines: string[] = [];
  const fleet = new FleetContent({
    source: 'file:///blog.git#',
    git: { status: () => null, update: async () => undefined },
    heads: {
      record: async () => {
        throw new Error('connection refused');
      },
      latest: async () => {
        throw new Error('connection refused');
      },
    },
    logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
  });
  await fleet.served({ sha: 'a'.repeat(40), subject: 'x' });
  await fleet.check();
  await fleet.check();
  assert.deepEqual(lines.length, 1);
  assert.match(lines[0] ?? '', /cannot share the content commit through the store \(connection refused\)/);
});
