// One checkout's first load, in a process of its own: `node --import tsx bench/first-load-child.ts
// <checkout> <warm-up folder>... <measured folder>`. As `npm run bench` times it (`size-figures.ts`): the
// code warmed on the smaller sites first, then three loads of the last folder, each `loadContent` then
// `new Library`; the median load goes back as one line of JSON, split into its two parts.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Load = (root: string) => Promise<unknown>;
type LibraryClass = new (loaded: unknown) => unknown;

const [checkout = '.', ...folders] = process.argv.slice(2);
const measured = folders.pop();
if (!measured) throw new Error('usage: first-load-child.ts <checkout> <warm-up folder>... <measured folder>');
const from = (path: string) => pathToFileURL(resolve(checkout, path)).href;
const loadContent = (await import(from('src/content/load.ts'))).loadContent as Load;
const Library = (await import(from('src/search/library.ts'))).Library as LibraryClass;

for (const folder of folders) for (let i = 0; i < 3; i++) new Library(await loadContent(folder));
const loads: Array<{ totalMs: number; loadMs: number; libraryMs: number }> = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const loaded = await loadContent(measured);
  const read = performance.now();
  new Library(loaded);
  const built = performance.now();
  loads.push({ totalMs: built - started, loadMs: read - started, libraryMs: built - read });
}
loads.sort((a, b) => a.totalMs - b.totalMs);
process.stdout.write(`${JSON.stringify(loads[1])}\n`);
