import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const replicaScript = new URL('./replica.ts', import.meta.url).pathname;

/** One talkbot process of a fleet, in HTTP mode on its own port. */
export interface Replica {
  readonly name: string;
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT`: `/slack/events`, `/healthz`, `/metrics`. */
  readonly base: string;
  /** Its log, one JSON object per line (LOG_FORMAT=json). */
  readonly logs: string[];
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

/** A free loopback port (the process that listens on it comes a moment later; good enough for tests). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `test/e2e/replica.ts` with `env` and PORT; resolves once the app is ready. */
export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', replicaScript], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let pending = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    logs.push(...lines);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('"ready"')) resolve();
    });
    exited.then(() => reject(new Error(`replica ${name} exited before it was ready:\n${logs.join('\n')}`)));
  });
  return { name, child, base: `http://127.0.0.1:${port}`, logs, exited };
}

/** GETs a path of a replica; resolves with status and body. */
export async function getText(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

/** A metric's value in Prometheus' text format (the sum over label sets matching `labels`), 0 when absent. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/**
 * A misbehaving load balancer: sends every request it gets, byte for byte with Slack's signature headers, to
 * all of its targets at once, and answers with the first answer. Slack itself may deliver one event twice.
 */
export async function startFanOut(targets: readonly string[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const { host: _host, ...headers } = req.headers;
      let answered = false;
      for (const target of targets) {
        const forward = request(
          `${target}${req.url ?? '/'}`,
          { method: req.method, headers, agent: false },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => parts.push(chunk));
            answer.on('end', () => {
              if (answered) return;
              answered = true;
              res.writeHead(answer.statusCode ?? 502, {
                'content-type': answer.headers['content-type'] ?? '',
              });
              res.end(Buffer.concat(parts));
            });
          },
        );
        forward.on('error', () => {});
        forward.end(body);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, server };
}
