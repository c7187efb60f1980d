import type { Library } from '../search/library.ts';
import type { Message } from '../slack/blocks/message.ts';
import { renderTipFailure } from '../slack/blocks/tip-settings.ts';
import { nextSlot, pickTip, type Tip, type TipOptions } from './pick-tip.ts';
import {
  type ErrorClassifier,
  type SlotClaims,
  type SlotResult,
  type TipLogger,
  type TipOutcome,
  type TipPoster,
  TipScheduler,
} from './scheduler.ts';

/** A channel's subscription, as the store keeps it (`src/store/subscriptions.ts`). */
export interface ChannelSubscription {
  readonly channel: string;
  readonly channelName: string;
  readonly cron: string;
  readonly timezone: string;
  readonly subscriber: string;
  readonly pausedUntil: Date | null;
  readonly failures: number;
  readonly suspended: string | null;
}

/** What the manager needs of the store's subscriptions. */
export interface SubscriptionSource {
  list(): Promise<readonly ChannelSubscription[]>;
  failed(channel: string): Promise<number>;
  suspend(channel: string, code: string): Promise<void>;
  succeeded(channel: string): Promise<void>;
}

/** Everything the manager is built from; the wiring supplies the store, Slack and the clock. */
export interface ChannelTipsOptions {
  readonly subscriptions: SubscriptionSource;
  readonly library: () => Library;
  readonly seed: string;
  /** The site's base URL (whose links are the blog's own, never a tip), read at each use: a reload may change it. */
  readonly siteBaseUrl: () => string | null;
  readonly poster: TipPoster;
  readonly errorCode: ErrorClassifier;
  readonly logger: TipLogger;
  /** Tells a subscriber (a user ID) something about their channel's tips, in their DM with the bot. */
  readonly notify: (user: string, message: Message) => Promise<void>;
  readonly claims?: SlotClaims;
  readonly onSlot?: (result: SlotResult) => void;
  readonly decorate?: (message: Message, tip: Tip, channel: string) => Message;
  /** How often every replica re-reads the subscriptions, so a change made through another is picked up. @default 30 s */
  readonly refreshMs?: number;
  /** Failed posts in a row after which a channel's tips stop by themselves. @default 3 */
  readonly maxFailures?: number;
  readonly now?: () => Date;
  /** @default true */
  readonly unref?: boolean;
}

/** Slack's codes for a channel that cannot take the bot's posts until someone acts. */
const channelProblems = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** Reading tips for every subscribed channel: one TipScheduler each, kept in step with the store. */
export class ChannelTips {
  readonly #options: ChannelTipsOptions;
  readonly #running = new Map<string, { key: string; scheduler: TipScheduler }>();
  readonly #now: () => Date;
  #timer: NodeJS.Timeout | null = null;
  #refreshing: Promise<void> | null = null;

