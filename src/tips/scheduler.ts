import { Cron } from 'croner';
import type { Library } from '../search/library.ts';
import type { Message } from '../slack/blocks/message.ts';
import { renderTip } from '../slack/blocks/tip.ts';
import { nextSlot, pickTip, type Tip, type TipOptions, todaysSlot } from './pick-tip.ts';
import { cronFor } from './slot-clock.ts';

/** Where the scheduler writes: Bolt's Logger (or talkbot's RedactingLogger) fits. */
export interface TipLogger {
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

/** Where tips go; in the app, `chat.postMessage` through Bolt's client (`src/wiring/tip-poster.ts`). */
export interface TipPoster {
  /** Sends a message to a channel; rejects when Slack says no. */
  post(channel: string, message: Message): Promise<void>;
}

/** Slack's error code of a failed post (`not_in_channel`…), or null when the failure is not one of Slack's. */
export type ErrorClassifier = (error: unknown) => string | null;

/**
 * Claims of slots shared by every replica (the store): a slot is posted only by the replica that claimed
 * it, and each replica claims before posting.
 */
export interface SlotClaims {
  /** True when this replica won the slot; rejects when the claim could not be made (store down). */
  claim(channel: string, slot: Date): Promise<boolean>;
  /** Records that the slot's tip was posted. */
  posted(channel: string, slot: Date): Promise<void>;
  /** Who holds the claim of a slot whose post was never recorded, or null (unclaimed, or posted). */
  unposted(channel: string, slot: Date): Promise<string | null>;
}

/** What a scheduled slot came to on this replica, for metrics. */
export type SlotResult = 'posted' | 'claimed_elsewhere' | 'store_down' | 'nothing' | 'failed';

/** Everything a TipScheduler needs: the tip options, where to post, and how. */
export interface TipSchedulerOptions extends TipOptions {
  /** Channel ID (`TIP_CHANNEL`) the tips go to. */
  readonly channel: string;
  /** The Library to pick from, read at each slot (it may be swapped between slots). */
  readonly library: () => Library;
  readonly poster: TipPoster;
  /** Reads a failed post's error, so the log can say how to fix it. */
  readonly errorCode: ErrorClassifier;
  readonly logger: TipLogger;
  /** The clock, for tests. @default () => new Date() */
  readonly now?: () => Date;
  /**
   * Whether the timer lets the process exit. The app's own server keeps a running bot alive, and a
   * test or a one-off script should not hang on a timer it forgot. @default true
   */
  readonly unref?: boolean;
  /** Shared claims, so that a fleet posts each slot once. @default none: this process posts every slot */
  readonly claims?: SlotClaims;
  /** Told what each scheduled slot came to. @default nothing */
  readonly onSlot?: (result: SlotResult) => void;
  /** Told each post's outcome (with Slack's error code when it failed), after it is logged. @default nothing */
  readonly onOutcome?: (outcome: TipOutcome) => void | Promise<void>;
  /** Adds to the tip's message before it is posted (the feedback buttons). @default the tip as rendered */
  readonly decorate?: (message: Message, tip: Tip) => Message;
}

/** What one slot did: posted a tip, found nothing to post, or failed to post (with Slack's error code). */
export type TipOutcome =
  | { readonly status: 'posted'; readonly tip: Tip }
  | { readonly status: 'nothing'; readonly at: Date }
  | { readonly status: 'failed'; readonly tip: Tip; readonly code: string };

/** What to say in the log when tips are off, so that whoever reads it knows how to turn them on. */
export const tipsOffMessage =
  'reading tips: channels subscribe themselves with /talk tips on; TIP_CHANNEL (a channel ID, C…) with TIP_SCHEDULE and TIP_TIMEZONE makes one subscription at startup';

/**
 * Posts a reading tip to a channel at every run of a cron schedule (croner, in the configured zone, with
 * overlapping runs prevented). Each run posts `pickTip` of its slot, so a restart carries on the same
 * sequence; a post that fails is logged with Slack's error code and how to fix it, and the schedule goes on.
 */
export class TipScheduler {
  readonly #options: TipSchedulerOptions;
  readonly #now: () => Date;
  #job: Cron | null = null;

