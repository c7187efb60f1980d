import { spawn } from 'node:child_process';

/** A `talkbot` process started as a user would, with what it has printed so far. */
export interface TalkbotProcess {
  /** Standard output and standard error so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with the output once it matches `pattern`; rejects if the process exits first or time runs out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  /** Ends the process if it is still running. */
  kill(): void;
}

/** Starts `node bin/talkbot.js ARGS` with only the given environment (plus PATH and HOME). */
export function spawnTalkbot(args: readonly string[], env: NodeJS.ProcessEnv): TalkbotProcess {
  const child = spawn(process.execPath, ['bin/talkbot.js', ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TALKBOT_CACHE_DIR: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      done = true;
      for (const listener of listeners) listener();
      resolve(code);
    });
  });
  return {
    output: () => output,
    exited,
    kill: () => {
      if (!done) child.kill('SIGKILL');
    },
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            finish();
            resolve(output);
          } else if (done) {
            finish();
            reject(new Error(`talkbot exited before printing ${pattern}:\n${output}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`talkbot did not print ${pattern} within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
  };
}
