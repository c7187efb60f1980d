import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TalkbotMetrics } from '../../src/ops/metrics.ts';
import type { Library } from '../../src/search/library.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { TipScheduler } from '../../src/tips/scheduler.ts';
import { fleetParts } from '../../src/wiring/fleet.ts';
import { berlinWeekdays, loadSite } from './helpers.ts';

/** A replica's scheduler on a store, posting into `posted`, logging into `logs`. */
function replica(store: Store, library: Library, posted: string[], logs: string[]) {
  const logger = new RedactingLogger('info', [], (line) => logs.push(line));
  const fleet = fleetParts(store, logger, new TalkbotMetrics(() => library));
  const scheduler = new TipScheduler({
    ...berlinWeekdays,
    channel: 'C0TIPS',
    library: () => library,
    poster: {
      post: async (_channel, message) => {
        posted.push(message.text);
      },
    },
    errorCode: () => null,
    logger,
    claims: fleet.claims,
    onSlot: fleet.onSlot,
  });
  return { scheduler, metrics: fleet.metrics };
}

describe('TipScheduler with claims in the store (two processes’ worth of stores on one data folder)', () => {
  let library: Library;
  let dir: string;
  let first: Store;
  let second: Store;
  before(async () => {
    library = await loadSite('test/fixtures/sites/talks');
    dir = await mkdtemp(join(tmpdir(), 'talkbot-claims-'));
    first = await openStore({ databaseUrl: null, dataDir: dir });
    second = await openStore({ databaseUrl: null, dataDir: dir });
  });
  after(async () => {
    await first.close().catch(() => {});
    await second.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('posts a slot once when both replicas run it, each a few milliseconds late', async () => {
    const posted: string[] = [];
    const logs: string[] = [];
    const a = replica(first, library, posted, logs);
    const b = replica(second, library, posted, logs);
    const slot = Date.parse('2026-03-02T08:00:00Z'); // 09:00 in Berlin
    const results = await Promise.all([
      a.scheduler.runSlot(new Date(slot + 4)),
      b.scheduler.runSlot(new Date(slot + 11)),
    ]);
    assert.deepEqual([...results].sort(), ['claimed_elsewhere', 'posted']);
    assert.equal(posted.length, 1);
    const rows = await first.db.selectFrom('tip_claims').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.slot_at, slot, 'the claim names the slot, not the moment the timer fired');
    assert.equal(typeof rows[0]?.posted_at, 'number');
    assert.match(logs.join(''), /reading tip for 2026-03-02T08:00:00.000Z: another replica claimed it/);
  });

  it('skips the slot, posting nothing, when the store cannot be reached, and counts it', async () => {
    const posted: string[] = [];
    const logs: string[] = [];
    const lost = await openStore({ databaseUrl: null, dataDir: dir });
    await lost.close();
    const a = replica(lost, library, posted, logs);
    const result = await a.scheduler.runSlot(new Date('2026-03-03T08:00:00.007Z'));
    assert.equal(result, 'store_down');
    assert.deepEqual(posted, []);
    assert.match(
      logs.join(''),
      /WARN .*reading tip for 2026-03-03T08:00:00.000Z skipped: the store is unreachable/,
    );
    const metrics = await a.metrics.text();
    assert.match(metrics, /talkbot_tips_total\{result="store_down"\} 1/);
    assert.match(metrics, /talkbot_store_errors_total\{operation="tip_claim"\} 1/);
  });

  it('says, once, that a slot whose claimer died was skipped, when the next slot is posted', async () => {
    const posted: string[] = [];
    const logs: string[] = [];
    const survivor = replica(second, library, posted, logs);
    // A replica claimed Thursday's slot and died before posting it.
    const thursday = Date.parse('2026-03-05T08:00:00Z');
    assert.equal(await first.tipClaims.claim('C0TIPS', thursday, 'host-a:4242'), true);
    assert.equal(await survivor.scheduler.runSlot(new Date('2026-03-06T08:00:00.003Z')), 'posted');
    assert.equal(posted.length, 1, "Friday's tip, and not Thursday's too");
    const lost = logs.filter((line) => line.includes('never recorded as posted'));
    assert.equal(lost.length, 1);
    assert.match(
      lost[0] ?? '',
      /WARN .*reading tip for 2026-03-05T08:00:00.000Z was claimed by host-a:4242 but never recorded as posted .*skipped, not posted late/,
    );
  });
});
