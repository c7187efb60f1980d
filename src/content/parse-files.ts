import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { type FileOutcome, parseFile } from './parse-file.ts';

/** How to spread parsing over threads. */
export interface ParseOptions {
  /** Worker threads for a large folder. @default the machine's parallelism, at most 4 */
  readonly threads?: number;
  /**
   * Folders with fewer files are parsed on the calling thread: starting a worker costs a few hundred
   * milliseconds (it loads the parsers afresh), more than it saves on a small site. @default 1500
   */
  readonly parallelFrom?: number;
}

/** A batch of paths sent to a worker; `id` is the batch's position. */
export interface BatchRequest {
  readonly id: number;
  readonly paths: readonly string[];
}

/** A worker's answer to a batch (id -1 announces that the worker is ready). */
export interface BatchReply {
  readonly id: number;
  readonly outcomes: readonly FileOutcome[];
}

// About 30 ms of work: small enough to keep every thread busy to the end and the event loop free
// between batches, large enough that messaging costs little.
const batchSize = 128;
// Batches a worker holds at once, so that it never waits for the main thread to hand it the next.
const inFlightPerWorker = 2;

/**
 * Reads and parses content files, in path order. A large folder is parsed by worker threads while
 * the calling thread stays free (it only starts on the work itself until the first worker is up);
 * a worker that dies has its batches parsed here instead, so a crash costs time, never posts.
 */
export async function parseContentFiles(
  root: string,
  paths: readonly string[],
  options: ParseOptions = {},
): Promise<FileOutcome[]> {
  const { threads = Math.min(availableParallelism(), 4), parallelFrom = 1500 } = options;
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += batchSize) batches.push(paths.slice(i, i + batchSize));
  const results: FileOutcome[][] = new Array(batches.length);
  if (threads < 2 || paths.length < parallelFrom) {
    for (let i = 0; i < batches.length; i++) {
      results[i] = parseBatch(root, batches[i] ?? []);
      // Between batches, let the event loop breathe: a reload must not stall a running app.
      if (i + 1 < batches.length) await nextTurn();
    }
    return results.flat();
  }
  return new ParallelParse(root, batches, results, threads).run();
}

function parseBatch(root: string, paths: readonly string[]): FileOutcome[] {
  return paths.map((path) => parseFile(root, path));
}

/** One parallel parse: hands batches to workers as they ask, and to this thread while none is ready. */
class ParallelParse {
  readonly #root: string;
  readonly #batches: readonly string[][];
  readonly #results: FileOutcome[][];
  readonly #threads: number;
  #next = 0;
  #done = 0;
  #ready = 0;
  #alive = 0;
  #workers: Worker[] = [];
  #finish: () => void = () => undefined;

  constructor(root: string, batches: readonly string[][], results: FileOutcome[][], threads: number) {
    this.#root = root;
    this.#batches = batches;
    this.#results = results;
    this.#threads = threads;
  }

  async run(): Promise<FileOutcome[]> {
    const finished = new Promise<void>((resolve) => {
      this.#finish = resolve;
    });
    for (let i = 0; i < this.#threads; i++) this.#startWorker();
    await this.#workHere();
    await finished;
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
    return this.#results.flat();
  }

  #take(): number {
    return this.#next < this.#batches.length ? this.#next++ : -1;
  }

  #store(id: number, outcomes: FileOutcome[]): void {
    this.#results[id] = outcomes;
    this.#done++;
    if (this.#done === this.#batches.length) this.#finish();
  }

  /** Parses batches on this thread until a worker is ready (or for good, when every worker is gone). */
  async #workHere(): Promise<void> {
    while (this.#ready === 0 || this.#alive === 0) {
      const id = this.#take();
      if (id === -1) return;
      this.#store(id, parseBatch(this.#root, this.#batches[id] ?? []));
      await nextTurn();
    }
  }

  #startWorker(): void {
    const worker = startParseWorker(this.#root);
    const held = new Set<number>();
    let gone = false;
    this.#alive++;
    this.#workers.push(worker);
    const feed = () => {
      while (held.size < inFlightPerWorker) {
        const id = this.#take();
        if (id === -1) return;
        held.add(id);
        worker.postMessage({ id, paths: this.#batches[id] ?? [] } satisfies BatchRequest);
      }
    };
    const fail = () => {
      if (gone) return;
      gone = true;
      this.#alive--;
      // Whatever the worker held is parsed here; if it was the last worker, so is everything left.
      for (const id of held) this.#store(id, parseBatch(this.#root, this.#batches[id] ?? []));
      held.clear();
      if (this.#alive === 0) void this.#workHere();
    };
    worker.on('message', ({ id, outcomes }: BatchReply) => {
      if (id === -1) this.#ready++;
      else if (held.delete(id)) this.#store(id, outcomes as FileOutcome[]);
      feed();
    });
    worker.on('error', fail);
    worker.on('exit', () => {
      if (this.#done < this.#batches.length) fail();
    });
  }
}

/** Starts a parse worker; under tsx (TypeScript sources run directly) it registers tsx in the worker first. */
function startParseWorker(root: string): Worker {
  const entry = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: { root } });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData: { root } });
}
