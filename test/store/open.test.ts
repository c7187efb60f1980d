import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { forEachEngine } from './engines.ts';

forEachEngine('opening the store', (engine, open, again) => {
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

  test('opens a database a newer talkbot migrated, naming the migrations it does not know', async () => {
    const store = await open();
    await sql`insert into kysely_migration (name, timestamp) values ('0099-from-a-newer-version', '2026-12-01T00:00:00.000Z')`.execute(
      store.db,
    );
    const older = await again(store);
    assert.deepEqual(older.unknownMigrations, ['0099-from-a-newer-version']);
    assert.equal(await older.tipClaims.claim('C0READING', 1, 'older'), true);
    assert.deepEqual(store.unknownMigrations, []);
  });
});
