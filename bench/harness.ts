import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GeneratedSite, generateSite, writeSite } from './generate.ts';
import type { DriverFigures, LoadFigures } from './load-test.ts';
import { type BenchQuery, buildQueries, subsetOf } from './queries.ts';
import type { SizeFigures } from './size-figures.ts';
import { measureStartup, type StartupFigures, type StartupFrom } from './startup.ts';

/** What to measure. */
export interface BenchOptions {
  /** Site sizes, in posts. */
  readonly sizes: readonly number[];
  readonly seed: number;
  /** Queries in the mix. */
  readonly queryCount: number;
  /** How many of the queries the recipe runs at a size (it takes seconds a query at 10,000 posts). */
  readonly recipeQueries: (size: number) => number;
  readonly loadRuns: number;
  readonly queryPasses: number;
  /** The site startup is measured with. */
  readonly startupSize: number;
  /** Starts measured from each of the bundle and the sources; the median is reported. */
  readonly startupRuns: number;
  /** The site and traffic of the Slack-facing test. */
  readonly load: {
    readonly size: number;
    readonly requests: number;
    readonly senders: number;
    readonly warmup: number;
    /** The app's store for the load test (PostgreSQL), wired as `talkbot start` wires it. @default none */
    readonly databaseUrl?: string | null;
  };
  /** Whole repetitions; each figure is the median over them. */
  readonly runs: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

/** A first start (nothing in the parse cache) and a restart (everything in it). */
export interface StartupPair {
  readonly first: StartupFigures;
  readonly restart: StartupFigures;
}

/** Every figure of one benchmark. */
export interface BenchResults {
  readonly machine: { readonly cpus: number; readonly node: string; readonly platform: string };
  readonly options: Omit<BenchOptions, 'recipeQueries' | 'log'> & {
    readonly recipeQueries: Record<string, number>;
  };
  readonly sizes: ReadonlyArray<
    SizeFigures & { readonly size: number; readonly memory: { heapUsedMb: number; rssMb: number } }
  >;
  /** `talkbot start` as built by `npm ci`, and from the sources (after an edit, before a build). */
  readonly startup: { readonly bundle: StartupPair; readonly sources: StartupPair };
  readonly load: LoadFigures;
}

/** Generates the sites into a temporary folder, measures each figure in its own process, and cleans up. */
export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? (() => undefined);
  const work = await mkdtemp(join(tmpdir(), 'talkbot-bench-'));
  try {
    const largest = Math.max(...options.sizes, options.startupSize, options.load.size);
    log(`generating ${largest} posts (seed ${options.seed})`);
    const site = generateSite(largest, options.seed);
    const queries = buildQueries(site, options.queryCount, options.seed);
    const roots = new Map<number, string>();
    const siteOf = async (size: number) => {
      let root = roots.get(size);
      if (!root) {
        root = join(work, `site-${size}`);
        await writeSite(root, site.files.slice(0, size));
        roots.set(size, root);
      }
      return root;
    };
    const runs: BenchResults[] = [];
    for (let run = 0; run < options.runs; run++) {
      runs.push(await measureOnce(options, queries, siteOf, work, log, run));
    }
    return medianOfRuns(runs);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function measureOnce(
  options: BenchOptions,
  queries: readonly BenchQuery[],
  siteOf: (size: number) => Promise<string>,
  work: string,
  log: (line: string) => void,
  run: number,
): Promise<BenchResults> {
  const tag = options.runs > 1 ? ` (run ${run + 1}/${options.runs})` : '';
  const sizes: Array<BenchResults['sizes'][number]> = [];
  for (const size of options.sizes) {
    const root = await siteOf(size);
    const recipeCount = options.recipeQueries(size);
    const recipeQueries = subsetOf(
      queries.map((_, i) => i),
      recipeCount,
    );
    log(`${size} posts: load, queries, recipe (${recipeQueries.length} queries)${tag}`);
    const figures = await inChild<SizeFigures>(work, {
      mode: 'size',
      root,
      queries,
      recipeQueries,
      loadRuns: options.loadRuns,
      queryPasses: options.queryPasses,
      cacheDir: await mkdtemp(join(work, 'cache-')),
    });
    log(`${size} posts: memory${tag}`);
    const memory = await inChild<{ heapUsedMb: number; rssMb: number }>(work, { mode: 'memory', root });
    sizes.push({ size, ...figures, memory: { heapUsedMb: memory.heapUsedMb, rssMb: memory.rssMb } });
  }
  log(
    `startup with ${options.startupSize} posts: npm run build, then ${options.startupRuns} starts each way${tag}`,
  );
  await buildBundle();
  const startupRoot = await siteOf(options.startupSize);
  // Each run starts twice: first with an empty cache folder (a first start), then again (a restart).
  const startupOf = async (from: StartupFrom) => {
    const first: StartupFigures[] = [];
    const restart: StartupFigures[] = [];
    for (let i = 0; i < options.startupRuns; i++) {
      const cacheDir = await mkdtemp(join(work, 'start-cache-'));
      const query = queries[0]?.text ?? 'talk';
      // The embedded store as a first start creates it, and as a restart finds it.
      const env = { TALKBOT_DATA_DIR: join(cacheDir, 'data') };
      first.push(await measureStartup(startupRoot, from, query, cacheDir, env));
      restart.push(await measureStartup(startupRoot, from, query, cacheDir, env));
    }
    return { first: medianOfRuns(first), restart: medianOfRuns(restart) };
  };
  const startup = { bundle: await startupOf('bundle'), sources: await startupOf('sources') };
  log(
    `/talk under load: ${options.load.requests} requests, ${options.load.senders} senders, ${options.load.size} posts${tag}`,
  );
  const load = await loadTest(
    work,
    await siteOf(options.load.size),
    {
      queries,
      requests: options.load.requests,
      senders: options.load.senders,
      warmup: options.load.warmup,
    },
    options.load.databaseUrl ?? null,
  );
  const { log: _log, recipeQueries, ...rest } = options;
  return {
    machine: {
      cpus: (await import('node:os')).availableParallelism(),
      node: process.version,
      platform: process.platform,
    },
    options: { ...rest, recipeQueries: Object.fromEntries(options.sizes.map((s) => [s, recipeQueries(s)])) },
    sizes,
    startup,
    load,
  };
}

/** `npm run build`: startup from the bundle measures a current one. */
export function buildBundle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = fork(new URL('../bin/build.js', import.meta.url), [], { stdio: 'inherit' });
    build.on('error', reject);
    build.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`)),
    );
  });
}

let taskCount = 0;

type Reply = { type: string; ok?: boolean; error?: string; [field: string]: unknown };

/** Starts a fresh Node process for one task; its replies arrive as messages, a failure rejects `failed`. */
async function spawnTask(
  work: string,
  task: Record<string, unknown>,
): Promise<{ child: ChildProcess; failed: Promise<never> }> {
  const file = join(work, `task-${taskCount++}.json`);
  await writeFile(file, JSON.stringify(task));
  const child = fork(new URL('./child.ts', import.meta.url), [file], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const failed = new Promise<never>((_, reject) => {
    const what = `benchmark task ${String(task.mode)}`;
    child.on('message', (message: Reply) => {
      if (message.type === 'result' && !message.ok) reject(new Error(`${what} failed: ${message.error}`));
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${what} exited with code ${code}`));
    });
  });
  failed.catch(() => undefined);
  return { child, failed };
}

