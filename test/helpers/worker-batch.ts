import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { loadHtmlSupport } from '../../src/content/html-support.ts';
import { unpackOutcomes } from '../../src/content/packed-outcomes.ts';
import { parseFile } from '../../src/content/parse-file.ts';
import type { BatchReply, BatchRequest } from '../../src/content/parse-files.ts';
import { listContentFiles } from '../../src/content/walk.ts';

/**
 * Hands a parse worker (started on `site`) every page of the site as one batch, checks that it gives back,
 * unpacked, exactly what parsing on this thread gives, and stops it.
 */
export async function assertWorkerParsesLikeHere(worker: Worker, site: string): Promise<void> {
  try {
    const { pages } = await listContentFiles(site);
    await loadHtmlSupport(pages);
    const [ready] = (await once(worker, 'message')) as [BatchReply];
    assert.equal(ready.id, -1, "the worker's first message says it is ready");
    worker.postMessage({ id: 7, paths: pages } satisfies BatchRequest);
    const [reply] = (await once(worker, 'message')) as [BatchReply];
    assert.equal(reply.id, 7);
    assert.ok(reply.packed);
    assert.deepEqual(
      unpackOutcomes(reply.packed),
      pages.map((path) => parseFile(site, path)),
    );
  } finally {
    await worker.terminate();
  }
}
