import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { unpackOutcomes } from '../../src/content/packed-outcomes.ts';
import type { FileOutcome } from '../../src/content/parse-file.ts';
import type { BatchReply, BatchRequest } from '../../src/content/parse-files.ts';

/** Waits for a parse worker to be ready, hands it one batch, and gives back what it parsed, unpacked. */
export async function parseInWorker(worker: Worker, paths: readonly string[]): Promise<FileOutcome[]> {
  const [ready] = (await once(worker, 'message')) as [BatchReply];
  if (ready.id !== -1) throw new Error(`expected the worker's ready message, got batch ${ready.id}`);
  worker.postMessage({ id: 7, paths } satisfies BatchRequest);
  const [reply] = (await once(worker, 'message')) as [BatchReply];
  if (reply.id !== 7 || !reply.packed) throw new Error(`expected batch 7 back, got ${reply.id}`);
  return unpackOutcomes(reply.packed);
}
