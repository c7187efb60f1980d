import type { Kysely } from 'kysely';

/** The `content_heads` table: the newest commit any replica has served, per content repository and ref. */
export interface ContentHeadTables {
  content_heads: {
    /** The repository and ref (`url#ref`), with no credential in it. */
    source: string;
    sha: string;
    /** When it was recorded, epoch milliseconds. */
    recorded_at: number;
    /** The replica that recorded it (host and process id). */
    recorded_by: string;
  };
}

/** A commit a replica recorded as the one it serves. */
export interface ContentHead {
  readonly sha: string;
  readonly recordedAt: number;
  readonly recordedBy: string;
}

/**
 * The content repository's commit as the fleet last saw it: the replica that fetched a new commit (on a
 * webhook, or its own poll) records it, and every other replica checks it cheaply and fetches when it differs.
 */
export class ContentHeads {
  readonly #db: Kysely<ContentHeadTables>;

  constructor(db: Kysely<ContentHeadTables>) {
    this.#db = db;
  }

  /** Records the commit this replica now serves for a source. */
  async record(source: string, sha: string, replica: string, now = Date.now()): Promise<void> {
    await this.#db
      .insertInto('content_heads')
      .values({ source, sha, recorded_at: now, recorded_by: replica })
      .onConflict((conflict) =>
        conflict.column('source').doUpdateSet({ sha, recorded_at: now, recorded_by: replica }),
      )
      .execute();
  }

  /** The commit last recorded for a source, or null when none was. */
  async latest(source: string): Promise<ContentHead | null> {
    const row = await this.#db
      .selectFrom('content_heads')
      .select(['sha', 'recorded_at', 'recorded_by'])
      .where('source', '=', source)
      .executeTakeFirst();
    return row ? { sha: row.sha, recordedAt: Number(row.recorded_at), recordedBy: row.recorded_by } : null;
  }
}
