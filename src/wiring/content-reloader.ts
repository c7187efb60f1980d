import { resolve } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { isConfigPath } from '../content/config-tree.ts';
import { formatProblem } from '../content/format-problem.ts';
import { keepLastGood } from '../content/last-good.ts';
import { findProjectRoot } from '../content/site-config.ts';
import type { LoadResult } from '../content/types.ts';
import { Library } from '../search/library.ts';

/** Where the reloader reports: Bolt's Logger (or talkbot's RedactingLogger) fits. */
export interface ReloadLogger {
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

/** What the reloader needs: how to load, and where to put the new Library. */
export interface ReloaderOptions {
  readonly contentDir: string;
  /** Loads the content folder afresh. */
  readonly load: () => Promise<LoadResult>;
  /** Receives each new Library, built whole before it is handed over, with the load it was built from. */
  readonly publish: (library: Library) => void;
  /** The load that is being served now, so a broken edit can fall back to it. */
  readonly initial: LoadResult;
  readonly logger: ReloadLogger;
  /** Quiet time after the last change before reloading: editors save in bursts. @default 300 */
  readonly debounceMs?: number;
}

/**
 * Watches the content folder, and the site's configuration files at its project root (`hugo.toml`,
 * `config/_default/`, …: URLs, the title and taxonomies follow them), and rebuilds the Library after edits settle. Reloads never overlap:
 * a change during a reload schedules one more. A failed reload keeps the current Library. This is wiring:
 * the watcher and the timers live here; what a reload computes is the core's (`keepLastGood` of the
 * content, `Library.build` of search), pure values in and out.
 */
export class ContentReloader {
  readonly #options: ReloaderOptions;
  #current: LoadResult;
  #watchers: FSWatcher[] = [];
  #starting: Promise<void> | null = null;
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #reloads = 0;

  constructor(options: ReloaderOptions) {
    this.#options = options;
    this.#current = options.initial;
  }

  /** How many reloads have completed: lets a caller (or a test) see that one happened. */
  get reloads(): number {
    return this.#reloads;
  }

  /** Starts watching; resolves once the watchers are ready. */
  start(): Promise<void> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<void> {
    // Found before any watcher starts: one made earlier could be ready before its listener is on.
    const root = resolve(await findProjectRoot(this.#options.contentDir));
    // Stopped while the root was looked for: a watcher started now would never be closed.
    if (this.#stopped) return;
    const content = watch(this.#options.contentDir, { ignoreInitial: true, followSymlinks: false });
    // Only the configuration's own files and folders: the root also holds themes, assets, public/ …
    const config = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (path) => !isConfigPath(root, resolve(path)),
    });
    this.#watchers = [content, config];
    await Promise.all(
      this.#watchers.map((watcher) => {
        watcher.on('all', () => this.#schedule());
        watcher.on('error', (error) =>
          this.#options.logger.warn(`content watcher: ${(error as Error).message}`),
        );
        return new Promise<void>((ready) => watcher.once('ready', () => ready()));
      }),
    );
  }

  /** Reloads now (waiting for a reload already running), then resolves. */
  async reloadNow(): Promise<void> {
    if (this.#running) {
      // The running reload loops once more, so it will see this change too.
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#reload().finally(() => {
      this.#running = null;
    });
    await this.#running;
  }

  /** Stops watching and waits for a reload in progress to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#starting?.catch(() => undefined);
    await Promise.all(this.#watchers.map((watcher) => watcher.close()));
    this.#watchers = [];
    await this.#running;
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.reloadNow().catch(() => undefined);
    }, this.#options.debounceMs ?? 300);
    this.#timer.unref();
  }

  async #reload(): Promise<void> {
    do {
      this.#again = false;
      try {
        const next = keepLastGood(this.#current, await this.#options.load());
        // Built in slices: the app answers between them (at 10,000 posts a build takes about a second).
        const library = await Library.build(next);
        this.#current = next;
        this.#options.publish(library);
        this.#reloads++;
        this.#options.logger.info(
          `reloaded ${library.posts.length} posts and ${library.resources.length} resources` +
            (library.problems.length ? `, ${library.problems.length} problems` : ''),
        );
        for (const problem of library.problems) this.#options.logger.warn(formatProblem(problem));
      } catch (error) {
        this.#options.logger.error(
          `reload failed; still serving the previous content: ${(error as Error).message}`,
        );
      }
    } while (this.#again);
  }
}
