import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The real bin/talkbot.js in a folder of its own, beside a stand-in bundle and stand-in sources that each
// say which one ran: whether a build is current is decided from files on disk, so real files it is.
describe('bin/talkbot.js chooses between the bundle and the sources', () => {
  let root: string;
  const bundle = () => join(root, 'dist', 'talkbot.js');
  const source = () => join(root, 'src', 'cli', 'main.ts');
  const which = async (env: Record<string, string> = {}) =>
    (
      await run(process.execPath, [join(root, 'bin', 'talkbot.js')], {
        env: { PATH: process.env.PATH, ...env },
      })
    ).stdout;
  const age = (path: string, secondsAgo: number) => {
    const when = new Date(Date.now() - secondsAgo * 1000);
    return utimes(path, when, when);
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'talkbot-entry-'));
    await Promise.all(['bin', 'dist', 'src/cli'].map((dir) => mkdir(join(root, dir), { recursive: true })));
    await copyFile(resolve('bin/talkbot.js'), join(root, 'bin', 'talkbot.js'));
    await symlink(resolve('node_modules'), join(root, 'node_modules'), 'dir');
    await writeFile(join(root, 'package.json'), '{ "type": "module" }\n');
    const main = (name: string) =>
      `export async function runCli() { process.stdout.write('${name}'); return 0; }\n`;
    await writeFile(bundle(), main('bundle'));
    await writeFile(source(), main('sources'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('runs the bundle while it is newer than every source file', async () => {
    await age(source(), 60);
    await age(bundle(), 10);
    assert.equal(await which(), 'bundle');
  });

  it('runs the sources once one is edited after the build, and TALKBOT_FROM_SOURCES=1 forces them', async () => {
    await age(bundle(), 10);
    await age(source(), 60);
    assert.equal(await which({ TALKBOT_FROM_SOURCES: '1' }), 'sources');
    await age(source(), 0);
    assert.equal(await which(), 'sources');
  });

  it('runs the sources when there is no build', async () => {
    await rm(bundle());
    assert.equal(await which(), 'sources');
  });
});
