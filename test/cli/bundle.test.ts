import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
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

  it('answers with no parse cache, saying why, when it cannot tell which parser it holds', async () => {
    // A build of its own inside the checkout, with the parse worker gone. Not a copy of dist/: another test's
    // build may swap dist/ while it is being copied.
    const copy = await mkdtemp('dist-copy-');
    const cache = await mkdtemp(join(tmpdir(), 'talkbot-bundle-cache-'));
    try {
      await run(process.execPath, ['bin/build.js', copy]);
      await rm(join(copy, 'parse-worker.js'));
      const env = { PATH: process.env.PATH, TALKBOT_CACHE_DIR: cache };
      const args = ['index', '--json', '--content', 'test/fixtures/sites/talks'];
      // As bin/talkbot.js runs the bundle: its runCli, with this process's streams.
      const script = `const { runCli } = await import(${JSON.stringify(pathToFileURL(join(copy, 'talkbot.js')).href)});
        process.exitCode = await runCli(process.argv.slice(1), { out: (t) => process.stdout.write(t),
          err: (t) => process.stderr.write(t), input: process.stdin, env: process.env });`;
      const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script, ...args], {
        env,
      });
      assert.equal(stdout, await talkbot('sources', args));
      assert.match(
        stderr,
        /^talkbot: no parse cache: cannot tell which parsing code is running: .*parse-worker\.js/,
      );
      assert.equal(stderr.split('\n').filter(Boolean).length, 1);
    } finally {
      await rm(copy, { recursive: true, force: true });
      await rm(cache, { recursive: true, force: true });
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
