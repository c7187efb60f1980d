import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type FileStamp, fileStamp } from './file-stamp.ts';
import { type ParsedPost, parsePost } from './parse-post.ts';
import type { Problem } from './types.ts';
import { reason } from './walk.ts';

/** What reading one content file gave: its post (maybe with warnings), or only the problems that stopped it. */
export interface FileOutcome {
  readonly path: string;
  readonly post: ParsedPost | null;
  readonly problems: readonly Problem[];
  /** The file as it was read (what a parse cache checks it against); null when it could not be. */
  readonly stamp: FileStamp | null;
}

// Past this a file is almost certainly not a hand-written post; reading it would only cost memory.
const maxFileBytes = 16 * 1024 * 1024;

/**
 * Reads and parses one content file. Synchronous on purpose: it runs in parse workers (or in small
 * batches between turns of the event loop), where a blocking read is several times cheaper than a
 * round trip through libuv's thread pool. Never throws: whatever goes wrong is a problem for this file.
 */
export function parseFile(root: string, path: string): FileOutcome {
  const { source, stamp, error } = readSource(join(root, path));
  if (source === null) return { path, post: null, problems: [{ path, line: null, message: error }], stamp };
  try {
    return { path, ...parsePost(path, source), stamp };
  } catch (error) {
    // A parser bug or a pathological file must cost this post only, never the whole load.
    return {
      path,
      post: null,
      problems: [{ path, line: null, message: `could not be parsed: ${reason(error)}` }],
      stamp,
    };
  }
}

type ReadSource =
  | { readonly source: string; readonly stamp: FileStamp; readonly error?: undefined }
  | { readonly source: null; readonly stamp: FileStamp | null; readonly error: string };

function readSource(path: string): ReadSource {
  let stamp: FileStamp | null = null;
  try {
    // Stamped before reading: a write in between leaves a stamp older than the text, so a cache re-reads it.
    stamp = fileStamp(statSync(path));
    if (stamp.size > maxFileBytes) {
      const error = `is ${Math.round(stamp.size / 1048576)} MB; posts over ${maxFileBytes / 1048576} MB are skipped`;
      return { source: null, stamp, error };
    }
    const bytes = readFileSync(path);
    if (bytes.includes(0))
      return {
        source: null,
        stamp,
        error: 'is not text (it holds NUL bytes): is it a binary file named .md?',
      };
    if (!isUtf8(bytes)) return { source: null, stamp, error: 'is not valid UTF-8 text: save it as UTF-8' };
    return { source: bytes.toString('utf8'), stamp };
  } catch (error) {
    // A failed read is never cached: what made it fail (a folder's permissions, a flaky network share)
    // can pass without touching the file.
    return { source: null, stamp: null, error: `cannot be read: ${reason(error)}` };
  }
}
