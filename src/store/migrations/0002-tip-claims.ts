import type { Kysely } from 'kysely';

/** Claims of reading-tip slots, so that the fleet posts each slot once. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tip_claims')
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('slot_at', 'bigint', (column) => column.notNull())
    .addColumn('claimed_by', 'text', (column) => column.notNull())
    .addColumn('claimed_at', 'bigint', (column) => column.notNull())
    .addColumn('posted_at', 'bigint')
    .addPrimaryKeyConstraint('tip_claims_pkey', ['channel', 'slot_at'])
    .execute();
}
