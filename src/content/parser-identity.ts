import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reason } from './walk.ts';

/** The packages that do the parsing beside talkbot's own code: their versions decide what a parse gives. */
export const parserPackages = ['markdown-it', 'gray-matter', 'toml'];
// htmlparser2 reads HTML pages too, but is loaded only when a site has one (see html-support.ts).
const identityPackages = [...parserPackages, 'htmlparser2'];

/**
 * A short hash of everything that decides what parsing a file gives: talkbot's parsing code (this
 * folder's sources, or the bundled parse worker when running from `dist/`), the parsers' installed
 * versions, and the lockfile that pins what they load. A cache written by other code is never read.
 */
export async function parserIdentity(): Promise<string> {
  const hash = createHash('sha256');
  for (const text of await parserCode()) hash.update(text).update('\0');
  for (const name of identityPackages) hash.update(`${name}@${await installedVersion(name)}\0`);
  hash.update((await readOptional(join(await appRoot(), 'package-lock.json'))) ?? 'no lockfile');
  return hash.digest('hex').slice(0, 16);
}

async function parserCode(): Promise<string[]> {
  const here = fileURLToPath(import.meta.url);
  // Bundled, this module sits in dist/talkbot.js beside dist/parse-worker.js, which holds all of the parse.
  if (!here.endsWith('.ts')) return [await readCode(join(dirname(here), 'parse-worker.js'))];
  const folder = dirname(here);
  const sources = (await readdir(folder)).filter((name) => name.endsWith('.ts')).sort();
  return Promise.all(sources.map((name) => readCode(join(folder, name))));
}

async function readCode(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: ${reason(error)}`);
  }
}

/** The version of an installed package, found from where Node resolves it; 'unknown' if it cannot be read. */
async function installedVersion(name: string): Promise<string> {
  try {
    return (await packageAbove(fileURLToPath(import.meta.resolve(name)), name))?.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** talkbot's own folder: where its package.json (and lockfile) sit. */
async function appRoot(): Promise<string> {
  const found = await packageAbove(fileURLToPath(import.meta.url), 'talkbot');
  return found?.folder ?? dirname(fileURLToPath(import.meta.url));
}

async function packageAbove(file: string, name: string): Promise<{ folder: string; version: string } | null> {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    const text = await readOptional(join(folder, 'package.json'));
    const json = text === null ? null : parseJson(text);
    if (json?.name === name) return { folder, version: String(json.version) };
    if (dirname(folder) === folder) return null;
  }
}

function parseJson(text: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(text) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}
