import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
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

/**
 * The second floor: what the floor does, and each page's body parsed by markdown-it (CommonMark with raw HTML and
 * bare links, as talkbot configures it), nothing of talkbot's: no outline, no links picked out, no index. Load ÷
 * this floor says how much of a load is talkbot's own work. Returns how many pages were parsed.
 */
export function loadParsersFloor(root: string): number {
  const md = new MarkdownIt('commonmark', { html: true, linkify: true });
  let count = 0;
  for (const path of listPages(root)) {
    const text = readFileSync(join(root, path), 'utf8');
    const fence = text.startsWith('+++') ? '+++' : '---';
    const { data, content } = matter(text, {
      engines: floorEngines,
      language: fence === '+++' ? 'toml' : 'yaml',
      delimiters: fence,
    });
    if (data.title && md.parse(content, {}).length > 0) count++;
  }
  return count;
}