function reply(child: ChildProcess, type: string): Promise<Reply> {
  return new Promise((resolve) => {
    const listener = (message: Reply) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
  });
}

/** Runs one measurement in a fresh Node process; a failure there is an error here. */
async function inChild<T>(work: string, task: Record<string, unknown>): Promise<T> {
  const { child, failed } = await spawnTask(work, task);
  const done = await Promise.race([reply(child, 'result'), failed]);
  return done.result as T;
}

/** The Slack-facing test: the app in one process, the stand-in and its senders in another (see load-test.ts). */
export async function loadTest(
  work: string,
  root: string,
  traffic: { queries: readonly BenchQuery[]; requests: number; senders: number; warmup: number },
  /** The app's store, as `talkbot start` wires it (dedupe, metrics, health); null: none, as before. */
  databaseUrl: string | null = null,
): Promise<LoadFigures> {
  const driver = await spawnTask(work, { mode: 'load-driver', root, ...traffic });
  const app = await spawnTask(work, { mode: 'load-app', root, databaseUrl });
  const failed = Promise.race([driver.failed, app.failed]);
  const step = <T>(promise: Promise<T>) => Promise.race([promise, failed]);
  try {
    const { endpoints } = await step(reply(driver.child, 'standIn'));
    app.child.send({ type: 'endpoints', endpoints });
    const started = await step(reply(app.child, 'app'));
    driver.child.send({ type: 'go', appUrl: started.appUrl });
    await step(reply(driver.child, 'measuring'));
    app.child.send({ type: 'reset' });
    const { figures } = (await step(reply(driver.child, 'figures'))) as unknown as { figures: DriverFigures };
    app.child.send({ type: 'report' });
    const stall = await step(reply(app.child, 'stall'));
    const reasons = { ...figures.failureReasons };
    if (Number(stall.errors) > 0) reasons['errors logged by the app'] = Number(stall.errors);
    const { cpuMs, ...driven } = figures;
    const perRequest = (ms: number) => Math.round((ms / traffic.requests) * 100) / 100;
    return {
      ...driven,
      failureReasons: reasons,
      posts: Number(started.posts),
      maxStallMs: Number(stall.maxStallMs),
      cpuPerRequestMs: { app: perRequest(Number(stall.cpuMs)), slack: perRequest(cpuMs) },
    };
  } finally {
    for (const { child } of [driver, app]) if (child.connected) child.send({ type: 'stop' });
    await Promise.all(
      [reply(driver.child, 'result'), reply(app.child, 'result')].map((p) =>
        Promise.race([p, failed]).catch(() => undefined),
      ),
    );
    // A child that does not exit by itself soon (after a failure, say) is stopped.
    const exited = (child: ChildProcess) =>
      child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([Promise.all([exited(driver.child), exited(app.child)]), timeout]);
    for (const { child } of [driver, app]) if (child.exitCode === null) child.kill();
  }
}

/** Each numeric figure as the median over the runs; everything else as in the first run. */
function medianOfRuns<T>(runs: readonly T[]): T {
  const merge = (values: unknown[]): unknown => {
    const [first] = values;
    if (typeof first === 'number') {
      const sorted = (values as number[]).slice().sort((a, b) => a - b);
      return sorted[Math.floor((sorted.length - 1) / 2)];
    }
    if (Array.isArray(first)) return first.map((_, i) => merge(values.map((v) => (v as unknown[])[i])));
    if (first && typeof first === 'object') {
      return Object.fromEntries(
        Object.keys(first).map((key) => [key, merge(values.map((v) => (v as Record<string, unknown>)[key]))]),
      );
    }
    return first;
  };
  return merge([...runs]) as T;
}

export type { GeneratedSite };
