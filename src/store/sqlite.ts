import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { StoreError } from './errors.ts';
import { type MigrationReport, migrateToLatest } from './migrate.ts';
import { pingOf } from './ping.ts';
import type { StoreTables } from './schema.ts';

/** The embedded database's file name inside `TALKBOT_DATA_DIR`. */
export const sqliteFileName = 'talkbot.sqlite';

/** How long a write waits for another process's write to finish before giving up. */
const busyTimeoutMs = 5000;

/** How many times migrating is retried when another process on the same folder migrates at the same moment. */
const migrateAttempts = 20;

/** Opens (creating if needed) and migrates the embedded SQLite database in a data folder. */
export async function openSqlite(dataDir: string): Promise<{
  db: Kysely<StoreTables>;
  file: string;
  ping: () => Promise<boolean>;
  migrations: MigrationReport;
}> {
  const file = join(dataDir, sqliteFileName);
  const { default: Database } = await import('better-sqlite3');
  let connection: InstanceType<typeof Database>;
  try {
    mkdirSync(dataDir, { recursive: true });
    connection = new Database(file, { timeout: busyTimeoutMs });
    // WAL lets another process (the talkbot CLI) read while the bot writes. Switching a new file to WAL
    // answers "database is locked" at once, without waiting, while another process starting beside it
    // holds the file: wait and try again, as the migrations below do.
    await untilNotBusy(() => connection.pragma('journal_mode = WAL'));
    connection.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new StoreError('TALKBOT_DATA_DIR', `cannot open ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: connection }) });
  let migrations: MigrationReport;
  for (let attempt = 1; ; attempt++) {
    try {
      // Kysely's SQLite migrator takes no lock and runs no transaction of its own, so two processes
      // starting together would both apply the first migration ("table already exists"). An immediate
      // transaction holds SQLite's write lock across the whole check-and-apply: the second process waits,
      // then finds the migrations done. A failed migration rolls back whole.
      connection.exec('BEGIN IMMEDIATE');
      try {
        migrations = await migrateToLatest(db as Kysely<unknown>);
        connection.exec('COMMIT');
      } finally {
        if (connection.inTransaction) connection.exec('ROLLBACK');
      }
      break;
    } catch (error) {
      if (attempt < migrateAttempts && isBusy(error)) {
        await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
        continue;
      }
      await db.destroy();
      throw new StoreError('TALKBOT_DATA_DIR', `${file} could not be migrated: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return { db, file, ping: pingOf(db as Kysely<unknown>), migrations };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

async function untilNotBusy(step: () => unknown): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      step();
      return;
    } catch (error) {
      if (attempt >= migrateAttempts || !isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
    }
  }
}
