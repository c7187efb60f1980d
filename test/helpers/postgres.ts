import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster in a temporary folder, on a free loopback port. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (with the password, when the cluster was given one). */
  readonly url: string;
  readonly port: number;
  /** A fresh, empty database on this server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown); `start` brings it back on the same port with its data. */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Stops the server and deletes the folder. */
  stop(): Promise<void>;
}

/** Where PostgreSQL's server programs are: `pg_config --bindir`, else Debian's /usr/lib/postgresql/N/bin. */
function binDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // No pg_config (the server package without the client's): look in Debian's own place.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(debian, version, 'bin'));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL is not installed (no initdb/pg_ctl): run .ci/run, or apt-get install postgresql',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(program: string, args: string[]) {
  return isRoot ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, args);
}

/** Servers still running, stopped synchronously if the test process exits without stopping them. */
const running = new Set<string>();
let exitHookInstalled = false;

function stopAllAtExit(pgCtl: string): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const data of running) {
      try {
        const args = ['-D', data, '-m', 'immediate', 'stop'];
        execFileSync(isRoot ? 'runuser' : pgCtl, isRoot ? ['-u', 'postgres', '--', pgCtl, ...args] : args, {
          stdio: 'ignore',
        });
      } catch {
        // Already stopped.
      }
    }
  });
}

/**
 * Starts a throwaway PostgreSQL cluster: `initdb` into a temporary folder (as `postgres` when root),
 * `pg_ctl` on a free loopback port with its socket in that folder. Call `stop()` in an `after` hook;
 * a server left running when the process exits is stopped too.
 */
export async function startTestPostgres(options: { password?: string } = {}): Promise<TestPostgres> {
  const bin = binDir();
  const initdb = join(bin, 'initdb');
  const pgCtl = join(bin, 'pg_ctl');
  const root = await mkdtemp(join(tmpdir(), 'talkbot-pg-'));
  const data = join(root, 'data');
  const ownerOf = isRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
      }
    : { uid: -1, gid: -1 };
  if (isRoot) await chown(root, ownerOf.uid, ownerOf.gid);
  await chmod(root, 0o700);
  // With a password, every connection must give it (scram-sha-256): to test refused credentials.
  const auth =
    options.password === undefined
      ? ['-A', 'trust']
      : ['-A', 'scram-sha-256', `--pwfile=${join(root, 'pw')}`];
  if (options.password !== undefined) {
    await writeFile(join(root, 'pw'), `${options.password}\n`);
    if (isRoot) await chown(join(root, 'pw'), ownerOf.uid, ownerOf.gid);
  }
  await asPostgres(initdb, ['-D', data, ...auth, '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  let port = await freePort();
  const serverOptions = () =>
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  stopAllAtExit(pgCtl);
  const startServer = async () => {
    await asPostgres(pgCtl, [
      '-D',
      data,
      '-o',
      serverOptions(),
      '-l',
      join(root, 'server.log'),
      '-w',
      'start',
    ]);
    running.add(data);
  };
  const stopServer = async () => {
    running.delete(data);
    await asPostgres(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  // Another process may take the free port before the server binds it: then another port, a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      await startServer();
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      port = await freePort();
    }
  }
  const user =
    options.password === undefined ? 'postgres' : `postgres:${encodeURIComponent(options.password)}`;
  const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    startServer,
    stopServer,
    createDatabase: async (name) => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://${user}@127.0.0.1:${port}/${name}`;
    },
    stop: async () => {
      if (running.has(data)) await stopServer().catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}
