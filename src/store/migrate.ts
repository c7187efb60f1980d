import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

/** What running the migrations did: the names applied now (empty when the database was up to date). */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * Brings the database up to the latest migration. Several replicas may start at once: on PostgreSQL,
 * Kysely's migrator holds an advisory lock while it migrates, so one applies and the others find it done.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
