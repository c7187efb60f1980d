import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runTalkbot } from '../helpers/run-cli.ts';

const content = 'test/fixtures/sites/talks';

/** Runs a shell pipeline as a user would type it, resolving with the exit codes of its commands. */
function pipeline(command: string): Promise<{ stdout: string; stderr: string; codes: string }> {
  return new Promise((done, fail) => {
    const shell = spawn('bash', ['-c', `set -o pipefail; ${command}; echo "codes \${PIPESTATUS[*]}" >&2`], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TALKBOT_CACHE_DIR: 'off' },
    });
    let stdout = '';
    let stderr = '';
    shell.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    shell.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    shell.on('error', fail);
    shell.on('close', () => {
      const codes = /codes (.*)\n/.exec(stderr)?.[1] ?? '';
      done({ stdout, stderr: stderr.replace(/codes .*\n/, ''), codes });
    });
  });
}

describe('talkbot ask in a pipeline', () => {
  it('ends quietly when the reader closes the pipe early (| head -1)', async () => {
    // Far more than a pipe holds, so talkbot is still writing when head has gone.
    const queries = join(await mkdtemp(join(tmpdir(), 'talkbot-queries-')), 'queries.txt');
    await writeFile(queries, 'jepsen\n'.repeat(800));
    const run = await pipeline(`node bin/talkbot.js ask --json --content ${content} < ${queries} | head -1`);
    await rm(dirname(queries), { recursive: true, force: true });
    assert.equal(run.codes, '0 0', run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(JSON.parse(run.stdout).query, 'jepsen');
  });

  it('ends quietly in text mode too', async () => {
    // 800 answers of text, again more than a pipe holds.
    const run = await pipeline(
      `node bin/talkbot.js ask --content ${content}${' jepsen'.repeat(800)} | head -1`,
    );
    assert.equal(run.codes, '0 0', run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /result/);
  });

  it('reads piped queries without --json and without an interactive prompt', async () => {
    const run = await runTalkbot(['ask', '--content', content], { input: 'jepsen\nchaos engineering\n' });
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /for "jepsen"/);
    assert.match(run.stdout, /for "chaos engineering"/);
    assert.match(run.stdout, /\n\n\d+ results? for "chaos engineering"/, 'a blank line between answers');
  });
});

describe('commands that answer, on a content folder that is not there', () => {
  for (const [args, setting, env] of [
    [['ask', '--content', 'no/such/site', 'jepsen'], '--content', {}],
    [['ask', 'jepsen'], 'CONTENT_DIR', { CONTENT_DIR: 'no/such/site' }],
    [['blocks', '--content', 'no/such/site', 'jepsen'], '--content', {}],
  ] as const) {
    it(`talkbot ${args[0]} names ${setting} and exits 1`, async () => {
      const run = await runTalkbot(args, { env: { TALKBOT_CACHE_DIR: 'off', ...env } });
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(
        run.stderr,
        `talkbot ${args[0]}: ${setting} is "no/such/site" (${resolve('no/such/site')}): no such folder; set it to your Hugo site's content folder (the one holding posts/)\n`,
      );
    });
  }
});
