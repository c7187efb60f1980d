import { type Kysely, sql } from 'kysely';

/** How long a health check waits for the database. */
const pingTimeoutMs = 1000;

/** A health check of a database: true when it answers a trivial query within a second. */
export function pingOf(db: Kysely<unknown>): () => Promise<boolean> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), pingTimeoutMs);
    });
    const query = sql`select 1`.execute(db).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
