import { EventEmitter, once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { isJsonObject, type JsonObject } from './block-rules.ts';
import { NoAckError, NotConnectedError, StandInClosedError } from './errors.ts';
import { type DisconnectReason, disconnectMessage, helloMessage } from './socket-payloads.ts';
import type { Workspace } from './workspace.ts';

/** Acks are tiny; this only stops a runaway client (ws would otherwise accept 100 MiB frames). */
const MAX_FRAME_BYTES = 1_000_000;

/** Timing of the Socket Mode side. */
export interface SocketModeTiming {
  /** How long an envelope waits for its ack: Slack's deadline is 3 s. */
  readonly ackTimeoutMs: number;
  /** How long a delivery waits for an app to be connected (covers Bolt's 5 s reconnect delay). */
  readonly connectionWaitMs: number;
  /** After `disconnect`, how long the client gets to close by itself before the stand-in closes the socket. */
  readonly disconnectGraceMs: number;
}

interface PendingAck {
  readonly resolve: (payload: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The server end of Socket Mode: one-time tickets, `hello`, envelopes and their acks, `disconnect`. */
export class SocketModeServer {
  // Pongs are answered by hand, so that a test can make a connection go quiet as a hung server would.
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    autoPong: false,
  });
  private readonly silent = new WeakSet<WebSocket>();
  private readonly tickets = new Set<string>();
  /** Open connections in the order they opened; envelopes go to the newest. */
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, PendingAck>();
  private readonly events = new EventEmitter();
  private readonly workspace: Workspace;
  private readonly timing: SocketModeTiming;
  private closed = false;
  /** How many connections have opened so far (reconnections included). */
  connectionCount = 0;

  constructor(workspace: Workspace, timing: SocketModeTiming) {
    this.workspace = workspace;
    this.timing = timing;
    this.events.setMaxListeners(0);
  }

  /** A one-time ticket for the URL apps.connections.open answers with. */
  issueTicket(ticket: string): void {
    this.tickets.add(ticket);
  }

  /** True when an app is connected. */
  get isConnected(): boolean {
    return this.sockets.length > 0;
  }

  /** Takes over an HTTP upgrade to `/socket?ticket=...`; refuses unknown or used tickets with 401. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const ticket = new URL(req.url ?? '/', 'http://stand-in').searchParams.get('ticket') ?? '';
    if (this.closed || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /** Resolves once an app is connected; rejects with `NotConnectedError` after `timeoutMs`. */
  waitForConnection(timeoutMs = this.timing.connectionWaitMs): Promise<void> {
    if (this.isConnected) return Promise.resolve();
    if (this.closed) return Promise.reject(new StandInClosedError('waiting for a connection'));
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error): void => {
        clearTimeout(timer);
        this.events.off('connected', onConnected);
        this.events.off('closed', onClosed);
        if (error) reject(error);
        else resolve();
      };
      const onConnected = (): void => settle();
      const onClosed = (): void => settle(new StandInClosedError('waiting for a connection'));
      const timer = setTimeout(() => settle(new NotConnectedError(timeoutMs)), timeoutMs);
      this.events.on('connected', onConnected);
      this.events.on('closed', onClosed);
    });
  }

  /** Sends an envelope to the newest connection and resolves with the ack's payload (`{}` for a bare `ack()`). */
  async deliver(envelope: JsonObject): Promise<unknown> {
    await this.waitForConnection();
    const socket = this.sockets.at(-1);
    const envelopeId = String(envelope.envelope_id);
    if (socket === undefined) throw new NotConnectedError(0);
    const acked = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new NoAckError(`${String(envelope.type)} envelope ${envelopeId}`, this.timing.ackTimeoutMs));
      }, this.timing.ackTimeoutMs);
      this.pending.set(envelopeId, { resolve, reject, timer });
    });
    socket.send(JSON.stringify(envelope));
    return acked;
  }

  /** Sends `disconnect` to every connection, then closes those that have not closed within the grace period. */
  async disconnect(reason: DisconnectReason = 'refresh_requested'): Promise<void> {
    const sockets = [...this.sockets];
    await Promise.all(
      sockets.map(async (ws) => {
        const closed = once(ws, 'close');
        ws.send(JSON.stringify(disconnectMessage(reason)));
        const timer = setTimeout(() => ws.close(1000, 'disconnect'), this.timing.disconnectGraceMs);
        await closed;
        clearTimeout(timer);
      }),
    );
  }

  /** Stops answering pings on the open connections, as a server that hangs would; new connections answer again. */
  stopAnsweringPings(): void {
    for (const ws of this.sockets) this.silent.add(ws);
  }

  /** Fails pending acks, refuses new connections, and closes every connection (handshake first, then force). */
  async close(): Promise<void> {
    this.closed = true;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new StandInClosedError(`envelope ${id} awaited its ack`));
    }
    this.pending.clear();
    this.events.emit('closed');
    await Promise.all([...this.wss.clients].map((ws) => this.closeGracefully(ws)));
    this.sockets.length = 0;
    this.wss.close();
  }

  /**
   * Completes the close handshake, forcing it after a grace period. Bolt's `app.stop()` resolves before its
   * client's close handshake is done; cutting the socket then leaves @slack/socket-mode with a 30 s timer.
   */
  private async closeGracefully(ws: WebSocket): Promise<void> {
    if (ws.readyState === ws.CLOSED) return;
    const closed = once(ws, 'close').catch(() => undefined);
    if (ws.readyState === ws.OPEN) ws.close(1001, 'stand-in closing');
    const timer = setTimeout(() => ws.terminate(), this.timing.disconnectGraceMs);
    await closed;
    clearTimeout(timer);
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    this.connectionCount += 1;
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('ping', (data) => {
      if (!this.silent.has(ws)) ws.pong(data);
    });
    ws.on('close', () => {
      const index = this.sockets.indexOf(ws);
      if (index >= 0) this.sockets.splice(index, 1);
    });
    ws.on('error', () => {
      // A client that vanished mid-frame; its 'close' follows and removes it.
    });
    ws.send(JSON.stringify(helloMessage(this.workspace, this.sockets.length)));
    this.events.emit('connected');
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return; // Slack ignores garbage from a client; so does the stand-in.
    }
    if (!isJsonObject(message) || typeof message.envelope_id !== 'string') return;
    const pending = this.pending.get(message.envelope_id);
    if (pending === undefined) return;
    this.pending.delete(message.envelope_id);
    clearTimeout(pending.timer);
    pending.resolve(message.payload ?? {});
  }
}
