import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { forEachEngine } from './engines.ts';

forEachEngine('opening the store', (engine, open) => {
  test('creates every table and records each migration once', async () => {
    const store = await open();
    assert.equal(store.engine, engine);
    assert.equal(await store.ping(), true);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      store.db,
    );
    assert.deepEqual(
      rows.map((row) => row.name),
      ['0001-seen-events', '0002-tip-claims', '0010-tip-subscriptions', '0011-insights'],
    );
    const claims = await store.db.selectFrom('tip_claims').selectAll().execute();
    assert.deepEqual(claims, []);
  });
});
