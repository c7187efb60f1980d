import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The page's three files, ready to serve. */
export interface PlaygroundAssets {
  readonly html: string;
  readonly css: string;
  /** The browser code, bundled into one ES module. */
  readonly script: string;
  readonly icon: string;
}

const browserDir = new URL('./browser/', import.meta.url);

/**
 * esbuild comes with tsx, which talkbot needs to run at all (bin/talkbot.js registers it); resolving it from tsx's
 * own folder finds it wherever npm placed it, so the page needs no dependency and no build step of its own.
 */
async function loadEsbuild(): Promise<typeof import('esbuild')> {
  const fromHere = createRequire(import.meta.url);
  const fromTsx = createRequire(fromHere.resolve('tsx/package.json'));
  return (await import(pathToFileURL(fromTsx.resolve('esbuild')).href)) as typeof import('esbuild');
}

/** Bundles `browser/main.ts` and what it imports into one ES module for the page. */
async function bundleScript(): Promise<string> {
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('main.ts', browserDir))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    sourcemap: 'inline',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output for the playground page');
  return output.text;
}

let loading: Promise<PlaygroundAssets> | undefined;

/** The page's files, read and bundled once per process (at startup, so a broken bundle fails loudly then). */
export function playgroundAssets(): Promise<PlaygroundAssets> {
  loading ??= (async () => {
    const [html, css, icon, script] = await Promise.all([
      readFile(new URL('index.html', browserDir), 'utf8'),
      readFile(new URL('playground.css', browserDir), 'utf8'),
      readFile(new URL('icon.svg', browserDir), 'utf8'),
      bundleScript(),
    ]);
    return { html, css, icon, script };
  })();
  // A failed load is not cached: the next request tries again.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
