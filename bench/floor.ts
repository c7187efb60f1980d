import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import toml from 'toml';

/** gray-matter's engines as its README shows them for TOML (it has no TOML parser of its own). */
export const floorEngines = { toml: { parse: (text: string) => toml.parse(text) as object } };

/** The Markdown pages of a content folder, as a plain recursive listing finds them. */
export function listPages(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md') && !path.endsWith('_index.md'))
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/**
 * The floor: list the pages, read each and parse its front matter with gray-matter, nothing else,
 * on one thread with blocking reads (the fastest plain way). Returns how many were read.
 */
export function loadFloor(root: string): number {
  let count = 0;
  for (const path of listPages(root)) {
    const text = readFileSync(join(root, path), 'utf8');
    const fence = text.startsWith('+++') ? '+++' : '---';
    const { data } = matter(text, {
      engines: floorEngines,
      language: fence === '+++' ? 'toml' : 'yaml',
      delimiters: fence,
    });
    if (data.title) count++;
  }
  return count;
}
