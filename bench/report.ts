import type { BenchResults } from './harness.ts';
import type { StartupFigures } from './startup.ts';

/** One line of the table: a figure beside its target. */
export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  /** null when the figure has no target (shown for context). */
  readonly pass: boolean | null;
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const count = (value: number) => value.toLocaleString('en-US');

/** The figures with their targets, in the order the issue lists them. */
export function rows(results: BenchResults): Row[] {
  const out: Row[] = [];
  const add = (figure: string, value: string, target = '', pass: boolean | null = null) =>
    out.push({ figure, value, target, pass });
  for (const s of results.sizes) {
    const big = s.size >= 10_000;
    const target = big ? '≤ 3000 ms and ≤ ×2 the floor' : '';
    add(
      `load + index, ${count(s.size)} posts (${count(s.resources)} resources): first time`,
      `${ms(s.loadMs)} (floor ${ms(s.floorMs)}: ×${s.loadRatio.toFixed(2)}; parsers alone ${ms(s.parsersMs)}: ×${s.parsersRatio.toFixed(2)})`,
      target,
      big ? s.loadMs <= 3000 && s.loadRatio <= 2 : null,
    );
    add(
      `load + index, ${count(s.size)} posts: from the parse cache (a restart)`,
      `${ms(s.cachedLoadMs)} (×${s.cachedLoadRatio.toFixed(2)} the floor)`,
      target,
      big ? s.cachedLoadMs <= 3000 && s.cachedLoadRatio <= 2 : null,
    );
    add(
      `reload after one post is saved, ${count(s.size)} posts: time / longest event-loop stall`,
      `${ms(s.reloadMs)} / ${ms(s.reloadStallMs)}`,
    );
  }
  for (const s of results.sizes) {
    const target = s.size >= 10_000 ? 10 : s.size >= 1000 ? 2 : null;
    add(
      `query, ${count(s.size)} posts: median / p99 (${count(s.query.samples)} samples)`,
      `${ms(s.query.medianMs)} / ${ms(s.query.p99Ms)}`,
      target === null ? '' : `p99 ≤ ${target} ms`,
      target === null ? null : s.query.p99Ms <= target,
    );
    add(
      `recipe (fuse.js, PaperMod), ${count(s.size)} posts: median / p99 (${s.recipe.queries} queries)`,
      `${ms(s.recipe.medianMs)} / ${ms(s.recipe.p99Ms)}: talkbot ×${count(s.recipe.ratio)} faster`,
      s.size >= 10_000 ? '≥ ×100 faster' : '',
      s.size >= 10_000 ? s.recipe.ratio >= 100 : null,
    );
  }
  for (const s of results.sizes) {
    add(
      `memory after load, ${count(s.size)} posts: heap used / RSS`,
      `${s.memory.heapUsedMb.toFixed(0)} MB / ${s.memory.rssMb.toFixed(0)} MB`,
      s.size >= 10_000 ? 'RSS < 500 MB' : '',
      s.size >= 10_000 ? s.memory.rssMb < 500 : null,
    );
  }
  const { bundle, sources } = results.startup;
  const startupRow = (what: string, figures: StartupFigures, target: boolean) =>
    add(
      `startup to ready, ${count(figures.posts)} posts: ${what}`,
      `${ms(figures.readyMs)} (first answer +${figures.firstAnswerMs} ms)`,
      target ? '< 1000 ms' : '',
      target ? figures.readyMs < 1000 : null,
    );
  const counted = bundle.first.posts >= 1000;
  startupRow('`npm start` as `npm ci` built it, first start', bundle.first, counted);
  startupRow('`npm start` as `npm ci` built it, restart', bundle.restart, counted);
  startupRow('from the sources (an edit since the last build), first start', sources.first, false);
  startupRow('from the sources, restart', sources.restart, false);
  const l = results.load;
  const real = l.posts >= 10_000;
  const under = `/talk, ${count(l.posts)} posts, ${l.senders} senders, ${count(l.requests)} requests`;
  add(
    `${under}: ack median / p99`,
    `${ms(l.ack.medianMs)} / ${ms(l.ack.p99Ms)}`,
    'p99 < 100 ms',
    real ? l.ack.p99Ms < 100 : null,
  );
  add(
    `${under}: answer median / p99`,
    `${ms(l.answer.medianMs)} / ${ms(l.answer.p99Ms)}`,
    'p99 < 500 ms',
    real ? l.answer.p99Ms < 500 : null,
  );
  const reasons = Object.entries(l.failureReasons)
    .map(([r, n]) => `${r}: ${n}`)
    .join(', ');
  add(
    `${under}: failures`,
    `${l.failures}${reasons ? ` (${reasons})` : ''}`,
    '0',
    real ? l.failures === 0 : null,
  );
  add(
    `${under}: longest event-loop stall (app)`,
    ms(l.maxStallMs),
    '≤ 50 ms',
    real ? l.maxStallMs <= 50 : null,
  );
  add(
    `${under}: CPU per request, app / Slack's side`,
    `${ms(l.cpuPerRequestMs.app)} / ${ms(l.cpuPerRequestMs.slack)}`,
  );
  return out;
}

/** The table as Markdown, ready for the README. */
export function table(results: BenchResults): string {
  const lines = ['| figure | measured | target | |', '|---|---|---|---|'];
  for (const row of rows(results)) {
    const verdict = row.pass === null ? '' : row.pass ? 'PASS' : 'MISS';
    lines.push(`| ${row.figure} | ${row.value} | ${row.target} | ${verdict} |`);
  }
  return lines.join('\n');
}
