import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedPost, parsePost } from './parse-post.ts';
import type { Problem } from './types.ts';
import { reason } from './walk.ts';

/** What reading one content file gave: its post (maybe with warnings), or only the problems that stopped it. */
export interface FileOutcome {
  readonly path: string;
  readonly post: ParsedPost | null;
  readonly problems: readonly Problem[];
}

// Past this a file is almost certainly not a hand-written post; reading it would only cost memory.
const maxFileBytes = 16 * 1024 * 1024;

/**
 * Reads and parses one content file. Synchronous on purpose: it runs in parse workers (or in small
 * batches between turns of the event loop), where a blocking read is several times cheaper than a
 * round trip through libuv's thread pool. Never throws: whatever goes wrong is a problem for this file.
 */
export function parseFile(root: string, path: string): FileOutcome {
  const source = readSource(join(root, path));
  if (typeof source !== 'string')
    return { path, post: null, problems: [{ path, line: null, message: source.error }] };
  try {
    return { path, ...parsePost(path, source) };
  } catch (error) {
    // A parser bug or a pathological file must cost this post only, never the whole load.
    return {
      path,
      post: null,
      problems: [{ path, line: null, message: `could not be parsed: ${reason(error)}` }],
    };
  }
}

function readSource(path: string): string | { error: string } {
  try {
    const size = statSync(path).size;
    if (size > maxFileBytes) {
      return {
        error: `is ${Math.round(size / 1048576)} MB; posts over ${maxFileBytes / 1048576} MB are skipped`,
      };
    }
    const bytes = readFileSync(path);
    if (bytes.includes(0))
      return { error: 'is not text (it holds NUL bytes): is it a binary file named .md?' };
    if (!isUtf8(bytes)) return { error: 'is not valid UTF-8 text: save it as UTF-8' };
    return bytes.toString('utf8');
  } catch (error) {
    return { error: `cannot be read: ${reason(error)}` };
  }
}
