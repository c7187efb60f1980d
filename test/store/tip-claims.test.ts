import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { forEachEngine } from './engines.ts';

const monday9 = Date.parse('2026-03-02T09:00:00Z');
const day = 24 * 60 * 60 * 1000;

forEachEngine('tip claims', (_engine, open, again) => {
  test('property: of many replicas claiming one slot at once, exactly one wins', async () => {
    const first = await open();
    // Replicas with connections of their own, as separate processes would have.
    const fleet = [first, ...(await Promise.all(Array.from({ length: 5 }, () => again(first))))];
    let slot = monday9;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: fleet.length - 1 }), { minLength: 2, maxLength: 24 }),
        fc.constantFrom('C0READING', 'C0GENERAL'),
        async (claimers, channel) => {
          slot += day;
          const wins = await Promise.all(
            claimers.map((which, i) => fleet[which]?.tipClaims.claim(channel, slot, `replica-${i}`)),
          );
          assert.equal(wins.filter(Boolean).length, 1, `claims ${JSON.stringify(wins)}`);
          const rows = await first.db
            .selectFrom('tip_claims')
            .selectAll()
            .where('slot_at', '=', slot)
            .execute();
          assert.equal(rows.length, 1);
          const winner = wins.indexOf(true);
          assert.equal(rows[0]?.claimed_by, `replica-${winner}`);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('a claim on one channel leaves the same slot free on another', async () => {
    const store = await open();
    assert.equal(await store.tipClaims.claim('C0READING', monday9, 'a'), true);
    assert.equal(await store.tipClaims.claim('C0GENERAL', monday9, 'b'), true);
    assert.equal(await store.tipClaims.claim('C0READING', monday9, 'b'), false);
  });

  test('a claim never recorded as posted is reported, and does not block the next slot', async () => {
    const store = await open();
    const other = await again(store);
    assert.equal(await store.tipClaims.claim('C0READING', monday9, 'died-while-posting'), true);
    assert.equal(await other.tipClaims.claim('C0READING', monday9 + day, 'alive'), true);
    await other.tipClaims.markPosted('C0READING', monday9 + day);
    assert.deepEqual(await other.tipClaims.unposted('C0READING', monday9 - day, monday9 + 2 * day), [
      { channel: 'C0READING', slotAt: monday9, claimedBy: 'died-while-posting' },
    ]);
  });
});
