import { type ChildProcess, spawn } from 'node:child_process';
import { get, request } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLAYGROUND_EVENTS, PLAYGROUND_PATHS } from '../src/local/playground/protocol.ts';
import { round } from './measure.ts';

/** How `talkbot start` runs: the bundle `npm ci` builds, or the sources through tsx (after an edit, before a build). */
export type StartupFrom = 'bundle' | 'sources';

/** One start of `talkbot start` in local mode, as a newcomer runs it (`npm start` with no Slack tokens). */
export interface StartupFigures {
  readonly from: StartupFrom;
  readonly posts: number;
  /** From spawning the process until it prints where to open the playground: connected and able to answer. */
  readonly readyMs: number;
  /** Then a `/talk` typed into the playground, until its answer is on the page. */
  readonly firstAnswerMs: number;
}

const bin = fileURLToPath(new URL('../bin/talkbot.js', import.meta.url));
const readyLine = /open (http:\/\/localhost:\d+)/;
/** A start that has not answered by then has failed: the process is killed, which fails the measurement. */
const giveUpMs = 60_000;

/**
 * Starts the real `talkbot start` on a content folder and measures it from outside, as a user would wait for it:
 * until it says where to open the playground, then until a first `/talk` sent through the playground is answered.
 * `from: 'bundle'` needs a current build (`npm run build`). The parse cache goes in `cacheDir`: empty for a
 * first start, as the last start left it for a restart.
 */
export async function measureStartup(
  root: string,
  from: StartupFrom,
  query: string,
  cacheDir: string,
  /** More of the environment, e.g. `TALKBOT_DATA_DIR`. @default none */
  extraEnv: Record<string, string> = {},
): Promise<StartupFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start'], {
    // Away from this checkout's .env, which may hold real Slack tokens: this must be local mode.
    cwd: dirname(root),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CONTENT_DIR: root,
      PORT: '0',
      TALKBOT_CACHE_DIR: cacheDir,
      ...extraEnv,
      ...(from === 'sources' ? { TALKBOT_FROM_SOURCES: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), giveUpMs);
  // Whatever the measurement waits for, the process ending first fails it.
  const unlessExited = <T>(step: Promise<T>) =>
    Promise.race([
      step,
      exited.then(() => Promise.reject(new Error('talkbot start ended during the measurement'))),
    ]);
  try {
    const base = await readyUrl(child);
    const readyMs = performance.now() - started;
    const answerStart = performance.now();
    const events = await openEvents(base);
    try {
      const answered = events.next((message) => message.isBot === true);
      await unlessExited(
        postJson(`${base}${PLAYGROUND_PATHS.send}`, { channel: 'C0GENERAL', text: `/talk ${query}` }),
      );
      await unlessExited(answered);
    } finally {
      events.close();
    }
    const firstAnswerMs = performance.now() - answerStart;
    const status = JSON.parse(await getText(`${base}${PLAYGROUND_PATHS.status}`)) as { posts: number };
    return { from, posts: status.posts, readyMs: round(readyMs, 0), firstAnswerMs: round(firstAnswerMs, 0) };
  } finally {
    clearTimeout(timer);
    child.kill('SIGTERM');
    await exited;
  }
}

/** Resolves with the playground's address once the process prints it; rejects if the process ends first. */
function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyLine.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`talkbot start exited with ${code} before ready:\n${output}`)),
    );
  });
}

type PageMessage = { readonly isBot?: boolean };

/** The playground's event stream, read as the page reads it. */
function openEvents(
  base: string,
): Promise<{ next(match: (message: PageMessage) => boolean): Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const waiting: Array<{ match: (message: PageMessage) => boolean; resolve: () => void }> = [];
    const req = get(`${base}${PLAYGROUND_PATHS.events}`, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event !== PLAYGROUND_EVENTS.message || data === undefined) continue;
          const message = JSON.parse(data) as PageMessage;
          for (const [i, wait] of waiting.entries()) {
            if (!wait.match(message)) continue;
            waiting.splice(i, 1);
            wait.resolve();
            break;
          }
        }
      });
      resolve({
        next: (match) => new Promise<void>((done) => waiting.push({ match, resolve: done })),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

function postJson(url: string, body: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`POST ${url}: status ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}
