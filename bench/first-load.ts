// `npm run bench:first-load -- --baseline DIR [--size N] [--turns N]`: the first load at N posts (10,000 by
// default), as `npm run bench` times it, of this checkout and of another (say round one's last commit),
// in the same run. Each turn runs each checkout in a fresh process, one after the other, so that a slow
// spell on the machine costs both alike. The baseline is timed twice: on the site its own bench generates
// (what its `npm run bench` reported: the figure a target such as "no more than 25% slower" is set
// against) and on this checkout's site (the same files for both: what this checkout's code costs).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './measure.ts';

interface LoadFigures {
  readonly totalMs: number;
  readonly loadMs: number;
  readonly libraryMs: number;
}
type SiteWriter = {
  generateSite(count: number, seed?: number): { files: readonly unknown[] };
  writeSite(root: string, files: readonly unknown[]): Promise<void>;
};

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    size: { type: 'string', default: '10000' },
    turns: { type: 'string', default: '3' },
  },
});
const size = Number(values.size);
const turns = Number(values.turns);
if (!Number.isInteger(size) || size < 100 || !Number.isInteger(turns) || turns < 1) {
  process.stderr.write('--size takes a whole number of posts (at least 100), --turns a whole number\n');
  process.exit(2);
}
const here = fileURLToPath(new URL('..', import.meta.url));
const child = fileURLToPath(new URL('./first-load-child.ts', import.meta.url));

/** Writes a checkout's generated site at N posts and at a tenth and a hundredth of N (the warm-up). */
async function writeSites(checkout: string, into: string): Promise<string[]> {
  const { generateSite, writeSite } = (await import(
    pathToFileURL(resolve(checkout, 'bench/generate.ts')).href
  )) as SiteWriter;
  const site = generateSite(size, 1);
  const roots: string[] = [];
  for (const count of [Math.floor(size / 100), Math.floor(size / 10), size]) {
    const root = join(into, `site-${count}`);
    await writeSite(root, site.files.slice(0, count));
    roots.push(root);
  }
  return roots;
}

function measure(checkout: string, roots: readonly string[]): LoadFigures {
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, checkout, ...roots], {
    cwd: here,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`${checkout}: ${run.stderr.trim() || `exit ${run.status}`}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as LoadFigures;
}

const work = await mkdtemp(join(tmpdir(), 'talkbot-first-load-'));
try {
  const ours = await writeSites(here, join(work, 'this'));
  const rows: Array<{ name: string; checkout: string; roots: readonly string[] }> = [
    { name: 'this checkout, its own site', checkout: here, roots: ours },
  ];
  if (values.baseline) {
    const baseline = resolve(values.baseline);
    rows.push(
      {
        name: 'baseline, its own site',
        checkout: baseline,
        roots: await writeSites(baseline, join(work, 'base')),
      },
      { name: 'baseline, this checkout’s site', checkout: baseline, roots: ours },
    );
  }
  const figures = new Map<string, LoadFigures[]>(rows.map((row) => [row.name, []]));
  for (let turn = 0; turn < turns; turn++) {
    for (const row of rows) figures.get(row.name)?.push(measure(row.checkout, row.roots));
    process.stderr.write(`first-load: turn ${turn + 1} of ${turns}\n`);
  }
  const medians = new Map(rows.map((row) => [row.name, medianFigures(figures.get(row.name) ?? [])]));
  const reference = medians.get('baseline, its own site')?.totalMs;
  process.stdout.write(
    `\nFirst load at ${size.toLocaleString('en-US')} posts (median of ${turns} turns, each the median of 3 loads)` +
      `${values.baseline ? `; baseline ${values.baseline}` : ''}\n\n` +
      '| checkout and site | load + index | loader | Library build | against the baseline on its own site |\n' +
      '|---|---:|---:|---:|---:|\n',
  );
  for (const row of rows) {
    const m = medians.get(row.name);
    if (!m) continue;
    const against = reference
      ? `${m.totalMs >= reference ? '+' : ''}${((m.totalMs / reference - 1) * 100).toFixed(0)}%`
      : '';
    process.stdout.write(
      `| ${row.name} | ${ms(m.totalMs)} | ${ms(m.loadMs)} | ${ms(m.libraryMs)} | ${against} |\n`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Each figure's median over the turns (taken figure by figure). */
function medianFigures(list: readonly LoadFigures[]): LoadFigures {
  const of = (pick: (f: LoadFigures) => number) => median(list.map(pick));
  return { totalMs: of((f) => f.totalMs), loadMs: of((f) => f.loadMs), libraryMs: of((f) => f.libraryMs) };
}

function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}
