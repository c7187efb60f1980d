import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject } from './block-rules.ts';
import { Deliverer, type Delivery } from './delivery.ts';
import { SlackApiError } from './errors.ts';
import { type AppAnswer, postToApp } from './http-delivery.ts';
import type { ButtonClickInput, SlashCommandInput, UserMessageInput } from './inputs.ts';
import { feedbackToClick, inputToSubmit } from './interaction-payloads.ts';
import type { ViewSubmitted } from './modals.ts';
import { DEFAULT_CHANNEL, DEFAULT_USER, type StandInOptions } from './options.ts';
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
import { StandInControls } from './stand-in-controls.ts';
import { type Parts, startParts } from './stand-in-parts.ts';
import type { MessageRecord } from './store.ts';
import { dmChannelFor } from './workspace.ts';

export type { ButtonClickInput, SlashCommandInput, UserMessageInput };

/** A local stand-in of Slack: Web API, response_urls, Socket Mode and signed HTTP delivery, with everything recorded. */
export class SlackStandIn extends StandInControls {
  private readonly deliverer: Deliverer;
  /** The response_url binding of each slash command payload, to record a message carried by its ack. */
  private readonly commandBindings = new WeakMap<JsonObject, ResponseBinding>();

  private constructor(parts: Parts) {
    super(parts);
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

  /**
   * Records what a person types and delivers what Slack would: `message` (im) in a DM, `app_mention`
   * elsewhere, then `link_shared` when it links to one of the app's unfurl domains.
   */
  async userMessage(
    input: UserMessageInput,
  ): Promise<{ record: MessageRecord; delivery?: Delivery; linkShared?: Delivery }> {
    const sent = await this.deliverUserMessage(input);
    // Slack sends link_shared once the message is posted, after the message's own event.
    const event = this.parts.unfurls.shareLinksOf(sent.record, this.workspace.unfurlDomains, this.parts.ids);
    return event ? { ...sent, linkShared: await this.deliverEvent(event) } : sent;
  }

  private async deliverUserMessage(
    input: UserMessageInput,
  ): Promise<{ record: MessageRecord; delivery?: Delivery }> {
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
