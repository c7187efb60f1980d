import { Cron } from 'croner';
import type { Library } from '../search/library.ts';
import type { Message } from '../slack/blocks/message.ts';
import { renderTip } from '../slack/blocks/tip.ts';
import { nextSlot, pickTip, type Tip, type TipOptions } from './pick-tip.ts';

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
}

/** What one slot did: posted a tip, found nothing to post, or failed to post (with Slack's error code). */
export type TipOutcome =
  | { readonly status: 'posted'; readonly tip: Tip }
  | { readonly status: 'nothing'; readonly at: Date }
  | { readonly status: 'failed'; readonly tip: Tip; readonly code: string };

/** What to say in the log when tips are off, so that whoever reads it knows how to turn them on. */
export const tipsOffMessage =
  'reading tips are off: set TIP_CHANNEL to a channel ID (C…) to post one on a schedule (TIP_SCHEDULE, TIP_TIMEZONE)';

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
        await this.fire(job.currentRun() ?? this.#now());
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

  /**
   * Posts the tip of the latest slot at or before `at` (default now) right away: what each run does, and
   * what the playground's "Post today's tip" does. A failed post is logged and returned, never thrown.
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
      await this.#options.poster.post(channel, renderTip(tip));
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
