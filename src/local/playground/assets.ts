import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The page's three files, ready to serve. */
export interface PlaygroundAssets {
  readonly html: string;
  readonly css: string;
  /** The browser code, bundled into one ES module. */
  readonly script: string;
  readonly icon: string;
}

const browserDir = new URL('./browser/', import.meta.url);

/** How the page's script is bundled: `browser/main.ts` and what it imports, into one ES module. */
export const pageScriptBuild = {
  entryPoints: [fileURLToPath(new URL('main.ts', browserDir))],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  sourcemap: 'inline',
  legalComments: 'none',
  logLevel: 'silent',
} as const satisfies BuildOptions;

/**
 * The page's script: `browser/main.js` as `npm run build` bundled it beside dist/talkbot.js, or, run from the
 * sources, bundled now.
 */
async function bundleScript(): Promise<string> {
  const built = await readFile(new URL('main.js', browserDir), 'utf8').catch(() => null);
  if (built !== null) return built;
  // Loaded only here: a built talkbot never needs it.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...pageScriptBuild, write: false });
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
