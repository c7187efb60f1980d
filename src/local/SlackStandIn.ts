import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject } from './block-rules.ts';
import { Deliverer, type Delivery } from './delivery.ts';
import { SlackApiError } from './errors.ts';
import type { Fault } from './faults.ts';
import { type AppAnswer, postToApp } from './http-delivery.ts';
import type { ButtonClickInput, SlashCommandInput, UserMessageInput } from './inputs.ts';
import { feedbackToClick, inputToSubmit } from './interaction-payloads.ts';
import type { OpenModal, ViewSubmitted } from './modals.ts';
import { DEFAULT_CHANNEL, DEFAULT_USER, type StandInOptions, type Transport } from './options.ts';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  buttonToClick,
  eventCallback,
  type FoundButton,
  richTextBlocks,
  slashCommandFields,
  typedMessageEvent,
  urlVerification,
} from './payloads.ts';
import type { ResponseBinding } from './response-url.ts';
import { stopServer } from './server.ts';
import type { DisconnectReason } from './socket-payloads.ts';
import { type Parts, startParts } from './stand-in-parts.ts';
import type { ApiCall, MessageRecord, StoreListener, WaitOptions } from './store.ts';
import { dmChannelFor, type Workspace } from './workspace.ts';

export type { ButtonClickInput, SlashCommandInput, UserMessageInput };

/** A local stand-in of Slack: Web API, response_urls, Socket Mode and signed HTTP delivery, with everything recorded. */
export class SlackStandIn {
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

  private readonly parts: Parts;
  private readonly deliverer: Deliverer;
  /** The response_url binding of each slash command payload, to record a message carried by its ack. */
  private readonly commandBindings = new WeakMap<JsonObject, ResponseBinding>();
  private closed = false;

  private constructor(parts: Parts) {
    this.parts = parts;
    this.url = parts.url;
    this.apiUrl = `${parts.url}/api/`;
    this.transport = parts.transport;
    this.botToken = parts.botToken;
    this.appToken = parts.appToken;
    this.signingSecret = parts.signingSecret;
    this.workspace = parts.workspace;
    this.appUrl = parts.appUrl;
    this.deliverer = new Deliverer({
      transport: parts.transport,
      socketMode: parts.socketMode,
      ids: parts.ids,
      signingSecret: parts.signingSecret,
      ackTimeoutMs: parts.ackTimeoutMs,
      appUrl: () => this.appUrl,
    });
  }

