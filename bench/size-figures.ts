import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadContent } from '../src/content/load.ts';
import { appSaveDelayMs, ParseCache } from '../src/content/parse-cache.ts';
import { Library } from '../src/search/library.ts';
import { listPages, loadFloor, loadParsersFloor } from './floor.ts';
import { savedAt } from './generate.ts';
import { collectGarbage, median, memoryMb, percentile, round, timed } from './measure.ts';
import type { BenchQuery } from './queries.ts';
import { Recipe } from './recipe.ts';

/** What one size is measured with. */
export interface SizeTask {
  readonly root: string;
  readonly queries: readonly BenchQuery[];
  /** Indexes into `queries` that the recipe runs (all of them at small sizes). */
  readonly recipeQueries: readonly number[];
  /** Load runs (alternating with the floor); the median is reported. */
  readonly loadRuns: number;
  /** Timed passes over the query mix, after `warmupPasses` untimed ones. */
  readonly queryPasses: number;
  /** An empty folder for the parse cache of this site. */
  readonly cacheDir: string;
}

/** The figures of one size. */
export interface SizeFigures {
  readonly posts: number;
  readonly resources: number;
  readonly problems: number;
  readonly floorMs: number;
  /** The parsers alone (gray-matter and markdown-it) over the same files: the second floor. */
  readonly parsersMs: number;
  /** Load and index with nothing cached: a first start. */
  readonly loadMs: number;
  readonly loadRatio: number;
  /** Load ÷ the parsers alone: how much of a load is talkbot's own work. */
  readonly parsersRatio: number;
  /** The same with every file in the parse cache file: a restart, or `talkbot ask` run again. */
  readonly cachedLoadMs: number;
  readonly cachedLoadRatio: number;
  /** A running app's reload after one post was saved: the cache in memory, one file parsed. */
  readonly reloadMs: number;
  /** The longest the event loop waited during that reload: how long a request may be held up by it. */
  readonly reloadStallMs: number;
  readonly query: { readonly medianMs: number; readonly p99Ms: number; readonly samples: number };
  readonly recipe: {
    readonly queries: number;
    readonly buildMs: number;
    readonly medianMs: number;
    readonly p99Ms: number;
    /** talkbot's median on the same queries. */
    readonly talkbotMedianMs: number;
    readonly ratio: number;
  };
}

/**
 * Untimed passes over the query mix before the timed ones: the figures are a running app's, whose search
 * code its first few hundred questions have compiled. With one pass, the p99 at 100 and 1,000 posts was
 * mostly the compiler (see the README's Performance section).
 */
const warmupPasses = 3;
const compileSettleMs = 200;

/** Load and index time beside the floor, then query latency beside the usual recipe, on one site. */
export async function measureSize(task: SizeTask): Promise<SizeFigures> {
  const floors: number[] = [];
  const parserFloors: number[] = [];
  const loads: number[] = [];
  let library: Library | null = null;
  for (let run = 0; run < task.loadRuns; run++) {
    floors.push((await timed(() => loadFloor(task.root))).ms);
    parserFloors.push((await timed(() => loadParsersFloor(task.root))).ms);
    library = null;
    collectGarbage();
    const loaded = await timed(async () => new Library(await loadContent(task.root)));
    loads.push(loaded.ms);
    library = loaded.value;
  }
  if (!library) throw new Error('no load run');
  const lib = library;
  const cached = await measureCachedLoads(task);
  // The loads' garbage is collected now, as a running app's is long before its first question: the
  // query figures are the queries' own, pauses for their own garbage included.
  collectGarbage();
  const perQuery = task.queries.map(() => [] as number[]);
  for (let pass = 0; pass < warmupPasses + task.queryPasses; pass++) {
    // The compiler's background threads finish optimising what the warm-up ran: on two cores they
    // would otherwise take turns with the timed queries (4 ms at a time).
    if (pass === warmupPasses) await sleep(compileSettleMs);
    task.queries.forEach((query, i) => {
      const start = performance.now();
      answer(lib, query.text);
      if (pass >= warmupPasses) perQuery[i]?.push(performance.now() - start);
    });
  }
  const all = perQuery.flat();
  const recipe = await measureRecipe(task, perQuery);
  const floorMs = median(floors);
  const parsersMs = median(parserFloors);
  const loadMs = median(loads);
  return {
    posts: lib.posts.length,
    resources: lib.resources.length,
    problems: lib.problems.length,
    floorMs: round(floorMs, 0),
    loadMs: round(loadMs, 0),
    loadRatio: round(loadMs / floorMs, 2),
    parsersMs: round(parsersMs, 0),
    parsersRatio: round(loadMs / parsersMs, 2),
    cachedLoadMs: round(cached.loadMs, 0),
    cachedLoadRatio: round(cached.loadMs / floorMs, 2),
    reloadMs: round(cached.reloadMs, 0),
    reloadStallMs: round(cached.reloadStallMs, 0),
    query: { medianMs: round(median(all), 3), p99Ms: round(percentile(all, 99), 3), samples: all.length },
    recipe,
  };
}

