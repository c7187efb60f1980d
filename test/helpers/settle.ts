import { readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Sets a file's modification time in the past, as a file saved a while ago has: the parse cache
 * trusts only files that had settled when they were read.
 */
export async function settle(path: string, minutesAgo = 10): Promise<void> {
  const then = new Date(Date.now() - minutesAgo * 60_000);
  await utimes(path, then, then);
}

/** Settles every file under a folder (a copied fixture is brand new), returning how many there are. */
export async function settleAll(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  await Promise.all(files.map((file) => settle(file)));
  return files.length;
}
