import type { Kysely } from 'kysely';

/** The `seen_events` table: one row per Slack event id a replica has started answering. */
export interface DedupeTables {
  seen_events: {
    event_id: string;
    /** Epoch milliseconds after which the id may be answered again. */
    expires_at: number;
  };
}

/** How long an event id is remembered: Slack retries within minutes (three tries, up to ~5 min apart). */
export const eventMemoryMs = 60 * 60 * 1000;
/** How often expired ids are deleted, at most. */
const pruneEveryMs = 10 * 60 * 1000;

/**
 * Slack event ids recorded in the store, shared by every replica: the first replica to record an id answers
 * it, every other delivery of it (a retry, an overlapping delivery to another replica) is dropped.
 */
export class StoreDedupe {
  readonly #db: Kysely<DedupeTables>;
  #prunedAt = 0;

  constructor(db: Kysely<DedupeTables>) {
    this.#db = db;
  }

  /** Records an event id; true when this call is the first (unexpired) sighting of it, fleet-wide. */
  async firstSighting(eventId: string, now = Date.now()): Promise<boolean> {
    // One statement, so two replicas racing on one id cannot both win: the row is inserted, or an expired
    // row is taken over, or nothing is returned.
    const row = await this.#db
      .insertInto('seen_events')
      .values({ event_id: eventId, expires_at: now + eventMemoryMs })
      .onConflict((conflict) =>
        conflict
          .column('event_id')
          .doUpdateSet({ expires_at: now + eventMemoryMs })
          .where('seen_events.expires_at', '<=', now),
      )
      .returning('event_id')
      .executeTakeFirst();
    if (now - this.#prunedAt > pruneEveryMs) {
      this.#prunedAt = now;
      await this.prune(now);
    }
    return row !== undefined;
  }

  /** Deletes ids whose memory has expired; returns how many. */
  async prune(now = Date.now()): Promise<number> {
    const result = await this.#db.deleteFrom('seen_events').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