/**
 * Loads with a parse cache: each timed load opens the cache file afresh, as a restarted process does;
 * then one post is saved again and the last cache, its outcomes in memory, reloads as a running app does.
 */
async function measureCachedLoads(
  task: SizeTask,
): Promise<{ loadMs: number; reloadMs: number; reloadStallMs: number }> {
  const fill = new ParseCache(task.root, { dir: task.cacheDir });
  await loadContent(task.root, { cache: fill });
  await fill.saved();
  const loads: number[] = [];
  let running = fill;
  for (let run = 0; run < task.loadRuns; run++) {
    collectGarbage();
    // As `talkbot start` has it: a reload's cache save waits until its Library is built.
    running = new ParseCache(task.root, { dir: task.cacheDir, saveDelayMs: appSaveDelayMs });
    const cache = running;
    loads.push((await timed(async () => new Library(await loadContent(task.root, { cache })))).ms);
    if (cache.reused !== cache.size)
      throw new Error(`the cache held ${cache.size} files but gave ${cache.reused}`);
  }
  const [first] = listPages(task.root);
  if (first === undefined) throw new Error('no page to edit');
  const edited = join(task.root, first);
  await writeFile(edited, await readFile(edited, 'utf8'));
  collectGarbage();
  // As the app's reloader does it: the Library built in slices, the event loop watched meanwhile.
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const reload = await timed(async () => Library.build(await loadContent(task.root, { cache: running })));
  // The monitor records a delay when its timer next fires: give it the chance.
  await sleep(20);
  stalls.disable();
  await running.saved();
  await utimes(edited, savedAt, savedAt);
  return { loadMs: median(loads), reloadMs: reload.ms, reloadStallMs: stalls.max / 1e6 };
}

/** What answering costs in talkbot: the search, and suggestions when it finds nothing. */
function answer(library: Library, text: string): void {
  const result = library.search(text, { limit: 5 });
  if (result.total === 0) library.suggest(result.query);
}

async function measureRecipe(task: SizeTask, perQuery: readonly number[][]): Promise<SizeFigures['recipe']> {
  collectGarbage();
  const built = await timed(() => Recipe.fromFiles(task.root, listPages(task.root)));
  const times = task.recipeQueries.map((i) => {
    const start = performance.now();
    built.value.search(task.queries[i]?.text ?? '');
    return performance.now() - start;
  });
  const talkbot = median(task.recipeQueries.flatMap((i) => perQuery[i] ?? []));
  return {
    queries: times.length,
    buildMs: round(built.ms, 0),
    medianMs: round(median(times), 1),
    p99Ms: round(percentile(times, 99), 1),
    talkbotMedianMs: round(talkbot, 3),
    ratio: round(median(times) / talkbot, 0),
  };
}

/** Heap used and RSS after one load, in a fresh process: what a running talkbot holds. */
export async function measureMemory(
  root: string,
): Promise<{ heapUsedMb: number; rssMb: number; posts: number }> {
  const library = new Library(await loadContent(root));
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 50));
  collectGarbage();
  return { ...memoryMb(), posts: library.posts.length };
}
