import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse, { type IFuseOptions } from 'fuse.js';
import matter from 'gray-matter';
import { floorEngines } from './floor.ts';

/** A post as Hugo's JSON search index holds it (PaperMod's `index.json`): title, permalink, summary, content. */
export interface RecipeDoc {
  readonly title: string;
  readonly permalink: string;
  readonly summary: string;
  readonly content: string;
}

/** PaperMod's fastsearch.js options, as shipped: the search most Hugo sites have. */
export const paperModOptions: IFuseOptions<RecipeDoc> = {
  distance: 100,
  threshold: 0.4,
  ignoreLocation: true,
  keys: ['title', 'permalink', 'summary', 'content'],
};

/** The usual recipe: fuse.js over whole posts. */
export class Recipe {
  readonly #fuse: Fuse<RecipeDoc>;

  constructor(docs: readonly RecipeDoc[]) {
    this.#fuse = new Fuse(docs, paperModOptions);
  }

  /** Reads the site's files as Hugo would publish them in `index.json`. */
  static fromFiles(root: string, paths: readonly string[]): Recipe {
    return new Recipe(paths.map((path) => toDoc(path, readFileSync(join(root, path), 'utf8'))));
  }

  search(query: string): number {
    return this.#fuse.search(query).length;
  }
}

function toDoc(path: string, source: string): RecipeDoc {
  const { data, content } = matter(source, {
    engines: floorEngines,
    language: source.startsWith('+++') ? 'toml' : 'yaml',
    delimiters: source.startsWith('+++') ? '+++' : '---',
  });
  const plain = plainText(content);
  const words = plain.split(/\s+/);
  return {
    title: String(data.title ?? ''),
    permalink: `https://example.org/${path.replace(/(\/index)?\.md$/, '/')}`,
    summary: String(data.description ?? words.slice(0, 70).join(' ')),
    content: plain,
  };
}

/** Hugo's `.Plain`, near enough: the rendered text without markup, link targets or headings' hashes. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^\[[^\]]+\]:\s*\S+.*$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^#{1,6}\s+|^\s*[*+-]\s+|^---$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
