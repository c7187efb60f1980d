import { readdir } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import type { SiteConfig } from './site-config.ts';

// Hugo 0.146 moved a site's shortcodes to layouts/_shortcodes/; older sites keep layouts/shortcodes/.
const shortcodeFolders = ['layouts/shortcodes', 'layouts/_shortcodes'];

/**
 * The names of the shortcodes a site defines in its own and its themes' layouts (`note.html` and
 * `note.en.html` define `note`; `tips/box.html` defines `tips/box`), or null when none of those
 * folders is there: then an unknown name may come from a module talkbot cannot see, so none is.
 */
export async function siteShortcodes(config: SiteConfig): Promise<ReadonlySet<string> | null> {
  const bases = ['', ...config.themes];
  const names = new Set<string>();
  let found = false;
  for (const base of bases) {
    for (const folder of shortcodeFolders) {
      const files = await listFiles(join(config.root, base, folder));
      if (files === null) continue;
      found = true;
      for (const file of files) {
        const dir = posix.dirname(file);
        const name = posix.basename(file).split('.')[0] ?? '';
        if (name) names.add(dir === '.' ? name : `${dir}/${name}`);
      }
    }
  }
  return found ? names : null;
}

async function listFiles(dir: string): Promise<string[] | null> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => posix.join(relative(dir, e.parentPath).split(sep).join('/'), e.name));
  } catch {
    return null;
  }
}
