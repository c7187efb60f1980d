import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { assertWorkerParsesLikeHere } from '../helpers/worker-batch.ts';

const run = promisify(execFile);

/** `talkbot` with these arguments, from the bundle or from the sources; its standard output. */
async function talkbot(from: 'bundle' | 'sources', args: readonly string[]): Promise<string> {
  const env = { PATH: process.env.PATH, ...(from === 'sources' ? { TALKBOT_FROM_SOURCES: '1' } : {}) };
  return (await run(process.execPath, ['bin/talkbot.js', ...args], { env })).stdout;
}

// What `npm ci` builds is what `npm start` runs: it must behave as the sources do. Built afresh here
// (swapped in whole, so other tests starting talkbot meanwhile see a whole build or none).
describe('the bundle npm run build makes', () => {
  before(() => run(process.execPath, ['bin/build.js']));

  it('answers the CLI exactly as the sources do', async () => {
    for (const args of [
      ['ask', '--json', 'testing distributed', 'jepsen', 'Jepson'],
      ['index', '--json'],
      ['blocks', 'chaos engineering'],
    ]) {
      const [bundled, sources] = await Promise.all([talkbot('bundle', args), talkbot('sources', args)]);
      assert.ok(bundled.length > 100, args.join(' '));
      assert.equal(bundled, sources, args.join(' '));
    }
  });

  it("has a parse worker that answers a batch as the sources' parser does", async () => {
    const site = 'test/fixtures/sites/mixed';
    const worker = new Worker(new URL('../../dist/parse-worker.js', import.meta.url), {
      workerData: { root: site },
    });
    await assertWorkerParsesLikeHere(worker, site);
  });
});
