import { isJsonObject, type JsonObject } from './block-rules.ts';
import { StandInError } from './errors.ts';
import type { MessageRecord } from './store.ts';
import { channelNameOf, channelTypeOf, userNameOf, type Workspace } from './workspace.ts';

/** What a slash command invocation carries. */
export interface SlashCommandInput {
  readonly command: string;
  readonly text: string;
  readonly userId: string;
  readonly channelId: string;
  readonly responseUrl: string;
  readonly triggerId: string;
}

/** Slash command fields in the order Slack sends them; every value a string, as in the form body. */
export function slashCommandFields(workspace: Workspace, input: SlashCommandInput): Record<string, string> {
  return {
    token: workspace.verificationToken,
    team_id: workspace.teamId,
    team_domain: workspace.teamDomain,
    channel_id: input.channelId,
    channel_name: channelNameOf(workspace, input.channelId),
    user_id: input.userId,
    user_name: userNameOf(workspace, input.userId),
    command: input.command,
    text: input.text,
    api_app_id: workspace.apiAppId,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

/** Matches the mrkdwn references Slack turns into rich_text elements: `<@U1>`, `<#C1|name>`, `<https://x|label>`. */
const REFERENCE = /<(@[UW][A-Z0-9]+|#[CG][A-Z0-9]+(?:\|[^>]*)?|https?:[^>|]+(?:\|[^>]*)?)>/g;

/** One rich_text element for a mrkdwn reference. */
function referenceElement(reference: string): JsonObject {
  if (reference.startsWith('@')) return { type: 'user', user_id: reference.slice(1) };
  const [target = '', label] = reference.split('|');
  if (target.startsWith('#')) return { type: 'channel', channel_id: target.slice(1) };
  return label ? { type: 'link', url: target, text: label } : { type: 'link', url: target };
}

/** The rich_text block Slack's client attaches to a typed message, with mentions as `user` elements. */
export function richTextBlocks(text: string, blockId: string): JsonObject[] {
  const elements: JsonObject[] = [];
  let last = 0;
  for (const match of text.matchAll(REFERENCE)) {
    if (match.index > last) elements.push({ type: 'text', text: text.slice(last, match.index) });
    elements.push(referenceElement(match[1] ?? ''));
    last = match.index + match[0].length;
  }
  if (last < text.length) elements.push({ type: 'text', text: text.slice(last) });
  return [{ type: 'rich_text', block_id: blockId, elements: [{ type: 'rich_text_section', elements }] }];
}

/** A person's message, as the `app_mention` and `message` events need it. */
export interface TypedMessage {
  readonly userId: string;
  readonly channelId: string;
  readonly text: string;
  readonly ts: string;
  readonly threadTs?: string;
  /** The author of the thread's parent; `message` events in a thread carry it. */
  readonly parentUserId?: string;
  readonly clientMsgId: string;
  readonly blocks: readonly JsonObject[];
}

/** The inner `app_mention` event, fields in the captured order (`thread_ts` after `ts` when in a thread). */
export function appMentionEvent(workspace: Workspace, message: TypedMessage): JsonObject {
  return {
    client_msg_id: message.clientMsgId,
    type: 'app_mention',
    text: message.text,
    user: message.userId,
    ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    team: workspace.teamId,
    blocks: message.blocks,
    channel: message.channelId,
    event_ts: message.ts,
  };
}

/** The inner `message` event with its `channel_type` (`im` for a DM), shaped like a real user message. */
export function messageEvent(workspace: Workspace, message: TypedMessage): JsonObject {
  return {
    client_msg_id: message.clientMsgId,
    type: 'message',
    text: message.text,
    user: message.userId,
    ts: message.ts,
    team: workspace.teamId,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(message.threadTs && message.parentUserId ? { parent_user_id: message.parentUserId } : {}),
    blocks: message.blocks,
    channel: message.channelId,
    event_ts: message.ts,
    channel_type: channelTypeOf(message.channelId),
  };
}

/**
 * The event Slack delivers for what a person typed, or null when it delivers none: a `message` event (`im`)
 * in a DM (Slack sends no `app_mention` for DMs), an `app_mention` where the bot is mentioned, else nothing.
 */
export function typedMessageEvent(workspace: Workspace, message: TypedMessage): JsonObject | null {
  if (channelTypeOf(message.channelId) === 'im') return messageEvent(workspace, message);
  if (message.text.includes(`<@${workspace.botUserId}>`)) return appMentionEvent(workspace, message);
  return null;
}

/** The inner `app_home_opened` event for the Home tab; `view` only when one was published before, as Slack does. */
export function appHomeOpenedEvent(input: {
  userId: string;
  channelId: string;
  eventTs: string;
  view?: JsonObject;
}): JsonObject {
  return {
    type: 'app_home_opened',
    user: input.userId,
    channel: input.channelId,
    event_ts: input.eventTs,
    tab: 'home',
    ...(input.view ? { view: input.view } : {}),
  };
}

/** The outer `event_callback` wrapper around an event, as Slack sends it over HTTP or inside `events_api`. */
export function eventCallback(
  workspace: Workspace,
  event: JsonObject,
  ids: { eventId: string; eventTime: number },
): JsonObject {
  const channel = typeof event.channel === 'string' ? event.channel : '';
  return {
    token: workspace.verificationToken,
    team_id: workspace.teamId,
    api_app_id: workspace.apiAppId,
    event,
    type: 'event_callback',
    event_id: ids.eventId,
    event_time: ids.eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: workspace.teamId,
        user_id: workspace.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `1-${String(event.type)}-${workspace.teamId}-${channel}`,
  };
}

/** A button found in a message's blocks, with the id of the block holding it. */
export interface FoundButton {
  readonly blockId: string;
  readonly element: JsonObject;
}

/** Every interactive element of the blocks (actions blocks' elements and section accessories), with block ids. */
export function interactiveElements(blocks: readonly JsonObject[]): FoundButton[] {
  return blocks.flatMap((block): FoundButton[] => {
    const blockId = typeof block.block_id === 'string' ? block.block_id : '';
    const candidates =
      block.type === 'actions' && Array.isArray(block.elements) ? block.elements : [block.accessory];
    return candidates.filter(isJsonObject).map((element) => ({ blockId, element }));
  });
}

/**
 * The button a click is on: the one with `actionId` (in the block `blockId`, when given) of a message `userId`
 * can see. Throws a StandInError saying what is wrong: a deleted message, one the user cannot see, no such button.
 */
export function buttonToClick(
  record: MessageRecord,
  userId: string,
  actionId: string,
  blockId: string | undefined,
): FoundButton {
  if (record.deleted) throw new StandInError('message_deleted', `message ${record.ts} was deleted`);
  if (record.ephemeralTo !== undefined && record.ephemeralTo !== userId) {
    throw new StandInError('not_visible', `${userId} cannot see ephemeral message ${record.ts}`);
  }
  const elements = interactiveElements(record.blocks);
  const button = elements.find(
    (found) =>
      found.element.type === 'button' &&
      found.element.action_id === actionId &&
      (blockId === undefined || found.blockId === blockId),
  );
  if (button === undefined) {
    const available = elements.map(({ element }) => `${String(element.type)}:${String(element.action_id)}`);
    throw new StandInError(
      'no_such_button',
      `no button with action_id ${actionId} in message ${record.ts}; it has: ${available.join(', ') || 'none'}`,
    );
  }
  return button;
}

/** What a button click carries. */
export interface ButtonClick {
  readonly record: MessageRecord;
  readonly button: FoundButton;
  readonly userId: string;
  readonly value?: string;
  readonly responseUrl: string;
  readonly triggerId: string;
  readonly actionTs: string;
}

/** The `block_actions` payload of a button click, fields in the captured order; no `message` for an ephemeral one. */
export function blockActionsPayload(workspace: Workspace, click: ButtonClick): JsonObject {
  const { record, button } = click;
  const isEphemeral = record.ephemeralTo !== undefined;
  const userName = userNameOf(workspace, click.userId);
  const value = click.value ?? button.element.value;
  return {
    type: 'block_actions',
    user: { id: click.userId, username: userName, name: userName, team_id: workspace.teamId },
    api_app_id: workspace.apiAppId,
    token: workspace.verificationToken,
    container: {
      type: 'message',
      message_ts: record.ts,
      channel_id: record.channel,
      is_ephemeral: isEphemeral,
    },
    trigger_id: click.triggerId,
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    channel: { id: record.channel, name: channelNameOf(workspace, record.channel) },
    ...(isEphemeral
      ? {}
      : {
          message: {
            ...(record.bot_id ? { bot_id: record.bot_id } : {}),
            type: 'message',
            text: record.text,
            user: record.user,
            ts: record.ts,
            ...(record.thread_ts ? { thread_ts: record.thread_ts } : {}),
            team: workspace.teamId,
            blocks: record.blocks,
          },
        }),
    response_url: click.responseUrl,
    actions: [
      {
        action_id: button.element.action_id,
        block_id: button.blockId,
        ...(button.element.text !== undefined ? { text: button.element.text } : {}),
        ...(value !== undefined ? { value } : {}),
        type: button.element.type,
        action_ts: click.actionTs,
      },
    ],
  };
}

/** Slack's `url_verification` request, sent when an Events Request URL is saved. */
export function urlVerification(workspace: Workspace, challenge: string): JsonObject {
  return { token: workspace.verificationToken, challenge, type: 'url_verification' };
}
