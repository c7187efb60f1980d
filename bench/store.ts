// `npm run bench:store`: the two figures the store could cost, each beside a baseline measured in the same
// run, interleaved so that a busy machine weighs on both alike:
// - startup to ready at 1,000 posts (the bundle, a first start and a restart), this checkout (embedded store
//   in a fresh TALKBOT_DATA_DIR) against the checkout given by --baseline (default: none);
// - `/talk` under load (2,000 requests, 50 senders, 1,000 posts), the app wired with a throwaway PostgreSQL
//   server as its store (the fleet's dedupe, metrics, health) against the app with no store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startTestPostgres } from '../test/helpers/postgres.ts';
import { generateSite, writeSite } from './generate.ts';
import { buildBundle, loadTest } from './harness.ts';
import { median } from './measure.ts';
import { buildQueries } from './queries.ts';
import { measureStartup, type StartupFigures } from './startup.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    baseline: { type: 'string' },
    /** `startup` or `load` for that figure alone. */
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
const log = (line: string) => process.stderr.write(`bench:store: ${line}\n`);
const work = await mkdtemp(join(tmpdir(), 'talkbot-bench-store-'));
const server = await startTestPostgres();
try {
  const site = generateSite(1000, 1);
  const root = join(work, 'site');
  await writeSite(root, site.files);
  const queries = buildQueries(site, 220, 1);
  const query = queries[0]?.text ?? 'talk';
  await buildBundle();
  type Measure = (
    root: string,
    from: 'bundle',
    query: string,
    cache: string,
    env?: Record<string, string>,
  ) => Promise<StartupFigures>;
  const sides: Array<{ name: string; measure: Measure }> = [
    { name: 'this checkout', measure: measureStartup },
  ];
  if (values.baseline) {
    const module = (await import(join(values.baseline, 'bench/startup.ts'))) as { measureStartup: Measure };
    sides.unshift({ name: `baseline ${values.baseline}`, measure: module.measureStartup });
  }
  const doStartup = values.only !== 'load';
  const doLoad = values.only !== 'startup';
  const figures = new Map(
    sides.map((side) => [side.name, { first: [] as number[], restart: [] as number[] }]),
  );
  for (let run = 0; doStartup && run < runs; run++) {
    for (const side of sides) {
      const cache = await mkdtemp(join(work, 'cache-'));
      const data = await mkdtemp(join(work, 'data-'));
      const env = { TALKBOT_DATA_DIR: data };
      const first = await side.measure(root, 'bundle', query, cache, env);
      const restart = await side.measure(root, 'bundle', query, cache, env);
      figures.get(side.name)?.first.push(first.readyMs);
      figures.get(side.name)?.restart.push(restart.readyMs);
      log(`startup run ${run + 1}, ${side.name}: first ${first.readyMs} ms, restart ${restart.readyMs} ms`);
    }
  }
  const traffic = { queries, requests: 2000, senders: 50, warmup: 50 };
  const loads = [];
  for (let run = 0; doLoad && run < 2; run++) {
    for (const store of ['none', 'postgres'] as const) {
      const url = store === 'postgres' ? await server.createDatabase(`bench${run}`) : null;
      const load = await loadTest(work, root, traffic, url);
      log(
        `/talk under load, run ${run + 1}, store ${store}: ack p99 ${load.ack.p99Ms} ms, answer p99 ${load.answer.p99Ms} ms, ${load.failures} failures`,
      );
      loads.push({ store, ...load });
    }
  }
  const startup = Object.fromEntries(
    [...figures].map(([name, f]) => [name, { firstMs: median(f.first), restartMs: median(f.restart), ...f }]),
  );
  process.stdout.write(`${JSON.stringify({ startup, loads }, null, 2)}\n`);
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true });
}
