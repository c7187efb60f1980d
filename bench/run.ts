// `npm run bench`: the full benchmark (100, 1,000 and 10,000 posts); `npm run bench -- --quick` for
// the two small sizes only; `--runs N` repeats everything and reports each figure's median; `--postgres` runs
// the load test's app with a throwaway PostgreSQL server as its store.
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startTestPostgres } from '../test/helpers/postgres.ts';
import { type BenchOptions, runBenchmark } from './harness.ts';
import { table } from './report.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results.json' },
    // The load test's app with a throwaway PostgreSQL server as its store, as a fleet runs it.
    postgres: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('--runs takes a whole number of runs, at least 1\n');
  process.exit(2);
}

const quick = values.quick;
const postgres = values.postgres ? await startTestPostgres() : null;
const options: BenchOptions = {
  sizes: quick ? [100, 1000] : [100, 1000, 10_000],
  seed: 1,
  queryCount: 220,
  // The recipe takes about 0.3 s a query at 1,000 posts and seconds at 10,000: a fixed, evenly spread
  // subset there, the same queries for both sides.
  recipeQueries: (size) => (size <= 100 ? 220 : size <= 1000 ? 44 : 15),
  loadRuns: 3,
  queryPasses: 3,
  startupSize: 1000,
  startupRuns: 3,
  load: {
    size: quick ? 1000 : 10_000,
    requests: 2000,
    senders: 50,
    warmup: 50,
    databaseUrl: postgres ? await postgres.createDatabase('bench') : null,
  },
  runs,
  log: (line) => process.stderr.write(`bench: ${line}\n`),
};

try {
  const results = await runBenchmark(options);
  const markdown = table(results);
  process.stdout.write(
    `\n${markdown}\n\n${results.machine.cpus} CPUs, Node ${results.machine.node}` +
      `${runs > 1 ? `, median of ${runs} runs` : ''}${quick ? ', quick (no 10,000-post site; load test on 1,000 posts)' : ''}${postgres ? ', load test with PostgreSQL as the store' : ''}\n`,
  );
  await mkdir('bench', { recursive: true });
  await writeFile(values.out, `${JSON.stringify({ ...results, table: markdown }, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${values.out}\n`);
} catch (error) {
  process.stderr.write(
    `bench: harness error: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
  process.exitCode = 1;
} finally {
  await postgres?.stop();
}
