import type { Kysely } from 'kysely';

/** The `tip_subscriptions` table: one row per channel that gets reading tips. */
export interface SubscriptionTables {
  tip_subscriptions: {
    channel: string;
    /** The channel's name when it was set, for the Home tab. */
    channel_name: string;
    /** Cron expression (croner syntax). */
    cron: string;
    /** IANA time zone the cron runs in. */
    timezone: string;
    /** Who set it (a Slack user ID), told when posting fails; `environment` for `TIP_CHANNEL`. */
    subscriber: string;
    created_at: number;
    updated_at: number;
    /** Epoch ms until which tips wait (`/talk tips pause 2w`); null when not paused. */
    paused_until: number | null;
    /** Failed posts in a row since the last good one. */
    failures: number;
    /** Why tips stopped by themselves (Slack's error code), null while they run. */
    suspended: string | null;
  };
}

/** A channel's reading-tip subscription, as the scheduler and the Home tab read it. */
export interface Subscription {
  readonly channel: string;
  /** The channel's name when tips were set ('' when unknown). */
  readonly channelName: string;
  readonly cron: string;
  readonly timezone: string;
  readonly subscriber: string;
  readonly updatedAt: Date;
  readonly pausedUntil: Date | null;
  readonly failures: number;
  /** Slack's error code when tips stopped after repeated failures; null while they run. */
  readonly suspended: string | null;
}

/** What setting a channel's tips takes. */
export interface SubscriptionSetting {
  readonly channel: string;
  readonly channelName?: string;
  readonly cron: string;
  readonly timezone: string;
  readonly subscriber: string;
}

type Row = SubscriptionTables['tip_subscriptions'];

function fromRow(row: Row): Subscription {
  return {
    channel: row.channel,
    channelName: row.channel_name,
    cron: row.cron,
    timezone: row.timezone,
    subscriber: row.subscriber,
    updatedAt: new Date(Number(row.updated_at)),
    pausedUntil: row.paused_until === null ? null : new Date(Number(row.paused_until)),
    failures: Number(row.failures),
    suspended: row.suspended,
  };
}

/**
 * Channels' reading-tip subscriptions, shared by every replica: set by `/talk tips on` or the Set up tips
 * modal, read by the scheduler at each tick, so a change made through one replica is seen by all.
 */
export class Subscriptions {
  readonly #db: Kysely<SubscriptionTables>;

  constructor(db: Kysely<SubscriptionTables>) {
    this.#db = db;
  }

  /** Sets a channel's tips (a new setting clears any pause and any failures). */
  async set(setting: SubscriptionSetting, now = Date.now()): Promise<Subscription> {
    const values = {
      channel: setting.channel,
      channel_name: setting.channelName ?? '',
      cron: setting.cron,
      timezone: setting.timezone,
      subscriber: setting.subscriber,
      created_at: now,
      updated_at: now,
      paused_until: null,
      failures: 0,
      suspended: null,
    };
    await this.#db
      .insertInto('tip_subscriptions')
      .values(values)
      .onConflict((conflict) =>
        conflict.column('channel').doUpdateSet({
          ...(setting.channelName ? { channel_name: setting.channelName } : {}),
          cron: setting.cron,
          timezone: setting.timezone,
          subscriber: setting.subscriber,
          updated_at: now,
          paused_until: null,
          failures: 0,
          suspended: null,
        }),
      )
      .execute();
    return fromRow(values);
  }

  /** Makes the subscription `TIP_CHANNEL` describes, unless the channel already has one set from Slack. */
  async ensure(setting: SubscriptionSetting, now = Date.now()): Promise<void> {
    const existing = await this.get(setting.channel);
    if (existing === null || existing.subscriber === setting.subscriber) {
      if (existing?.cron === setting.cron && existing.timezone === setting.timezone) return;
      await this.set(setting, now);
    }
  }

  /** A channel's subscription, or null. */
  async get(channel: string): Promise<Subscription | null> {
    const row = await this.#db
      .selectFrom('tip_subscriptions')
      .selectAll()
      .where('channel', '=', channel)
      .executeTakeFirst();
    return row === undefined ? null : fromRow(row);
  }

  /** Every subscription, by channel. */
  async list(): Promise<Subscription[]> {
    const rows = await this.#db.selectFrom('tip_subscriptions').selectAll().orderBy('channel').execute();
    return rows.map(fromRow);
  }

  /** Stops a channel's tips; true when it had any. */
  async remove(channel: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('tip_subscriptions')
      .where('channel', '=', channel)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Pauses a channel's tips until a time (null resumes them, and clears a suspension); false when it has none. */
  async pause(channel: string, until: Date | null, now = Date.now()): Promise<boolean> {
    const patch =
      until === null
        ? { paused_until: null, failures: 0, suspended: null, updated_at: now }
        : { paused_until: until.getTime(), updated_at: now };
    const result = await this.#db
      .updateTable('tip_subscriptions')
      .set(patch)
      .where('channel', '=', channel)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Counts a failed post; returns the failures in a row. */
  async failed(channel: string): Promise<number> {
    await this.#db
      .updateTable('tip_subscriptions')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('channel', '=', channel)
      .execute();
    return (await this.get(channel))?.failures ?? 0;
  }

  /** Stops tips after repeated failures, keeping why, until someone sets or resumes them. */
  async suspend(channel: string, code: string, now = Date.now()): Promise<void> {
    await this.#db
      .updateTable('tip_subscriptions')
      .set({ suspended: code, updated_at: now })
      .where('channel', '=', channel)
      .execute();
  }

  /** A good post: the failures in a row start again from none. */
  async succeeded(channel: string): Promise<void> {
    await this.#db
      .updateTable('tip_subscriptions')
      .set({ failures: 0 })
      .where('channel', '=', channel)
      .where('failures', '>', 0)
      .execute();
  }
}
