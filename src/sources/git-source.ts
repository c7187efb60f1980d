import { join } from 'node:path';
import { ConfigError } from '../config-error.ts';
import { type Commit, GitCheckout } from './git-checkout.ts';
import { GitFailure } from './git-client.ts';
import { type GitSettings, redactUrl } from './git-settings.ts';

/** What the Home tab and logs say about the content repository. */
export interface GitStatus {
  /** The repository, with any password in its URL removed. */
  readonly url: string;
  readonly ref: string | null;
  /** The commit being served. */
  readonly commit: Commit;
  /** Since when that commit has been served (this process's first sight of it). */
  readonly since: Date;
  /** Since when updates have been failing, or null while they work. */
  readonly failingSince: Date | null;
  /** The last update failure, cleaned of credentials; null while they work. */
  readonly lastError: string | null;
}

/** Where the content repository is read into, and who hears of a new commit. */
export interface GitSourceOptions {
  readonly settings: GitSettings;
  readonly logger: { info(message: string): void; warn(message: string): void };
  /** Called after a new commit is checked out, before the next update may start. */
  readonly onCommit?: (commit: Commit) => Promise<void>;
  /** The first wait after a failed update; it doubles per failure up to the poll interval. @default 5000 */
  readonly retryMs?: number;
}

/** Failures that leave nothing to serve at startup, with the variable whose value is to blame. */
function startupError(settings: GitSettings, failure: unknown): ConfigError {
  const why = failure instanceof Error ? failure.message : String(failure);
  if (failure instanceof GitFailure && failure.kind === 'credentials') {
    return new ConfigError(
      settings.token ? 'CONTENT_GIT_TOKEN' : 'CONTENT_GIT_URL',
      `${redactUrl(settings.url)} refused the credentials (${why}); ` +
        (settings.token
          ? 'check that CONTENT_GIT_TOKEN is valid and can read the repository'
          : 'set CONTENT_GIT_TOKEN for a private https repository, or use a URL this machine can read'),
    );
  }
  if (failure instanceof GitFailure && failure.kind === 'ref') {
    return new ConfigError(
      'CONTENT_GIT_REF',
      `"${settings.ref ?? 'HEAD'}" was not found in the repository (${why})`,
    );
  }
  return new ConfigError(
    'CONTENT_GIT_URL',
    `cannot fetch ${redactUrl(settings.url)} and there is no earlier checkout to start from (${why})`,
  );
}

/**
 * A content repository kept current: fetched at startup, then on every poll and webhook. Updates never
 * overlap (a request during one makes one more); a failure keeps the last commit and retries with backoff.
 */
export class GitSource {
  readonly #options: GitSourceOptions;
  readonly #checkout: GitCheckout;
  #commit: Commit | null = null;
  #since = new Date();
  #failingSince: Date | null = null;
  #lastError: string | null = null;
  #failures = 0;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(options: GitSourceOptions) {
    this.#options = options;
    this.#checkout = new GitCheckout(options.settings);
  }

  /** The repository's root in the checkout: where the site's configuration is read. */
  get siteDir(): string {
    return this.#checkout.dir;
  }

  /** The content folder inside the checkout. */
  get contentDir(): string {
    return join(this.#checkout.dir, this.#options.settings.contentSubdir);
  }

  /** What is served now; null before `prepare`. */
  status(): GitStatus | null {
    if (!this.#commit) return null;
    return {
      url: redactUrl(this.#options.settings.url),
      ref: this.#options.settings.ref,
      commit: this.#commit,
      since: this.#since,
      failingSince: this.#failingSince,
      lastError: this.#lastError,
    };
  }

  /**
   * Brings the checkout up to date for startup. When the remote cannot be reached it starts from the
   * last checkout with a warning; with none, it throws a ConfigError naming the variable to fix.
   */
  async prepare(): Promise<Commit> {
    try {
      this.#commit = await this.#checkout.update();
      this.#since = new Date();
    } catch (error) {
      const last = await this.#checkout.restore().catch(() => null);
      if (!last) throw startupError(this.#options.settings, error);
      this.#commit = last;
      this.#since = new Date();
      this.#fail(error, `starting from the last checkout, commit ${last.sha.slice(0, 7)}`);
    }
    return this.#commit;
  }

  /** Polls every `CONTENT_GIT_POLL` (when not 0) until `stop`. */
  start(): void {
    this.#stopped = false;
    this.#scheduleNext();
  }

  /** Updates now (a webhook arrived); waits for the update, which never throws. */
  async update(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
    await this.#running;
  }

  /** Stops polling and waits for an update in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#updateOnce();
    } while (this.#again && !this.#stopped);
    this.#scheduleNext();
  }

  async #updateOnce(): Promise<void> {
    try {
      const commit = await this.#checkout.update();
      if (this.#failingSince)
        this.#options.logger.info(
          `content repository reachable again (${redactUrl(this.#options.settings.url)})`,
        );
      this.#failures = 0;
      this.#failingSince = null;
      this.#lastError = null;
      if (commit.sha !== this.#commit?.sha) {
        this.#options.logger.info(
          `content repository at ${commit.sha.slice(0, 7)} "${commit.subject}": reloading`,
        );
        this.#commit = commit;
        this.#since = new Date();
        await this.#options.onCommit?.(commit);
      }
    } catch (error) {
      this.#fail(error, `still serving commit ${this.#commit?.sha.slice(0, 7) ?? 'none'}`);
    }
  }

  #fail(error: unknown, serving: string): void {
    this.#failures++;
    this.#failingSince ??= new Date();
    const why = this.#checkout.redact(error instanceof Error ? error.message : String(error));
    this.#lastError = why;
    const retry = this.#retryDelay();
    this.#options.logger.warn(
      `cannot update content from ${redactUrl(this.#options.settings.url)} (${why}); ${serving}` +
        (retry > 0 ? `; retrying in ${Math.round(retry / 1000)} s` : ''),
    );
  }

  #retryDelay(): number {
    const { pollMs } = this.#options.settings;
    if (this.#failures === 0) return pollMs;
    const backoff = (this.#options.retryMs ?? 5000) * 2 ** (this.#failures - 1);
    return pollMs > 0 ? Math.min(backoff, pollMs) : Math.min(backoff, 300_000);
  }

  #scheduleNext(): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const delay = this.#retryDelay();
    if (delay <= 0) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.update();
    }, delay);
    this.#timer.unref();
  }
}
