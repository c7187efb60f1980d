import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InFlight, restartingText } from '../../src/slack/in-flight.ts';

/** Starts `talkbot start` as a newcomer would (no Slack tokens), resolving once it prints where it runs. */
function startLocal(): Promise<{ child: ReturnType<typeof spawn>; output: () => string }> {
  const child = spawn(process.execPath, ['bin/talkbot.js', 'start'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      LOG_LEVEL: 'info',
      // A store of its own, away from whatever another checkout left in the user's data folder.
      TALKBOT_DATA_DIR: join(tmpdir(), 'talkbot-shutdown-test'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('open http://localhost:')) resolve({ child, output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
  });
}

/** Resolves with the exit code; fails if the process is still running after `boundMs`. */
function exitWithin(child: ReturnType<typeof spawn>, boundMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running ${boundMs} ms after the signal`));
    }, boundMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('stopping', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal}, talkbot stops its work and exits 0 within 10 s`, async () => {
      const { child, output } = await startLocal();
      child.removeAllListeners('exit');
      child.kill(signal);
      const code = await exitWithin(child, 10_000);
      assert.equal(code, 0, output());
      assert.match(output(), new RegExp(`${signal} received: stopping`));
    });
  }

  it('waits for answers in flight before it closes connections', async () => {
    const inFlight = new InFlight();
    const middleware = inFlight.middleware();
    let finish = () => {};
    const answering = middleware({ next: () => new Promise<void>((resolve) => (finish = resolve)) } as never);
    assert.equal(inFlight.count, 1);
    let idle = false;
    const drained = inFlight.idle(5000).then((all) => {
      idle = all;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(idle, false, 'not idle while an answer is in flight');
    finish();
    await answering;
    await drained;
    assert.equal(idle, true);
    assert.equal(await inFlight.idle(10), true);
  });

  it('once stopping, turns new work away: a command is told to try again, nothing is answered', async () => {
    const inFlight = new InFlight();
    inFlight.close();
    const acks: unknown[] = [];
    let answered = false;
    await inFlight.middleware()({
      body: { command: '/talk', text: 'jepsen' },
      ack: async (response?: unknown) => {
        acks.push(response);
      },
      next: async () => {
        answered = true;
      },
    } as never);
    assert.equal(answered, false);
    assert.deepEqual(acks, [{ response_type: 'ephemeral', text: restartingText }]);
    assert.equal(inFlight.count, 0);
  });
});
