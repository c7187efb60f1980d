import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import { type PackedOutcomes, packOutcomes, unpackOutcomes } from './packed-outcomes.ts';
import type { FileOutcome } from './parse-file.ts';

/** What heads a cache file: which folder it describes, and which parsing code wrote it. */
interface CacheHeader {
  readonly format: typeof format;
  readonly identity: string;
  readonly root: string;
  readonly chunks: number;
}

const format = 1;
// Posts (de)serialised at a time, so that saving or reading a large cache never stalls the app (what a chunk
// costs is in the README's Performance section).
const chunkSize = 500;
/** Cache files kept in one folder: one per content folder and build, the least recently written go first. */
const keptFiles = 16;

/** Where the parse cache of a content folder lives for this parsing code. */
export function cacheFilePath(dir: string, root: string, identity: string): string {
  const folder = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16);
  return join(dir, `parse-${folder}-${identity}.bin`);
}

/**
 * Reads the outcomes a cache file holds for this folder and code: none when there is no such file
 * (or it was written for another folder or by other code). Throws when the file is unreadable or corrupt.
 */
export async function readCacheFile(path: string, identity: string, root: string): Promise<FileOutcome[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // No cache yet, or no folder for one: writing will say what is wrong, once.
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  const chunks = splitChunks(bytes);
  const header = deserialize(chunks[0] ?? Buffer.alloc(0)) as Partial<CacheHeader> | null;
  if (header?.format !== format || header.identity !== identity || header.root !== resolve(root)) return [];
  if (header.chunks !== chunks.length - 1) throw new Error('it is truncated');
  const outcomes: FileOutcome[] = [];
  for (const chunk of chunks.slice(1)) {
    await nextTurn();
    for (const outcome of unpackOutcomes(deserialize(chunk) as PackedOutcomes)) outcomes.push(outcome);
  }
  return outcomes;
}

/** Writes outcomes to a cache file: whole or not at all (a reader never sees half a file), a chunk a turn. */
export async function writeCacheFile(
  path: string,
  identity: string,
  root: string,
  outcomes: readonly FileOutcome[],
): Promise<void> {
  const parts: Buffer[] = [];
  const count = Math.ceil(outcomes.length / chunkSize);
  addChunk(parts, serialize({ format, identity, root: resolve(root), chunks: count } satisfies CacheHeader));
  for (let i = 0; i < outcomes.length; i += chunkSize) {
    await nextTurn();
    addChunk(parts, serialize(packOutcomes(outcomes.slice(i, i + chunkSize))));
  }
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, Buffer.concat(parts));
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await pruneCacheFolder(dir);
}

function addChunk(parts: Buffer[], chunk: Buffer): void {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(chunk.length);
  parts.push(length, chunk);
}

function splitChunks(bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + 4 > bytes.length) throw new Error('it is truncated');
    const end = at + 4 + bytes.readUInt32LE(at);
    if (end > bytes.length) throw new Error('it is truncated');
    chunks.push(bytes.subarray(at + 4, end));
    at = end;
  }
  return chunks;
}

/**
 * Keeps the folder small: each content folder and each build of talkbot writes its own file, so
 * only the most recently written are kept, and leftovers of interrupted writes older than an hour go.
 */
async function pruneCacheFolder(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.startsWith('parse-'));
  const files = await Promise.all(
    names.map(async (name) => ({ name, modified: (await stat(join(dir, name)).catch(() => null))?.mtimeMs })),
  );
  const caches = files.filter((file) => file.name.endsWith('.bin') && file.modified !== undefined);
  caches.sort((a, b) => (b.modified ?? 0) - (a.modified ?? 0));
  const hourAgo = Date.now() - 3_600_000;
  const doomed = [
    ...caches.slice(keptFiles),
    ...files.filter((file) => file.name.endsWith('.tmp') && (file.modified ?? 0) < hourAgo),
  ];
  await Promise.all(doomed.map((file) => unlink(join(dir, file.name)).catch(() => undefined)));
}
