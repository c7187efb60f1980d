import type { JsonObject } from './block-rules.ts';
import type { Fault } from './faults.ts';
import type { OpenModal } from './modals.ts';
import type { Transport } from './options.ts';
import { stopServer } from './server.ts';
import type { DisconnectReason } from './socket-payloads.ts';
import type { Parts } from './stand-in-parts.ts';
import type { ApiCall, MessageRecord, StoreListener, WaitOptions } from './store.ts';
import type { Workspace } from './workspace.ts';

/**
 * What a test reads and steers on the stand-in of Slack: what was recorded, waits for it, faults, the Socket
 * Mode connection, closing. `SlackStandIn` adds what a person does in Slack (typing, clicking, commands).
 */
export class StandInControls {
  /** Base URL, e.g. `http://127.0.0.1:43123` (no trailing slash). */
  readonly url: string;
  /** Web API base for `clientOptions.slackApiUrl`, with the trailing slash WebClient expects. */
  readonly apiUrl: string;
  readonly transport: Transport;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  /** Ids and names; `unknownChannels` and `channelsWithoutBot` may be changed while running. */
  readonly workspace: Workspace;
  /** The app's Request URL for HTTP delivery (settable once the app listens). */
  appUrl: string | undefined;

  protected readonly parts: Parts;
  private closed = false;

  protected constructor(parts: Parts) {
    this.parts = parts;
    this.url = parts.url;
    this.apiUrl = `${parts.url}/api/`;
    this.transport = parts.transport;
    this.botToken = parts.botToken;
    this.appToken = parts.appToken;
    this.signingSecret = parts.signingSecret;
    this.workspace = parts.workspace;
    this.appUrl = parts.appUrl;
  }

  /** Every message so far, in order (live objects: edits and deletions show up in place). */
  get records(): readonly MessageRecord[] {
    return this.parts.store.messages;
  }

  /** Every Web API call (and response_url POST, as method `response_url`) so far, in order. */
  get calls(): readonly ApiCall[] {
    return this.parts.store.calls;
  }

  /** The Home view last published for each user id. */
  get homeViews(): ReadonlyMap<string, JsonObject> {
    return this.parts.store.homeViews;
  }

  /** True while an app holds a Socket Mode connection. */
  get isConnected(): boolean {
    return this.parts.socketMode.isConnected;
  }

  /** How many Socket Mode connections have opened so far (reconnections included). */
  get connectionCount(): number {
    return this.parts.socketMode.connectionCount;
  }

  /** Calls `listener` on every new or changed message, Home view and Web API call; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    return this.parts.store.subscribe(listener);
  }

  /** Resolves with the first message matching `predicate`, already recorded or yet to come; rejects on timeout. */
  waitFor(predicate: (record: MessageRecord) => boolean, options: WaitOptions = {}): Promise<MessageRecord> {
    const { store } = this.parts;
    return store.waitUntil(() => store.messages.find(predicate), 'a matching message', options);
  }

  /** Resolves with the first Web API call matching `predicate`; rejects on timeout. */
  waitForCall(predicate: (call: ApiCall) => boolean, options: WaitOptions = {}): Promise<ApiCall> {
    const { store } = this.parts;
    return store.waitUntil(() => store.calls.find(predicate), 'a matching Web API call', options);
  }

  /** Resolves with the Home view published for `userId` (now or later); rejects on timeout. */
  waitForHomeView(userId: string, options: WaitOptions = {}): Promise<JsonObject> {
    const { store } = this.parts;
    return store.waitUntil(() => store.homeViews.get(userId), `a Home view for ${userId}`, options);
  }

  /** Makes the next `times` calls of `method` (or `response_url`) fail with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    this.parts.faults.failNext(method, fault, times);
  }

  /** Forgets every queued fault. */
  clearFaults(): void {
    this.parts.faults.clear();
  }

  /** Modals the app opened, by view id (closed ones too: `open` says which). */
  get modals(): ReadonlyMap<string, OpenModal> {
    return this.parts.modals.views;
  }

  /** Resolves with the user's open modal, now or once the app opens one. */
  waitForModal(userId: string, options: WaitOptions = {}): Promise<OpenModal> {
    return this.parts.modals.waitFor(userId, options.timeoutMs ?? 2000);
  }

  /** Calls `listener` whenever a modal opens, changes or closes; returns the unsubscribe function. */
  subscribeModals(listener: (modal: OpenModal) => void): () => void {
    return this.parts.modals.subscribe(listener);
  }

  /** Resolves once an app holds a Socket Mode connection. */
  waitForConnection(timeoutMs?: number): Promise<void> {
    return this.parts.socketMode.waitForConnection(timeoutMs);
  }

  /** Sends Socket Mode `disconnect` and resolves once the connection has closed (the app then reconnects). */
  disconnect(reason: DisconnectReason = 'refresh_requested'): Promise<void> {
    return this.parts.socketMode.disconnect(reason);
  }

  /** Makes the open Socket Mode connections stop answering pings, as a hung Slack would. */
  stopAnsweringPings(): void {
    this.parts.socketMode.stopAnsweringPings();
  }

  /**
   * Closes every socket and the server; pending deliveries and waits reject. Stop the app first: a Bolt app left
   * running would try to reconnect to a server that is gone.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.parts.store.close();
    await this.parts.socketMode.close();
    this.parts.responseUrls.clear();
    await stopServer(this.parts.server);
  }
}
