#!/usr/bin/env node
// `npm run build` (also run by `npm ci`, as the `prepare` script): bundles the TypeScript sources into dist/ so that
// `talkbot` starts without compiling anything. bin/talkbot.js runs dist/ only while it is newer than every file in
// src/, so an edited source is never shadowed by an old build: it runs through tsx until the next build.
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';

register();
const { pageScriptBuild } = await import('../src/local/playground/assets.ts');
const root = fileURLToPath(new URL('..', import.meta.url));
// `node bin/build.js <folder>` builds into that folder instead (a test builds a copy of its own there, which a
// build running meanwhile cannot swap away under it).
const dist = process.argv[2] ? resolve(process.argv[2]) : `${root}dist`;
// Built beside dist/ and swapped in whole, so that a talkbot starting meanwhile finds the old build or none
// (then it runs the sources), never half of one.
const next = `${dist}.next-${process.pid}`;
const browser = `${root}src/local/playground/browser`;

const forNode = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies are bundled too: Bolt alone loads over 450 modules (undici, express, semver...), and finding
  // and reading them file by file cost a tenth of a second of every start (1.0-1.4 s against 1.16-1.45 s to
  // ready, 1,000 posts, 6 interleaved runs). esbuild stays out: only the sources path uses it
  // (src/local/playground/assets.ts), and it runs its own binary. better-sqlite3 stays out too: it finds its
  // compiled addon beside its own package files; pg-native is pg's optional native driver, never installed.
  external: ['esbuild', 'better-sqlite3', 'pg-native'],
  // The dependencies written as CommonJS call `require` for Node's own modules; an ES module has none.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  // The bundled packages' licence notices stay with their code.
  legalComments: 'eof',
  // A third less for V8 to read at every start (Bolt's chunk: 2.9 MB to 2.0 MB); names stay as written, so
  // that stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

try {
  await mkdir(`${next}/browser`, { recursive: true });
  await Promise.all([
    // Split: what is imported on first need (the parsers, when some file is not in the parse cache) stays
    // in a chunk of its own, loaded only then. Chunks sit beside talkbot.js, so paths relative to the
    // bundle (the parse worker, the playground's files) hold from every chunk.
    build({
      ...forNode,
      entryPoints: { talkbot: `${root}src/cli/main.ts` },
      outdir: next,
      splitting: true,
      chunkNames: '[name]-[hash]',
    }),
    // Parse workers start from the file beside the bundle (see src/content/parse-files.ts).
    build({
      ...forNode,
      entryPoints: [`${root}src/content/parse-worker.ts`],
      outfile: `${next}/parse-worker.js`,
    }),
    // The playground's script, bundled once here rather than at every start (see src/local/playground/assets.ts).
    build({ ...pageScriptBuild, logLevel: 'warning', outfile: `${next}/browser/main.js` }),
    ...['index.html', 'playground.css', 'icon.svg'].map((file) =>
      cp(`${browser}/${file}`, `${next}/browser/${file}`),
    ),
  ]);
  // Another build may swap its own in between our two renames: then move that one aside too and try again.
  for (let attempt = 0; ; attempt++) {
    await rename(dist, `${dist}.old-${process.pid}-${attempt}`).catch(() => undefined);
    try {
      await rename(next, dist);
      break;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
} finally {
  const leftovers = (await readdir(dirname(dist))).filter((name) =>
    name.startsWith(`${basename(dist)}.old-${process.pid}-`),
  );
  await Promise.all(
    [next, ...leftovers.map((name) => join(dirname(dist), name))].map((path) =>
      rm(path, { recursive: true, force: true }),
    ),
  );
}
