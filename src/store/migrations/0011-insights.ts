import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/** Questions asked and feedback given, for `talkbot insights`; a salt made once per store hashes who voted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('asked_at', 'bigint', (column) => column.notNull())
    .addColumn('query', 'text', (column) => column.notNull())
    .addColumn('urls', 'text', (column) => column.notNull())
    .addColumn('answered', 'integer', (column) => column.notNull())
    .addColumn('surface', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('questions_asked_at').on('questions').column('asked_at').execute();
  await db.schema
    .createTable('feedback')
    .addColumn('question_id', 'text', (column) => column.notNull())
    .addColumn('person', 'text', (column) => column.notNull())
    .addColumn('at', 'bigint', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .addColumn('query', 'text', (column) => column.notNull())
    .addColumn('urls', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('feedback_pkey', ['question_id', 'person'])
    .execute();
  await db.schema.createIndex('feedback_at').on('feedback').column('at').execute();
  await db.schema
    .createTable('insights_salt')
    .addColumn('id', 'integer', (column) => column.primaryKey())
    .addColumn('salt', 'text', (column) => column.notNull())
    .execute();
  await (db as Kysely<{ insights_salt: { id: number; salt: string } }>)
    .insertInto('insights_salt')
    .values({ id: 1, salt: randomBytes(32).toString('hex') })
    .execute();
}
