import type { Kysely } from 'kysely';

/** Channels' reading-tip subscriptions, set from Slack. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tip_subscriptions')
    .addColumn('channel', 'text', (column) => column.primaryKey())
    .addColumn('channel_name', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('cron', 'text', (column) => column.notNull())
    .addColumn('timezone', 'text', (column) => column.notNull())
    .addColumn('subscriber', 'text', (column) => column.notNull())
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .addColumn('paused_until', 'bigint')
    .addColumn('failures', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('suspended', 'text')
    .execute();
}