  constructor(options: TipSchedulerOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Starts the schedule (again a no-op when running) and logs where and when the next tip goes. */
  start(): void {
    if (this.#job !== null) return;
    const { schedule, timezone, channel, logger } = this.#options;
    this.#job = new Cron(
      schedule,
      {
        timezone,
        protect: (job) =>
          logger.warn(
            `reading tip skipped at ${job.currentRun()?.toISOString()}: the last one is still posting`,
          ),
        catch: (error) => logger.error('reading tip run failed:', error),
        unref: this.#options.unref ?? true,
      },
      async (job: Cron) => {
        await this.runSlot(job.currentRun() ?? this.#now());
      },
    );
    const next = this.nextRun();
    logger.info(
      `reading tips: to ${channel} on "${schedule}" (${timezone}); next at ${next === null ? 'never' : next.toISOString()}`,
    );
  }

  /** Stops the schedule; no timer is left behind. */
  stop(): void {
    this.#job?.stop();
    this.#job = null;
  }

  /** When the next tip is due, whether or not the schedule is running; null when it never runs again. */
  nextRun(): Date | null {
    return this.#job?.nextRun() ?? nextSlot(this.#options.schedule, this.#options.timezone, this.#now());
  }

  /** Posts today's tip right away (see `todaysSlot`): the playground's "Post today's tip". */
  fireToday(): Promise<TipOutcome> {
    return this.fire(todaysSlot(this.#options, this.#now()) ?? this.#now());
  }

  /**
   * What each scheduled run does: claims the slot (the latest run at or before `at`) when claims are shared,
   * then posts it only if this replica won. With the store unreachable nobody can know whether another
   * replica posted, so the slot is skipped (two posts of one tip are worse than none). A claim is never
   * taken over: a replica that dies holding one costs that slot's tip, and the next slot is claimed anew.
   */
  async runSlot(at: Date): Promise<SlotResult> {
    const { channel, logger, claims, schedule, timezone } = this.#options;
    // Croner reports when the run started, a few milliseconds after the slot, or (Node's timers round to
    // the millisecond) just before it: every replica must name the slot itself, or their claims would never
    // meet, and a run a moment early must not name the slot before, which another replica already took.
    const slot = nearestRun(cronFor(schedule, timezone), at);
    if (claims) {
      let won: boolean;
      try {
        won = await claims.claim(channel, slot);
      } catch (error) {
        logger.warn(
          `reading tip for ${slot.toISOString()} skipped: the store is unreachable (${(error as Error).message}), so another replica may have posted it`,
        );
        this.#options.onSlot?.('store_down');
        return 'store_down';
      }
      if (!won) {
        logger.info(`reading tip for ${slot.toISOString()}: another replica claimed it`);
        this.#options.onSlot?.('claimed_elsewhere');
        return 'claimed_elsewhere';
      }
    }
    const outcome = await this.fire(slot);
    await Promise.resolve(this.#options.onOutcome?.(outcome)).catch((error: unknown) => {
      logger.warn(
        `reading tip for ${slot.toISOString()}: recording its outcome failed: ${(error as Error).message}`,
      );
    });
    const result: SlotResult = outcome.status;
    if (claims && outcome.status === 'posted') {
      await claims.posted(channel, slot).catch((error: unknown) => {
        logger.warn(
          `reading tip for ${slot.toISOString()} posted, but not recorded: ${(error as Error).message}`,
        );
      });
    }
    if (claims) await this.#reportLostSlot(claims, slot);
    this.#options.onSlot?.(result);
    return result;
  }

  /**
   * The winner of a slot says what became of the one before, if a replica claimed it and never recorded
   * its post (it died, or Slack refused): that tip is skipped, not posted late. Said once, by one replica.
   */
  async #reportLostSlot(claims: SlotClaims, slot: Date): Promise<void> {
    const { channel, logger, schedule, timezone } = this.#options;
    const previous = cronFor(schedule, timezone).previousRuns(1, slot)[0];
    if (previous === undefined) return;
    const holder = await claims.unposted(channel, previous).catch(() => null);
    if (holder !== null) {
      logger.warn(
        `reading tip for ${previous.toISOString()} was claimed by ${holder} but never recorded as posted (that replica died, or its post failed): skipped, not posted late`,
      );
    }
  }

  /**
   * Posts the tip of the latest slot at or before `at` (default now) right away: what each run does once
   * its slot is its own. A failed post is logged and returned, never thrown.
   */
  async fire(at: Date = this.#now()): Promise<TipOutcome> {
    const { channel, logger } = this.#options;
    const tip = pickTip(this.#options.library(), at, this.#options);
    if (tip === null) {
      logger.warn(
        `no reading tip for ${at.toISOString()}: the content has no resource worth a tip (profiles and links to the blog are left out)`,
      );
      return { status: 'nothing', at };
    }
    try {
      const message = renderTip(tip);
      await this.#options.poster.post(channel, this.#options.decorate?.(message, tip) ?? message);
      logger.info(
        `posted reading tip "${tip.resource.title}" to ${channel} (round ${tip.round}, ${tip.position + 1} of ${tip.roundLength})`,
      );
      return { status: 'posted', tip };
    } catch (error) {
      const code = this.#options.errorCode(error) ?? (error instanceof Error ? error.message : String(error));
      const next = nextSlot(this.#options.schedule, this.#options.timezone, this.#now());
      logger.error(
        `tip post to ${channel} failed: ${code}. ${tipPostHint(code)} Next tip: ${next === null ? 'never' : next.toISOString()}.`,
      );
      return { status: 'failed', tip, code };
    }
  }
}

/** How to fix a failed tip post, by Slack error code. */
export function tipPostHint(code: string): string {
  switch (code) {
    case 'not_in_channel':
    case 'channel_not_found':
      return 'Invite the bot with /invite @talkbot, or add chat:write.public to the bot scopes in manifest.yml and reinstall the app (a private channel needs the invite); check that TIP_CHANNEL is the channel ID (C…).';
    case 'is_archived':
      return 'The channel is archived: unarchive it, or set TIP_CHANNEL to another channel.';
    case 'ratelimited':
      return 'Slack is rate-limiting the bot; this tip is skipped and the schedule tries again at the next slot.';
    case 'missing_scope':
    case 'not_allowed_token_type':
    case 'invalid_auth':
    case 'token_revoked':
    case 'account_inactive':
      return 'Check SLACK_BOT_TOKEN and that the app has the chat:write scope (reinstall it after changing scopes).';
    default:
      return 'The schedule goes on; the next slot tries again.';
  }
}

/** The run of `cron` nearest to `at`: the slot a timer meant, whether it fired a little late or early. */
export function nearestRun(cron: Cron, at: Date): Date {
  const before = cron.previousRuns(1, new Date(at.getTime() + 1))[0];
  const after = cron.nextRun(at);
  if (!before) return after ?? at;
  if (!after) return before;
  return after.getTime() - at.getTime() < at.getTime() - before.getTime() ? after : before;
}
