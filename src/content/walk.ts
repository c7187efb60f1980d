import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { bundleIndexOrTranslation, pageExtension, unreadPage } from './content-formats.ts';
import type { Problem } from './types.ts';

/** The page files of a content folder (Markdown and HTML) that Hugo would render as pages, and what could not be read. */
export interface ContentFiles {
  /** Paths relative to the content folder, forward slashes, sorted. */
  readonly pages: readonly string[];
  /** The section pages (`_index.md`, any language), relative to the content folder, sorted. */
  readonly sections: readonly string[];
  /** Pages in a format Hugo renders but talkbot does not read (Org, AsciiDoc...), sorted. */
  readonly unread: readonly string[];
  /** Sorted by path. */
  readonly problems: readonly Problem[];
}

/**
 * Lists the page files under a content folder as Hugo sees them: `_index.md` marks a section page
 * (not a post), a folder holding `index.md` is a leaf bundle whose other files are its resources,
 * and names starting with `.`, `#` or ending in `~` are editor leftovers Hugo ignores. `onFound`
 * hears how many pages have been found so far, after each folder.
 */
export async function listContentFiles(
  root: string,
  onFound?: (pages: number) => void,
): Promise<ContentFiles> {
  const pages: string[] = [];
  const sections: string[] = [];
  const unread: string[] = [];
  const problems: Problem[] = [];

  const visit = async (relativeDir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(join(root, relativeDir), { withFileTypes: true });
    } catch (error) {
      problems.push({
        path: relativeDir || '.',
        line: null,
        message: `cannot read this folder: ${reason(error)}`,
      });
      return;
    }
    const visible = entries.filter((e) => !/^[.#]|~$/.test(e.name));
    // A leaf bundle: its index file and the index's translations (`index.de.md`) are its pages, the rest resources.
    const leaves = visible.filter((e) => bundleIndexOrTranslation.test(e.name) && !e.isDirectory());
    if (leaves.length > 0) {
      for (const leaf of leaves)
        (pageExtension.test(leaf.name) ? pages : unread).push(posix.join(relativeDir, leaf.name));
      return;
    }
    const subfolders: string[] = [];
    for (const entry of visible) {
      const relative = posix.join(relativeDir, entry.name);
      const kind = entry.isSymbolicLink() ? await symlinkKind(join(root, relative)) : entryKind(entry);
      if (kind === 'dir') subfolders.push(relative);
      else if (kind === 'file' && pageExtension.test(entry.name))
        (/^_index\./i.test(entry.name) ? sections : pages).push(relative);
      else if (kind === 'file' && unreadPage.test(entry.name) && !/^_index\./i.test(entry.name))
        unread.push(relative);
      else if (kind === 'linked-dir') {
        problems.push({
          path: relative,
          line: null,
          message:
            'skipped: a symbolic link to a folder (followed, it could loop); move the folder here instead',
        });
      } else if (kind === 'broken') {
        problems.push({ path: relative, line: null, message: 'skipped: a symbolic link to nothing' });
      }
    }
    // Told after each folder: a caller may start on the work before the listing ends.
    onFound?.(pages.length);
    // Side by side: a site of bundles has a folder per post, and each read waits on the disk.
    await Promise.all(subfolders.map(visit));
  };

  await visit('');
  // Folders are read side by side, so what they hold is found in no set order.
  pages.sort();
  sections.sort();
  unread.sort();
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { pages, sections, unread, problems };
}

type EntryKind = 'file' | 'dir' | 'linked-dir' | 'broken' | 'other';

function entryKind(entry: Dirent): EntryKind {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  return 'other';
}

async function symlinkKind(path: string): Promise<EntryKind> {
  try {
    const target = await stat(path);
    if (target.isDirectory()) return 'linked-dir';
    return target.isFile() ? 'file' : 'other';
  } catch {
    return 'broken';
  }
}

/** A short human reason for a file-system error. */
export function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'symbolic links loop';
  if (code === 'ENOTDIR') return 'part of the path is a file, not a folder';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  return error instanceof Error ? error.message : String(error);
}
