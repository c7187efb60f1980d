import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.ts';
import { sqliteFileName } from '../../src/store/sqlite.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';

const run = promisify(execFile);
const claimer = new URL('./claimer.ts', import.meta.url).pathname;
const slots = 60;

/** Starts `count` claimer processes at once on one store; returns what each won. */
async function raceProcesses(count: number, databaseUrl: string, dataDir: string) {
  const outputs = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      run(process.execPath, [
        '--import',
        'tsx',
        claimer,
        databaseUrl,
        dataDir,
        `replica-${i}`,
        String(slots),
      ]),
    ),
  );
  return outputs.map(({ stdout }) => JSON.parse(stdout) as { won: number[]; answered: string[] });
}

function assertEachOnce(results: { won: number[]; answered: string[] }[]): void {
  const won = results.flatMap((r) => r.won).sort((a, b) => a - b);
  assert.deepEqual(
    won,
    Array.from({ length: slots }, (_, i) => i),
    'each slot claimed by exactly one process',
  );
  const answered = results.flatMap((r) => r.answered);
  assert.equal(new Set(answered).size, slots);
  assert.equal(answered.length, slots, 'each event answered by exactly one process');
}

describe('several processes on one store, starting together', () => {
  let server: TestPostgres;
  const folders: string[] = [];
  before(async () => {
    server = await startTestPostgres();
  });
  after(async () => {
    await server?.stop();
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  test('PostgreSQL: three processes migrate one fresh database and share out every slot and event', async () => {
    const url = await server.createDatabase('processes');
    assertEachOnce(await raceProcesses(3, url, ''));
  });

  test('embedded: two processes on one data folder migrate it and share out every slot and event', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'talkbot-two-processes-'));
    folders.push(dir);
    assertEachOnce(await raceProcesses(2, '', dir));
  });

  test('embedded: another process reads the data folder while the bot holds it open and writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'talkbot-reader-'));
    folders.push(dir);
    const bot = await openStore({ databaseUrl: null, dataDir: dir });
    try {
      await bot.tipClaims.claim('C0READING', 1, 'bot');
      // What the talkbot CLI would do: open the same file read-only, from outside the bot's connection.
      const reader = new Database(join(dir, sqliteFileName), { readonly: true });
      try {
        await bot.tipClaims.claim('C0READING', 2, 'bot');
        const rows = reader.prepare('select slot_at from tip_claims order by slot_at').all();
        assert.deepEqual(rows, [{ slot_at: 1 }, { slot_at: 2 }]);
      } finally {
        reader.close();
      }
    } finally {
      await bot.close();
    }
  });
});
