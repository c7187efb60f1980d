import type { Commit } from '../sources/git-checkout.ts';
import type { GitStatus } from '../sources/git-source.ts';
import type { ContentHead } from '../store/index.ts';

/**
 * How often a replica checks the commit the fleet last recorded: a read of one row, so every replica serves a
 * commit pushed to any one of them within half a minute (a webhook reaches only the replica it is sent to).
 */
export const fleetCheckMs = 20_000;

/** The store's part: the commit recorded per source. */
export interface HeadRecords {
  record(source: string, sha: string): Promise<void>;
  latest(source: string): Promise<ContentHead | null>;
}

/** What the fleet sync needs of the content repository. */
export interface FollowedSource {
  status(): GitStatus | null;
  update(): Promise<void>;
}

/** What to share, where, and how often. */
export interface FleetContentOptions {
  /** The repository and ref as one key, no credential in it. */
  readonly source: string;
  readonly git: FollowedSource;
  readonly heads: HeadRecords;
  readonly logger: { info(message: string): void; warn(message: string): void };
  /** @default fleetCheckMs */
  readonly checkMs?: number;
}

/**
 * Shares the content repository's commit through the store: each new commit a replica checks out is recorded,
 * and a replica that finds a newer record than the commit it serves fetches at once. A store that is away
 * costs this and nothing else: each replica still polls and takes its own webhooks.
 */
export class FleetContent {
  readonly #options: FleetContentOptions;
  #timer: NodeJS.Timeout | null = null;
  #storeDown = false;
  #checking: Promise<void> | null = null;

  constructor(options: FleetContentOptions) {
    this.#options = options;
  }

  /** Records a commit this replica has just checked out, for the others to follow. */
  async served(commit: Commit): Promise<void> {
    await this.#store(() => this.#options.heads.record(this.#options.source, commit.sha));
  }

  /** Checks the record every `checkMs` until `stop`. */
  start(): void {
    this.#timer = setInterval(() => {
      this.#checking ??= this.check().finally(() => {
        this.#checking = null;
      });
    }, this.#options.checkMs ?? fleetCheckMs);
    this.#timer.unref();
  }

  /** Fetches when another replica recorded a commit after this one began serving its own. */
  async check(): Promise<void> {
    const head = await this.#store(() => this.#options.heads.latest(this.#options.source));
    const status = this.#options.git.status();
    if (!head || !status || head.sha === status.commit.sha) return;
    // An older record (this replica moved on by itself since) is no news.
    if (head.recordedAt <= status.since.getTime()) return;
    this.#options.logger.info(
      `${head.recordedBy} serves content commit ${head.sha.slice(0, 7)}: updating to follow it`,
    );
    await this.#options.git.update();
  }

  /** Stops checking and waits for a check in progress. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#checking;
  }

  async #store<T>(operation: () => Promise<T>): Promise<T | null> {
    try {
      const result = await operation();
      if (this.#storeDown) this.#options.logger.info('the store answers again: content commits are shared');
      this.#storeDown = false;
      return result;
    } catch (error) {
      // One line when the store goes away, not one per check.
      if (!this.#storeDown) {
        this.#options.logger.warn(
          `cannot share the content commit through the store (${(error as Error).message}); ` +
            'each replica still follows the repository by itself',
        );
      }
      this.#storeDown = true;
      return null;
    }
  }
}
