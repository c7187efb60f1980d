// A parse worker: receives batches of content paths, answers with what each file gave.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile } from './parse-file.ts';
import type { BatchReply, BatchRequest } from './parse-files.ts';

const { root } = workerData as { root: string };
const port = parentPort;
if (port) {
  port.on('message', ({ id, paths }: BatchRequest) => {
    const reply: BatchReply = { id, outcomes: paths.map((path) => parseFile(root, path)) };
    port.postMessage(reply);
  });
  port.postMessage({ id: -1, outcomes: [] } satisfies BatchReply);
}
