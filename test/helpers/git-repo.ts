import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

/** Runs git for a test's own set-up (not the code under test), with a fixed identity and no user config. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ada Writer',
      GIT_AUTHOR_EMAIL: 'ada@blog.example',
      GIT_COMMITTER_NAME: 'Ada Writer',
      GIT_COMMITTER_EMAIL: 'ada@blog.example',
    },
  });
}

/** A blog's repository as a team keeps it: a bare remote, and a working copy that writers commit in. */
export interface BlogRepo {
  /** The bare repository's path. */
  readonly bare: string;
  /** `file://` URL of the bare repository. */
  readonly url: string;
  readonly work: string;
  /** Writes (or, with null, deletes) files in the working copy and commits them; returns the commit id. */
  commit(files: Record<string, string | null>, message: string): string;
  /** Pushes the working copy's branch (`--force` when asked). */
  push(options?: { force?: boolean; branch?: string }): void;
}

/** Creates a bare repository (default branch `main`) and a working copy of it, under `root`. */
export function makeBlogRepo(root: string): BlogRepo {
  const bare = join(root, 'blog.git');
  const work = join(root, 'blog');
  mkdirSync(bare, { recursive: true });
  mkdirSync(work, { recursive: true });
  git(bare, 'init', '--quiet', '--bare', '--initial-branch=main');
  git(work, 'init', '--quiet', '--initial-branch=main');
  return {
    bare,
    url: `file://${bare}`,
    work,
    commit(files, message) {
      for (const [path, text] of Object.entries(files)) {
        const full = join(work, path);
        if (text === null) rmSync(full, { force: true });
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, text);
        }
      }
      git(work, 'add', '--all');
      git(work, 'commit', '--quiet', '--allow-empty', '-m', message);
      return git(work, 'rev-parse', 'HEAD').trim();
    },
    push(options = {}) {
      const branch = options.branch ?? 'main';
      git(work, 'push', '--quiet', ...(options.force ? ['--force'] : []), bare, `HEAD:refs/heads/${branch}`);
    },
  };
}

/** A post in the shape the blog writes them, in TOML front matter. */
export function postFile(
  title: string,
  date: string,
  links: readonly [string, string][],
  description = '',
): string {
  return `+++
title = "${title}"
date = ${date}
tags = ["testing"]
description = "${description || `Notes from ${title}.`}"
+++

${description || `Notes from ${title}.`}

## Resources

${links.map(([text, url]) => `* [${text}](${url})`).join('\n')}
`;
}

/** A git smart-HTTP server over `git http-backend` (as CGI), which asks for a token when given one. */
export interface GitHttpServer {
  /** Base URL; a repository is at `${url}/<name>.git`. */
  readonly url: string;
  /** Every Authorization header received, to check what a client sent. */
  readonly authorizations: string[];
  close(): Promise<void>;
}

/** Serves the bare repositories under `projectRoot` over HTTP; with `token`, only to `Basic <user>:<token>`. */
export async function serveGitHttp(projectRoot: string, token: string | null): Promise<GitHttpServer> {
  const backend = join(execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(), 'git-http-backend');
  const authorizations: string[] = [];
  const server: Server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    authorizations.push(auth);
    const password = /^Basic (.+)$/.exec(auth)?.[1];
    const decoded = password ? Buffer.from(password, 'base64').toString('utf8') : '';
    if (token !== null && decoded.slice(decoded.indexOf(':') + 1) !== token) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="blog"' });
      res.end('authentication required\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const child = spawn(backend, [], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headerDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    child.on('close', () => res.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
