import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FleetDedupe, type SharedSightings } from '../../src/slack/fleet-dedupe.ts';
import { openStore, type Store } from '../../src/store/index.ts';

describe('FleetDedupe', () => {
  let dir: string;
  let store: Store;
  let closed: Store;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'talkbot-dedupe-'));
    store = await openStore({ databaseUrl: null, dataDir: dir });
    closed = await openStore({ databaseUrl: null, dataDir: dir });
    await closed.close();
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('drops an event another replica recorded, answers a new one', async () => {
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m), info: () => {} };
    const here = new FleetDedupe(store.dedupe, logger);
    const there = new FleetDedupe(store.dedupe, logger);
    assert.equal(await here.isRepeat('Ev0FIRST'), false);
    assert.equal(await there.isRepeat('Ev0FIRST'), true);
    assert.equal(await there.isRepeat('Ev0SECOND'), false);
    assert.deepEqual(warnings, []);
  });

  it('with the store gone, answers on its own memory, warns once, and says when it is back', async () => {
    const warnings: string[] = [];
    const infos: string[] = [];
    let errors = 0;
    // The store "goes away" and comes back: a closed store answers every call with an error.
    let current: Store = closed;
    const shared: SharedSightings = { firstSighting: (id) => current.dedupe.firstSighting(id) };
    const dedupe = new FleetDedupe(
      shared,
      { warn: (m: string) => warnings.push(m), info: (m: string) => infos.push(m) },
      () => errors++,
    );
    assert.equal(await dedupe.isRepeat('Ev0OUTAGE'), false, 'answered');
    assert.equal(await dedupe.isRepeat('Ev0OUTAGE'), true, 'its retry to this replica is still dropped');
    assert.equal(await dedupe.isRepeat('Ev0OUTAGE2'), false);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /the store is unreachable .*told apart by this replica alone/);
    assert.equal(errors, 3);
    current = store;
    assert.equal(await dedupe.isRepeat('Ev0AFTER'), false);
    assert.match(infos.join('\n'), /reachable again/);
  });
});
