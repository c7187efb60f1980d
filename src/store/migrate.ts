import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

/** What running the migrations did. */
export interface MigrationReport {
  /** The names applied now (empty when the database was up to date). */
  readonly applied: readonly string[];
  /** Migrations the database has that this version does not know: a newer talkbot ran them. */
  readonly unknown: readonly string[];
}

/** Kysely's own table of executed migrations. */
const migrationTable = 'kysely_migration';

/**
 * Brings the database up to the latest migration. Several replicas may start at once: on PostgreSQL,
 * Kysely's migrator holds an advisory lock while it migrates, so one applies and the others find it done.
 * A rolling deploy runs old and new replicas side by side, and a rollback starts an old one on a database a
 * newer one migrated: migrations only add (tables, columns), so an older version carries on, and the names
 * it does not know are reported rather than refused. Migrations from branches merged in any order are
 * applied even when they sort before one already run.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationReport> {
  const executed = await executedNames(db);
  const unknown = executed.filter((name) => !(name in migrations));
  // Already run, so never run again: a stand-in keeps Kysely from calling the database corrupt.
  const known: Record<string, Migration> = { ...migrations };
  for (const name of unknown) known[name] = { up: async () => {} };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => known },
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, unknown };
}

/**
 * The migrations recorded as run; none on a fresh database, where the table is not there yet (any other
 * failure, a lost connection, comes back from the migrator itself).
 */
async function executedNames(db: Kysely<unknown>): Promise<string[]> {
  try {
    const rows = await (db as Kysely<{ [migrationTable]: { name: string } }>)
      .selectFrom(migrationTable)
      .select('name')
      .execute();
    return rows.map((row) => row.name);
  } catch {
    return [];
  }
}
