// `npm run bench:site-load [-- --baseline DIR] [--size N] [--runs N]`: the time per page to load a
// generated site of N pages (2,400 by default) twice over, as the generated blog (`generate.ts`)
// and as a podcast network whose shows repeat each other's episode slugs (`repeated-slugs.ts`).
// With --baseline (another checkout of talkbot, say the main branch), its loader is timed on the
// same files in the same run, so that a shared, noisy machine still gives a fair comparison. CPU time
// (of every thread: the parse workers too) is reported beside wall time: it is what a busy machine
// disturbs least.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSite, writeSite } from './generate.ts';
import { median } from './measure.ts';
import { repeatedSlugSite } from './repeated-slugs.ts';

type Load = (root: string, options?: { now?: Date }) => Promise<{ posts: readonly unknown[] }>;

const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    size: { type: 'string', default: '2400' },
    runs: { type: 'string', default: '5' },
  },
});
const size = Number(values.size);
const runs = Number(values.runs);
const now = new Date('2030-01-01T00:00:00Z');

const loaders: Array<[string, Load]> = [
  ['this checkout', (await import('../src/content/load.ts')).loadContent as Load],
];
if (values.baseline) {
  const url = pathToFileURL(resolve(values.baseline, 'src/content/load.ts')).href;
  loaders.push([`baseline (${values.baseline})`, (await import(url)).loadContent as Load]);
}

const work = await mkdtemp(join(tmpdir(), 'talkbot-site-load-'));
try {
  const sites: Array<[string, string]> = [
    ['generated blog', join(work, 'blog', 'content')],
    ['repeated slugs', join(work, 'podcasts', 'content')],
  ];
  await writeSite(sites[0]?.[1] ?? '', generateSite(size, 1).files);
  await writeSite(sites[1]?.[1] ?? '', repeatedSlugSite(size, 1));
  process.stdout.write(
    '| site | loader | pages loaded | median ms | ms per file | median CPU ms | CPU ms per file |\n|---|---|---:|---:|---:|---:|---:|\n',
  );
  for (const [siteName, root] of sites) {
    // Turn by turn, so that a slow spell on the machine costs both loaders alike.
    const times = new Map<string, number[]>();
    const cpu = new Map<string, number[]>();
    const loaded = new Map<string, number>();
    for (let run = 0; run < runs + 1; run++) {
      for (const [name, load] of loaders) {
        const started = performance.now();
        const startedCpu = process.cpuUsage();
        const result = await load(root, { now });
        const elapsed = performance.now() - started;
        const used = process.cpuUsage(startedCpu);
        // The first turn warms the file cache and the parsers' code: not counted.
        if (run > 0) {
          times.set(name, [...(times.get(name) ?? []), elapsed]);
          cpu.set(name, [...(cpu.get(name) ?? []), (used.user + used.system) / 1000]);
        }
        loaded.set(name, result.posts.length);
      }
    }
    for (const [name] of loaders) {
      const medianMs = median(times.get(name) ?? []);
      const medianCpu = median(cpu.get(name) ?? []);
      process.stdout.write(
        `| ${siteName} | ${name} | ${loaded.get(name)} of ${size} | ${medianMs.toFixed(0)} | ${(medianMs / size).toFixed(3)} | ${medianCpu.toFixed(0)} | ${(medianCpu / size).toFixed(3)} |\n`,
      );
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
