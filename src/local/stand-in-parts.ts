// The stand-in's parts, built and wired: the record store, the Web API, response_urls, Socket Mode, the server.
import type { Server } from 'node:http';
import { createApiMethods } from './api-methods.ts';
import { Chat } from './chat.ts';
import { Faults } from './faults.ts';
import { IdSource } from './ids.ts';
import { Modals } from './modals.ts';
import { resolveOptions, type StandInOptions, type Transport } from './options.ts';
import { ResponseUrls } from './response-url.ts';
import { startServer } from './server.ts';
import { SocketModeServer } from './socket-mode.ts';
import { RecordStore } from './store.ts';
import { handleApiCall } from './web-api.ts';
import type { Workspace } from './workspace.ts';

/** The parts the stand-in is wired from. */
export interface Parts {
  readonly server: Server;
  readonly url: string;
  readonly transport: Transport;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  readonly appUrl: string | undefined;
  readonly ackTimeoutMs: number;
  readonly workspace: Workspace;
  readonly store: RecordStore;
  readonly ids: IdSource;
  readonly faults: Faults;
  readonly responseUrls: ResponseUrls;
  readonly socketMode: SocketModeServer;
  readonly modals: Modals;
}

/** Builds the parts and starts the server; resolves once the Web API answers. */
export async function startParts(options: StandInOptions): Promise<Parts> {
  const resolved = resolveOptions(options);
  const { workspace } = resolved;
  const store = new RecordStore();
  const ids = new IdSource();
  const faults = new Faults();
  const chat = new Chat(store, workspace, ids);
  const responseUrls = new ResponseUrls({ store, chat, ids, workspace, faults });
  const socketMode = new SocketModeServer(workspace, resolved.timing);
  const modals = new Modals();
  let socketBase = '';
  const methods = createApiMethods({
    store,
    chat,
    workspace,
    ids,
    modals,
    socketUrl: () => {
      const ticket = ids.secret();
      socketMode.issueTicket(ticket);
      return `${socketBase}/socket?ticket=${ticket}&app_id=${workspace.apiAppId}`;
    },
  });
  const apiContext = { store, faults, methods, tokens: { bot: resolved.botToken, app: resolved.appToken } };
  const { server, url } = await startServer(
    {
      api: (method, req, res) => handleApiCall(apiContext, method, req, res),
      response: (id, req, res) => responseUrls.handle(id, req, res),
      socket: (req, socket, head) => socketMode.handleUpgrade(req, socket, head),
      fallback: resolved.fallback,
    },
    resolved,
  );
  socketBase = url.replace(/^http/, 'ws');
  return {
    ...resolved,
    server,
    url,
    ackTimeoutMs: resolved.timing.ackTimeoutMs,
    store,
    ids,
    faults,
    responseUrls,
    socketMode,
    modals,
  };
}