  constructor(options: ChannelTipsOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** The tip options of a channel's subscription: its cron and zone, its own round. */
  tipOptions(subscription: Pick<ChannelSubscription, 'channel' | 'cron' | 'timezone'>): TipOptions {
    return {
      schedule: subscription.cron,
      timezone: subscription.timezone,
      seed: this.#options.seed,
      channel: subscription.channel,
      siteBaseUrl: this.#options.siteBaseUrl(),
    };
  }

  /** The tip a subscription posts next after `now` (after its pause, if paused); null when stopped or nothing is worth one. */
  nextTip(subscription: ChannelSubscription, now = this.#now()): Tip | null {
    if (subscription.suspended !== null) return null;
    const from =
      subscription.pausedUntil !== null && subscription.pausedUntil > now ? subscription.pausedUntil : now;
    const at = nextSlot(subscription.cron, subscription.timezone, from);
    return at === null ? null : pickTip(this.#options.library(), at, this.tipOptions(subscription));
  }

  /** Reads the subscriptions now and every `refreshMs`; each running channel posts at its own slots. */
  async start(): Promise<void> {
    await this.refresh();
    this.#timer = setInterval(() => {
      void this.refresh();
    }, this.#options.refreshMs ?? 30_000);
    if (this.#options.unref ?? true) this.#timer.unref();
  }

  /** Stops every channel's schedule; no timer is left behind. */
  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    for (const { scheduler } of this.#running.values()) scheduler.stop();
    this.#running.clear();
  }

  /** Brings the running schedules in line with the store: new, changed, paused, resumed and removed channels. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#reconcile().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Runs one channel's slot at `at` as its schedule would (claim, post, count failures); null when it has no running schedule. */
  async runSlot(channel: string, at: Date): Promise<SlotResult | null> {
    return (await this.#running.get(channel)?.scheduler.runSlot(at)) ?? null;
  }

  /** Posts a channel's tip of now at once, without a claim (the playground's Post today's tip). */
  async postNow(channel: string): Promise<TipOutcome | null> {
    return (await this.#running.get(channel)?.scheduler.fireToday()) ?? null;
  }

  /** The channels whose schedules run on this replica now. */
  get channels(): string[] {
    return [...this.#running.keys()];
  }

  async #reconcile(): Promise<void> {
    let subscriptions: readonly ChannelSubscription[];
    try {
      subscriptions = await this.#options.subscriptions.list();
    } catch (error) {
      this.#options.logger.warn(
        `reading tips: the store is unreachable (${(error as Error).message}); channels keep their last known schedules`,
      );
      return;
    }
    const now = this.#now();
    const wanted = new Map(
      subscriptions
        .filter((s) => s.suspended === null && (s.pausedUntil === null || s.pausedUntil <= now))
        .map((s) => [s.channel, s]),
    );
    for (const [channel, running] of this.#running) {
      const want = wanted.get(channel);
      if (want === undefined || keyOf(want) !== running.key) {
        running.scheduler.stop();
        this.#running.delete(channel);
      }
    }
    for (const [channel, subscription] of wanted) {
      if (this.#running.has(channel)) continue;
      const scheduler = this.#schedulerFor(subscription);
      this.#running.set(channel, { key: keyOf(subscription), scheduler });
      scheduler.start();
    }
  }

  #schedulerFor(subscription: ChannelSubscription): TipScheduler {
    const o = this.#options;
    const { decorate } = o;
    return new TipScheduler({
      ...this.tipOptions(subscription),
      channel: subscription.channel,
      library: o.library,
      poster: o.poster,
      errorCode: o.errorCode,
      logger: o.logger,
      ...(o.claims ? { claims: o.claims } : {}),
      ...(o.onSlot ? { onSlot: o.onSlot } : {}),
      ...(decorate
        ? { decorate: (message: Message, tip: Tip) => decorate(message, tip, subscription.channel) }
        : {}),
      ...(o.now ? { now: o.now } : {}),
      unref: o.unref ?? true,
      onOutcome: (outcome) => this.#counted(subscription, outcome),
    });
  }

  /** Counts failures in a row: the first tells the subscriber how to fix it, the last stops the channel's tips. */
  async #counted(subscription: ChannelSubscription, outcome: TipOutcome): Promise<void> {
    const { subscriptions, logger, notify } = this.#options;
    if (outcome.status === 'posted') {
      await subscriptions.succeeded(subscription.channel);
      return;
    }
    if (outcome.status !== 'failed' || !channelProblems.has(outcome.code)) return;
    const failures = await subscriptions.failed(subscription.channel);
    const stopped = failures >= (this.#options.maxFailures ?? 3);
    if (stopped) {
      await subscriptions.suspend(subscription.channel, outcome.code);
      logger.warn(
        `reading tips in ${subscription.channel} stopped after ${failures} failed posts (${outcome.code}); /talk tips there shows how to resume`,
      );
      this.#running.get(subscription.channel)?.scheduler.stop();
      this.#running.delete(subscription.channel);
    }
    if ((failures === 1 || stopped) && /^[UW][A-Z0-9]+$/.test(subscription.subscriber)) {
      const name = subscription.channelName ? `#${subscription.channelName}` : subscription.channel;
      await notify(subscription.subscriber, renderTipFailure(name, outcome.code, stopped)).catch(
        (error: unknown) => {
          logger.warn(
            `could not tell ${subscription.subscriber} about the tips in ${subscription.channel}: ${o(error)}`,
          );
        },
      );
    }
  }
}

function o(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What makes a running schedule stale: a new cron, zone or subscriber (failures are counted on the row). */
function keyOf(subscription: ChannelSubscription): string {
  return JSON.stringify([subscription.cron, subscription.timezone, subscription.subscriber]);
}
