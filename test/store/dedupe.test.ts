import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventMemoryMs } from '../../src/store/dedupe.ts';
import { forEachEngine } from './engines.ts';

const now = Date.parse('2026-03-02T09:00:00Z');

forEachEngine('event dedupe', (_engine, open, again) => {
  test('the first sighting of an event id wins, a retry on another replica does not', async () => {
    const a = await open();
    const b = await again(a);
    assert.equal(await a.dedupe.firstSighting('Ev0RETRIED', now), true);
    assert.equal(await b.dedupe.firstSighting('Ev0RETRIED', now + 60_000), false);
    assert.equal(await a.dedupe.firstSighting('Ev0OTHER', now), true);
  });

  test('overlapping deliveries of one event to many replicas: exactly one answers', async () => {
    const a = await open();
    const fleet = [a, ...(await Promise.all([again(a), again(a), again(a)]))];
    for (let round = 0; round < 10; round++) {
      const id = `Ev0OVERLAP${round}`;
      const results = await Promise.all(
        fleet.flatMap((s) => [s, s]).map((s) => s.dedupe.firstSighting(id, now)),
      );
      assert.equal(results.filter(Boolean).length, 1, `round ${round}: ${JSON.stringify(results)}`);
    }
  });

  test('an id is answered again once its memory expires, and expired ids are pruned', async () => {
    const store = await open();
    assert.equal(await store.dedupe.firstSighting('Ev0OLD', now), true);
    assert.equal(await store.dedupe.firstSighting('Ev0OLD', now + eventMemoryMs - 1), false);
    assert.equal(await store.dedupe.firstSighting('Ev0OLD', now + eventMemoryMs), true);
    assert.equal(await store.dedupe.firstSighting('Ev0NEWER', now + eventMemoryMs), true);
    assert.equal(await store.dedupe.prune(now + 2 * eventMemoryMs + 1), 2);
    assert.deepEqual(await store.db.selectFrom('seen_events').selectAll().execute(), []);
  });
});
