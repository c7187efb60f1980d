import type { Kysely } from 'kysely';

/** The content repository's newest commit served, so that every replica follows a push any one received. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('content_heads')
    .addColumn('source', 'text', (column) => column.primaryKey())
    .addColumn('sha', 'text', (column) => column.notNull())
    .addColumn('recorded_at', 'bigint', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull())
    .execute();
}
