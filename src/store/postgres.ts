import { Kysely, PostgresDialect } from 'kysely';
import { redactedUrl, StoreError } from './errors.ts';
import { type MigrationReport, migrateToLatest } from './migrate.ts';
import { pingOf } from './ping.ts';
import type { StoreTables } from './schema.ts';

/** Time allowed to connect, and to run one statement: answers must not wait long on a lost server. */
const connectTimeoutMs = 3000;
const statementTimeoutMs = 3000;
/** Each replica's connections: requests hold one for one short statement. */
const poolSize = 10;
/** PostgreSQL's type id for `bigint`: read as a number (milliseconds since 1970 fit well within 2^53). */
const int8Oid = 20;

/** Connects to PostgreSQL at `DATABASE_URL` and migrates it; a clear `StoreError` when that fails. */
export async function openPostgres(
  url: string,
): Promise<{ db: Kysely<StoreTables>; ping: () => Promise<boolean>; migrations: MigrationReport }> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: statementTimeoutMs,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === int8Oid ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (a restart) must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
  let migrations: MigrationReport;
  try {
    migrations = await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new StoreError('DATABASE_URL', describeFailure(error, url), { cause: error });
  }
  return { db, ping: pingOf(db as Kysely<unknown>), migrations };
}

/** Says why PostgreSQL could not be used, in words an operator can act on, never with the password. */
export function describeFailure(error: unknown, url: string): string {
  const where = redactedUrl(url);
  const { code, message } = error as { code?: string; message?: string };
  const text = hidePassword(message ?? String(error), url);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
    case 'EAI_AGAIN':
      return `(${where}): cannot reach the PostgreSQL server (${code}); is it running, and are host and port right?`;
    case '28P01':
    case '28000':
      return `(${where}): the server refused the credentials (${text}); check the user name and password`;
    case '3D000':
      return `(${where}): ${text}; create it (createdb) or correct the name`;
    default:
      return `(${where}): ${/timeout/i.test(text) ? `no answer from the server in time (${text})` : text}`;
  }
}

function hidePassword(text: string, url: string): string {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? text.replaceAll(password, '***') : text;
  } catch {
    return text;
  }
}
