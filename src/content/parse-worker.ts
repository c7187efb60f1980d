// A parse worker: receives batches of content paths, answers with what each file gave, packed.
import { parentPort, workerData } from 'node:worker_threads';
import { loadHtmlSupport } from './html-support.ts';
import { packOutcomes } from './packed-outcomes.ts';
import { parseFile } from './parse-file.ts';
import type { BatchReply, BatchRequest } from './parse-files.ts';

const { root } = workerData as { root: string };
const port = parentPort;
if (port) {
  port.on('message', async ({ id, paths }: BatchRequest) => {
    // Loaded by the first batch holding an HTML page; each reply names its batch, so their order does not matter.
    await loadHtmlSupport(paths);
    const reply: BatchReply = { id, packed: packOutcomes(paths.map((path) => parseFile(root, path))) };
    port.postMessage(reply);
  });
  port.postMessage({ id: -1, packed: null } satisfies BatchReply);
}
