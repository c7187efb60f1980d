import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { loadHtmlSupport } from './html-support.ts';
import { type PackedOutcomes, unpackOutcomes } from './packed-outcomes.ts';
import type { FileOutcome } from './parse-file.ts';
import { parserPackages } from './parser-identity.ts';

/** How to spread parsing over threads. */
export interface ParseOptions {
  /**
   * Threads that parse a large folder, this one included (it parses a batch at a time, between
   * whatever else it has to do). @default the machine's parallelism, at most 4
   */
  readonly threads?: number;
  /**
   * Folders with fewer files are parsed on the calling thread: starting a worker costs a few hundred
   * milliseconds (it loads the parsers afresh), more than it saves on a small site. @default 1500
   */
  readonly parallelFrom?: number;
  /** Starts one worker for a content folder (a test gives one that crashes). @default startParseWorker */
  readonly startWorker?: (root: string) => Worker;
}

/** A batch of paths sent to a worker; `id` is the batch's position. */
export interface BatchRequest {
  readonly id: number;
  readonly paths: readonly string[];
}

/** A worker's answer to a batch (id -1, with nothing packed, announces that the worker is ready). */
export interface BatchReply {
  readonly id: number;
  readonly packed: PackedOutcomes | null;
}

// Small enough to keep every thread busy to the end and the event loop free between batches, large enough
// that messaging costs little (what a batch costs is in the README's Performance section).
const batchSize = 128;
// Batches a worker holds at once, so that it never waits for the main thread to hand it the next.
const inFlightPerWorker = 2;

/**
 * One parse of a content folder, in path order. A large folder is parsed by worker threads and by
 * this thread, a batch at a time with a turn of the event loop between (a reload must not stall a
 * running app). Workers take a few hundred milliseconds to load, so they start as soon as the
 * listing has found enough pages (`expect`) and load while it goes on; each is handed batches once
 * loaded. A worker that dies has its batches parsed here instead: a crash costs time, never posts.
 */
export class ContentParse {
  readonly #root: string;
  readonly #threads: number;
  readonly #parallelFrom: number;
  readonly #startWorkerFor: ((root: string) => Worker) | undefined;
  #batches: string[][] = [];
  #results: FileOutcome[][] = [];
  #started = false;
  #running = false;
  #next = 0;
  #done = 0;
  readonly #workers: Worker[] = [];
  readonly #feeders: Array<() => void> = [];
  #finish: () => void = () => undefined;
  // The parsers load only when something is to be parsed here: a start whose files are all in the
  // parse cache never loads markdown-it and the front matter parsers (a tenth of a second).
  #parser: Promise<typeof import('./parse-file.ts')> | null = null;

  constructor(root: string, options: ParseOptions = {}) {
    this.#root = root;
    this.#threads = options.threads ?? Math.min(availableParallelism(), 4);
    this.#parallelFrom = options.parallelFrom ?? 1500;
    this.#startWorkerFor = options.startWorker;
  }

  /** Told how many pages have been found so far: from `parallelFrom` on, the workers start loading. */
  expect(pages: number): void {
    if (this.#started || this.#threads < 2 || pages < this.#parallelFrom) return;
    this.#started = true;
    try {
      for (let i = 1; i < this.#threads; i++) this.#startWorker();
    } catch {
      // No thread to spare (a resource limit, say): this thread parses whatever the others do not.
    }
  }

  /** Parses these files (call once): what each gave, in the order given. */
  async run(paths: readonly string[]): Promise<FileOutcome[]> {
    for (let i = 0; i < paths.length; i += batchSize) this.#batches.push(paths.slice(i, i + batchSize));
    this.#results = new Array(this.#batches.length);
    this.expect(paths.length);
    const finished = new Promise<void>((resolve) => {
      this.#finish = resolve;
    });
    this.#running = true;
    if (this.#batches.length === 0) this.#finish();
    else this.#parser = loadParser(paths);
    for (const worker of this.#workers) worker.ref();
    for (const feed of this.#feeders) feed();
    await this.#workHere();
    await finished;
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    return this.#results.flat();
  }

  #take(): number {
    return this.#running && this.#next < this.#batches.length ? this.#next++ : -1;
  }

  #store(id: number, outcomes: FileOutcome[]): void {
    this.#results[id] = outcomes;
    this.#done++;
    if (this.#done === this.#batches.length) this.#finish();
  }

  /** Parses batches on this thread, beside the workers, while any is left. */
  async #workHere(): Promise<void> {
    if (!this.#parser) return;
    const parser = await this.#parser;
    for (let id = this.#take(); id !== -1; id = this.#take()) {
      this.#store(id, parseBatch(parser, this.#root, this.#batches[id] ?? []));
      if (this.#next < this.#batches.length) await nextTurn();
    }
  }

  /** Parses batches a worker held when it died; they are this thread's now. */
  async #parseHere(ids: readonly number[]): Promise<void> {
    const parser = await (this.#parser ?? loadParser(ids.flatMap((id) => this.#batches[id] ?? [])));
    for (const id of ids) this.#store(id, parseBatch(parser, this.#root, this.#batches[id] ?? []));
  }

  #startWorker(): void {
    const worker = (this.#startWorkerFor ?? startParseWorker)(this.#root);
    // Until `run`, a loading worker must not keep the process alive on its own.
    worker.unref();
    const held = new Set<number>();
    // A worker is handed batches once it has loaded: until then this thread is the faster one.
    let ready = false;
    let gone = false;
    this.#workers.push(worker);
    const feed = () => {
      while (ready && !gone && held.size < inFlightPerWorker) {
        const id = this.#take();
        if (id === -1) return;
        held.add(id);
        worker.postMessage({ id, paths: this.#batches[id] ?? [] } satisfies BatchRequest);
      }
    };
    this.#feeders.push(feed);
    const fail = () => {
      if (gone) return;
      gone = true;
      // Whatever the worker held is parsed here (this thread parses whatever else is left anyway).
      void this.#parseHere([...held]);
      held.clear();
    };
    worker.on('message', ({ id, packed }: BatchReply) => {
      if (id === -1) ready = true;
      else if (held.delete(id) && packed) this.#store(id, unpackOutcomes(packed));
      feed();
    });
    worker.on('error', fail);
    worker.on('exit', () => {
      if (!this.#running || this.#done < this.#batches.length) fail();
    });
  }
}

/** The parse, with what reads HTML pages when these paths hold one. */
async function loadParser(paths: readonly string[]): Promise<typeof import('./parse-file.ts')> {
  await loadHtmlSupport(paths);
  return import('./parse-file.ts');
}

function parseBatch(
  { parseFile }: typeof import('./parse-file.ts'),
  root: string,
  paths: readonly string[],
): FileOutcome[] {
  return paths.map((path) => parseFile(root, path));
}

/** Starts a parse worker; under tsx (TypeScript sources run directly) it registers tsx in the worker first. */
export function startParseWorker(root: string): Worker {
  const entry = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: { root } });
  const tsx = import.meta.resolve('tsx/esm/api');
  // The parsers are loaded by Node itself before tsx is registered: through tsx's hooks each of their
  // many files costs a round trip to its loader thread. A package missing here still loads, only slower.
  const packages = JSON.stringify(parserPackages.map((name) => import.meta.resolve(name)));
  const boot = `Promise.all(${packages}.map((url) => import(url)))
    .then(() => import(${JSON.stringify(tsx)}))
    .then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData: { root } });
}
