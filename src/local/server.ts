import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { sendJson } from './http-io.ts';

/** What each path of the stand-in leads to. */
export interface Routes {
  /** `/api/<method>` */
  readonly api: (method: string, req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** `POST /response/<id>` */
  readonly response: (id: string, req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** WebSocket upgrade on `/socket` */
  readonly socket: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Any other path. */
  readonly fallback?: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
}

/** The URL host for a listening address: a wildcard address is reached through loopback. */
function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0' || address.address === '::') return '127.0.0.1';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

/** The request's decoded path; undefined when the URL is malformed (bad percent-encoding, say). */
function pathOf(req: IncomingMessage): string | undefined {
  try {
    return decodeURIComponent(new URL(req.url ?? '/', 'http://stand-in').pathname);
  } catch {
    return undefined;
  }
}

/** Sends a request to its route. */
function route(
  routes: Routes,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> | undefined {
  if (path.startsWith('/api/')) return routes.api(path.slice('/api/'.length), req, res);
  if (path.startsWith('/response/') && req.method === 'POST') {
    return routes.response(path.slice('/response/'.length), req, res);
  }
  if (routes.fallback) routes.fallback(req, res);
  else sendJson(res, 404, { ok: false, error: 'not_found' });
  return undefined;
}

/** Routes a request; a malformed URL gets 400, and whatever a route throws gets 500 instead of a crash. */
function serve(routes: Routes, req: IncomingMessage, res: ServerResponse): void {
  const path = pathOf(req);
  if (path === undefined) {
    sendJson(res, 400, { ok: false, error: 'invalid_request' });
    return;
  }
  const fail = (error: unknown): void => {
    if (res.headersSent) res.destroy();
    else sendJson(res, 500, { ok: false, error: 'internal_error', stand_in_error: String(error) });
  };
  try {
    route(routes, path, req, res)?.catch(fail);
  } catch (error) {
    fail(error);
  }
}

/** Starts the HTTP server (with WebSocket upgrades on `/socket`) and resolves with it and its base URL. */
export async function startServer(
  routes: Routes,
  listen: { port: number; host: string },
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => serve(routes, req, res));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {
      // A client that hung up during the handshake; there is no one left to answer.
    });
    const path = pathOf(req);
    if (path === '/socket') routes.socket(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${urlHost(address)}:${address.port}` };
}

/** Closes the server and every connection still open to it (keep-alive ones included). */
export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
