import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written, not today's schema: hence `unknown`.

/** Slack event ids being answered, for the fleet-wide retry dedupe. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('seen_events')
    .addColumn('event_id', 'text', (column) => column.primaryKey())
    .addColumn('expires_at', 'bigint', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('seen_events_expires_at').on('seen_events').column('expires_at').execute();
}
