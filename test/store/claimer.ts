// A replica in miniature, run as its own process by processes.test.ts: opens the store (migrating it, at
// the same moment as its siblings), then claims each slot and records each event id, and prints what it won.
import { openStore } from '../../src/store/index.ts';

const [databaseUrl, dataDir, name, slots] = process.argv.slice(2);
const store = await openStore({ databaseUrl: databaseUrl || null, dataDir: dataDir ?? '' });
const start = Date.parse('2026-03-02T09:00:00Z');
const won: number[] = [];
const answered: string[] = [];
for (let i = 0; i < Number(slots); i++) {
  if (await store.tipClaims.claim('C0READING', start + i * 60_000, name ?? 'claimer')) won.push(i);
  if (await store.dedupe.firstSighting(`Ev0SLOT${i}`)) answered.push(`Ev0SLOT${i}`);
}
await store.close();
process.stdout.write(`${JSON.stringify({ won, answered })}\n`);