  /** Starts listening; resolves once the Web API answers, so `new App()` may call auth.test right away. */
  static async start(options: StandInOptions = {}): Promise<SlackStandIn> {
    return new SlackStandIn(await startParts(options));
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

  /** Records what a person types and delivers what Slack would: `message` (im) in a DM, `app_mention` elsewhere. */
  async userMessage(input: UserMessageInput): Promise<{ record: MessageRecord; delivery?: Delivery }> {
    const { store, ids } = this.parts;
    const { channelId, userId, text, threadTs } = input;
    const record = store.addMessage({
      channel: channelId,
      ts: ids.nextTs(),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      user: userId,
      text,
      blocks: richTextBlocks(text, ids.blockId()),
      deleted: false,
      edits: [],
      source: 'user',
    });
    const parentUserId = threadTs ? store.findMessage(channelId, threadTs)?.user : undefined;
    const typed = {
      userId,
      channelId,
      text,
      ts: record.ts,
      ...(threadTs ? { threadTs } : {}),
      ...(parentUserId ? { parentUserId } : {}),
      clientMsgId: randomUUID(),
      blocks: record.blocks,
    };
    const event = typedMessageEvent(this.workspace, typed);
    return event === null ? { record } : { record, delivery: await this.deliverEvent(event) };
  }

  /** Delivers a slash command with a fresh response_url; an ack holding a message is recorded as Slack shows it. */
  async slashCommand(input: SlashCommandInput = {}): Promise<Delivery> {
    const channelId = input.channelId ?? DEFAULT_CHANNEL;
    const userId = input.userId ?? DEFAULT_USER;
    const binding: ResponseBinding = { kind: 'command', channel: channelId, userId };
    const payload = slashCommandFields(this.workspace, {
      command: input.command ?? '/talk',
      text: input.text ?? '',
      userId,
      channelId,
      responseUrl: this.parts.responseUrls.create(this.url, binding),
      triggerId: this.trigger(userId),
    });
    this.commandBindings.set(payload, binding);
    return this.deliver('slash_commands', payload, 0);
  }

  /** Delivers the `block_actions` of a click on a button of a recorded message. */
  async clickButton(input: ButtonClickInput): Promise<Delivery> {
    const userId = input.userId ?? DEFAULT_USER;
    const button = buttonToClick(input.record, userId, input.actionId, input.blockId);
    return this.deliverClick(input.record, userId, button, input.value);
  }

  /** Delivers a click on a message's feedback buttons (`context_actions`): the action's type is `feedback_buttons`. */
  async clickFeedback(input: {
    record: MessageRecord;
    positive: boolean;
    userId?: string;
  }): Promise<Delivery> {
    const userId = input.userId ?? DEFAULT_USER;
    return this.deliverClick(input.record, userId, feedbackToClick(input.record, userId, input.positive));
  }

  /** Delivers Enter in a message's dispatching text input: `block_actions` with the typed value. */
  async submitInput(input: {
    record: MessageRecord;
    actionId: string;
    value: string;
    userId?: string;
  }): Promise<Delivery> {
    const userId = input.userId ?? DEFAULT_USER;
    const button = inputToSubmit(input.record, userId, input.actionId);
    return this.deliverClick(input.record, userId, button, input.value);
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

  /** Presses Submit on an open modal with `values` as its `state.values`; says whether it closed, and its errors if not. */
  async submitView(input: { viewId: string; values: JsonObject; userId?: string }): Promise<ViewSubmitted> {
    const userId = input.userId ?? DEFAULT_USER;
    const payload = this.parts.modals.submission(input.viewId, userId, input.values, this.workspace);
    const delivery = await this.deliver('interactive', payload, 0);
    return { delivery, ...this.parts.modals.acknowledged(input.viewId, delivery.ack) };
  }

  private trigger(userId: string): string {
    const id = this.parts.ids.triggerId();
    this.parts.modals.issue(id, userId);
    return id;
  }

  private deliverClick(
    record: MessageRecord,
    userId: string,
    button: FoundButton,
    value?: string,
  ): Promise<Delivery> {
    const binding: ResponseBinding = { kind: 'action', channel: record.channel, userId, source: record };
    const payload = blockActionsPayload(this.workspace, {
      record,
      button,
      userId,
      ...(value !== undefined ? { value } : {}),
      responseUrl: this.parts.responseUrls.create(this.url, binding),
      triggerId: this.trigger(userId),
      actionTs: this.parts.ids.nextTs(),
    });
    return this.deliver('interactive', payload, 0);
  }

  /** Delivers `app_home_opened` (Home tab) for a user, with their last published view if any. */
  openHome(userId: string = DEFAULT_USER): Promise<Delivery> {
    const view = this.parts.store.homeViews.get(userId);
    const event = appHomeOpenedEvent({
      userId,
      channelId: dmChannelFor(userId),
      eventTs: this.parts.ids.nextTs(),
      ...(view ? { view } : {}),
    });
    return this.deliverEvent(event);
  }

  /** Wraps an inner event in `event_callback` and delivers it. */
  deliverEvent(event: JsonObject): Promise<Delivery> {
    const payload = eventCallback(this.workspace, event, {
      eventId: this.parts.ids.eventId(),
      eventTime: Math.floor(Date.now() / 1000),
    });
    return this.deliver('events_api', payload, 0);
  }

  /** Delivers the same payload again as Slack's retry: same event_id, retry attempt + 1. */
  redeliver(previous: Delivery): Promise<Delivery> {
    return this.deliver(previous.type, previous.payload, previous.retryAttempt + 1);
  }

  /** HTTP only: sends the signed `url_verification` Slack sends when the Request URL is saved. */
  async verifyUrl(challenge: string = this.parts.ids.secret()): Promise<AppAnswer> {
    return postToApp({
      url: this.deliverer.appUrl(),
      signingSecret: this.signingSecret,
      body: JSON.stringify(urlVerification(this.workspace, challenge)),
      contentType: 'application/json',
      timeoutMs: this.parts.ackTimeoutMs,
    });
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

  private async deliver(...args: Parameters<Deliverer['deliver']>): Promise<Delivery> {
    const delivery = await this.deliverer.deliver(...args);
    const ackError = this.recordCommandAck(delivery.payload, delivery.ack);
    return ackError === undefined ? delivery : { ...delivery, ackError };
  }

  /** A slash command's ack may hold the reply itself; Slack shows it like a response_url message. */
  private recordCommandAck(payload: JsonObject, ack: unknown): string | undefined {
    const binding = this.commandBindings.get(payload);
    if (binding === undefined || !isJsonObject(ack)) return undefined;
    if (ack.text === undefined && ack.blocks === undefined) return undefined;
    try {
      this.parts.responseUrls.apply(
        binding,
        { ...ack, replace_original: false, delete_original: false },
        'ack',
      );
      return undefined;
    } catch (error) {
      if (error instanceof SlackApiError) return error.code;
      throw error;
    }
  }
}
