import type { Kysely } from 'kysely';

/** The `tip_claims` table: which replica took each (channel, slot), and whether it recorded the post. */
export interface TipClaimTables {
  tip_claims: {
    channel: string;
    /** The slot's time, epoch milliseconds. */
    slot_at: number;
    /** The replica that claimed it (host and process id). */
    claimed_by: string;
    claimed_at: number;
    /** When the post was recorded; null while it is being posted, or forever if the claimer died. */
    posted_at: number | null;
  };
}

/** A claim that was taken but whose post was never recorded. */
export interface UnpostedClaim {
  readonly channel: string;
  readonly slotAt: number;
  readonly claimedBy: string;
}

/**
 * Claims of tip slots, shared by every replica: each (channel, slot) is claimed by exactly one replica, which
 * alone posts it. A claim is never taken over, so a replica that dies holding one costs that slot's tip
 * (two posts of one tip are worse than none) and nothing more: the next slot is another row.
 */
export class TipClaims {
  readonly #db: Kysely<TipClaimTables>;

  constructor(db: Kysely<TipClaimTables>) {
    this.#db = db;
  }

  /** Tries to claim a slot; true when this replica won it and should post. */
  async claim(channel: string, slotAt: number, replica: string, now = Date.now()): Promise<boolean> {
    const row = await this.#db
      .insertInto('tip_claims')
      .values({ channel, slot_at: slotAt, claimed_by: replica, claimed_at: now, posted_at: null })
      .onConflict((conflict) => conflict.columns(['channel', 'slot_at']).doNothing())
      .returning('slot_at')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Records that the claimed slot was posted. */
  async markPosted(channel: string, slotAt: number, now = Date.now()): Promise<void> {
    await this.#db
      .updateTable('tip_claims')
      .set({ posted_at: now })
      .where('channel', '=', channel)
      .where('slot_at', '=', slotAt)
      .execute();
  }

  /** Claims of a channel's slots in [since, before) whose post was never recorded (a replica died, or Slack failed). */
  async unposted(channel: string, since: number, before: number): Promise<UnpostedClaim[]> {
    const rows = await this.#db
      .selectFrom('tip_claims')
      .select(['channel', 'slot_at', 'claimed_by'])
      .where('channel', '=', channel)
      .where('slot_at', '>=', since)
      .where('slot_at', '<', before)
      .where('posted_at', 'is', null)
      .orderBy('slot_at')
      .execute();
    return rows.map((row) => ({ channel: row.channel, slotAt: row.slot_at, claimedBy: row.claimed_by }));
  }
}
