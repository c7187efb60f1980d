import { statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type FileStamp, fileStamp, isSettled, sameStamp } from './file-stamp.ts';
import { cacheFilePath, readCacheFile, writeCacheFile } from './parse-cache-file.ts';
import type { FileOutcome } from './parse-file.ts';
import { parserIdentity } from './parser-identity.ts';
import { reason } from './walk.ts';

/** Where a parse cache keeps its outcomes between runs, and whom it tells when it cannot. */
export interface ParseCacheOptions {
  /** The folder for cache files (`TALKBOT_CACHE_DIR`); null keeps outcomes in memory only. */
  readonly dir: string | null;
  /** Hears, once, why the cache folder could not be read or written (loads go on without it). */
  readonly warn?: (message: string) => void;
  /**
   * How long after a load its outcomes are written: a starting app waits until it is up, so that
   * writing never delays it. `saved()` writes at once. @default 0 (the next turn of the event loop)
   */
  readonly saveDelayMs?: number;
}

/**
 * How long a running app waits after a load before writing the cache file: past its start and past a
 * reload's Library build (which runs in slices, so a save started at once would share its turns).
 */
export const appSaveDelayMs = 3000;

/** What a cache held for a load's pages: outcomes still true of their files, and the pages to parse. */
export interface CacheCheck {
  readonly kept: ReadonlyMap<string, FileOutcome>;
  readonly stale: readonly string[];
}

// Files stat'ed between turns of the event loop: a reload must not stall a running app.
const statsPerTurn = 1000;

/**
 * What each file of one content folder gave when last parsed, checked against the file's stamp
 * before each use: a reload parses only the files that changed, and with a cache folder so does a
 * restart. A file written within moments of being read is parsed again next time (see `isSettled`).
 */
export class ParseCache {
  readonly #root: string;
  readonly #options: ParseCacheOptions;
  #entries: Map<string, FileOutcome> | null = null;
  #opening: Promise<Map<string, FileOutcome>> | null = null;
  #identity: Promise<string> | null = null;
  #saving: Promise<void> = Promise.resolve();
  #saveQueued = false;
  #startSave: () => void = () => undefined;
  #warned = false;
  #reused = 0;

  constructor(root: string, options: ParseCacheOptions) {
    this.#root = root;
    this.#options = options;
  }

  /** How many files the cache holds. */
  get size(): number {
    return this.#entries?.size ?? 0;
  }

  /** How many files the last `check` found unchanged, so that the load took them from here. */
  get reused(): number {
    return this.#reused;
  }

  /** Reads the cache file, once (later calls wait for the same read): whether it held anything. */
  async open(): Promise<boolean> {
    this.#opening ??= this.#readFile().then((entries) => {
      this.#entries = entries;
      return entries;
    });
    return (await this.#opening).size > 0;
  }

  /** Sorts a load's pages into those whose cached outcome still matches the file and those to parse. */
  async check(pages: readonly string[]): Promise<CacheCheck> {
    const entries = this.#entries ?? (await this.#opening) ?? new Map<string, FileOutcome>();
    const kept = new Map<string, FileOutcome>();
    const stale: string[] = [];
    for (const [i, path] of pages.entries()) {
      const cached = entries.get(path);
      if (cached?.stamp && sameStamp(cached.stamp, this.#stampOf(path) ?? noFile)) kept.set(path, cached);
      else stale.push(path);
      if (i % statsPerTurn === statsPerTurn - 1) await nextTurn();
    }
    this.#reused = kept.size;
    return { kept, stale };
  }

  /**
   * Takes a load's outcome: `fresh` (parsed in a load that started reading at `readAt`) replaces what
   * was cached for those pages, and pages no longer listed are forgotten. Saves in the background
   * when anything changed.
   */
  update(pages: readonly string[], fresh: readonly FileOutcome[], readAt: number): void {
    this.#entries ??= new Map();
    const entries = this.#entries;
    let changed = false;
    for (const outcome of fresh) {
      if (outcome.stamp && isSettled(outcome.stamp, readAt)) {
        entries.set(outcome.path, outcome);
        changed = true;
      } else changed = entries.delete(outcome.path) || changed;
    }
    const listed = new Set(pages);
    for (const path of entries.keys()) {
      if (!listed.has(path)) changed = entries.delete(path) || changed;
    }
    if (changed) this.#saveSoon();
  }

  /** Writes a save still waiting for its delay now, and resolves once it is written (or has failed and been reported). */
  async saved(): Promise<void> {
    this.#startSave();
    await this.#saving;
  }

  #stampOf(path: string): FileStamp | null {
    try {
      return fileStamp(statSync(join(this.#root, path)));
    } catch {
      return null;
    }
  }

  /** This cache's file and the parsing code's identity; null when there is no cache folder or no identity. */
  async #target(): Promise<{ file: string; identity: string } | null> {
    const dir = this.#options.dir;
    if (dir === null) return null;
    this.#identity ??= parserIdentity();
    try {
      const identity = await this.#identity;
      return { file: cacheFilePath(dir, this.#root, identity), identity };
    } catch (error) {
      // Without knowing which code would read it, no cache file can be trusted: parse everything.
      this.#warn(`no parse cache: cannot tell which parsing code is running: ${reason(error)}`);
      return null;
    }
  }

  async #readFile(): Promise<Map<string, FileOutcome>> {
    const entries = new Map<string, FileOutcome>();
    const target = await this.#target();
    if (target === null) return entries;
    try {
      for (const outcome of await readCacheFile(target.file, target.identity, this.#root))
        entries.set(outcome.path, outcome);
    } catch (error) {
      // It is rewritten whole at the next save; meanwhile every file is parsed.
      this.#warn(`ignoring the parse cache ${target.file}: ${reason(error)}`);
      entries.clear();
    }
    return entries;
  }

  #saveSoon(): void {
    if (this.#options.dir === null || this.#saveQueued) return;
    this.#saveQueued = true;
    const delay = this.#options.saveDelayMs ?? 0;
    const waited = new Promise<void>((resolve) => {
      this.#startSave = resolve;
      // After this turn at least: whatever the load's caller does next (building the index) goes first.
      if (delay > 0) setTimeout(resolve, delay).unref();
      else setImmediate(resolve);
    });
    this.#saving = this.#saving.then(async () => {
      await waited;
      this.#saveQueued = false;
      const target = await this.#target();
      if (target === null) return;
      try {
        await writeCacheFile(target.file, target.identity, this.#root, [...(this.#entries?.values() ?? [])]);
      } catch (error) {
        this.#warn(
          `cannot write the parse cache ${target.file}: ${reason(error)}; set TALKBOT_CACHE_DIR to a folder ` +
            'talkbot may write, or to off (content still loads, only restarts are slower)',
        );
      }
    });
  }

  #warn(message: string): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#options.warn?.(message);
  }
}

const noFile: FileStamp = { size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 };
