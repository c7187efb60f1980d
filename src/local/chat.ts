import { checkBlocks, isJsonObject, type JsonObject, MAX_MESSAGE_BLOCKS } from './block-rules.ts';
import { SlackApiError } from './errors.ts';
import type { IdSource } from './ids.ts';
import type { MessageRecord, MessageSource, RecordStore } from './store.ts';
import { dmChannelFor, isUserId, type Workspace } from './workspace.ts';

/** Slack truncates or refuses message text beyond 40,000 characters. */
const MAX_TEXT_LENGTH = 40_000;

/** Message text and blocks after checking, blocks normalised as Slack stores them. */
export interface MessageContent {
  readonly text: string;
  readonly blocks: JsonObject[];
}

/** A message to record, as the Web API, a response_url or an ack asks for it. */
export interface NewMessage {
  readonly channel: string;
  readonly user: string;
  readonly content: MessageContent;
  readonly source: MessageSource;
  readonly threadTs?: string;
  readonly ephemeralTo?: string;
}

/** `blocks` as sent: an array, or a JSON string in a form body; undefined when absent or empty. */
function parseBlocks(raw: unknown): unknown[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new SlackApiError('invalid_blocks_format', [
        '[ERROR] blocks is not valid JSON [json-pointer:/blocks]',
      ]);
    }
  }
  if (!Array.isArray(value)) {
    throw new SlackApiError('invalid_blocks_format', ['[ERROR] expected array [json-pointer:/blocks]']);
  }
  return value;
}

/** Message arguments' truthiness as Slack reads them: JSON booleans, or `"true"` in a form body. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

/** The posting rules shared by every way of sending a message, with Slack's record-keeping. */
export class Chat {
  private readonly store: RecordStore;
  private readonly workspace: Workspace;
  private readonly ids: IdSource;

  constructor(store: RecordStore, workspace: Workspace, ids: IdSource) {
    this.store = store;
    this.workspace = workspace;
    this.ids = ids;
  }

  /** Checks text and blocks as chat.postMessage does (`no_text`, `invalid_blocks`, `msg_too_long`). */
  content(rawText: unknown, rawBlocks: unknown, maxBlocks = MAX_MESSAGE_BLOCKS): MessageContent {
    const blocks = parseBlocks(rawBlocks);
    const text = typeof rawText === 'string' || typeof rawText === 'number' ? String(rawText) : '';
    if (text === '' && (blocks === undefined || blocks.length === 0)) throw new SlackApiError('no_text');
    if (text.length > MAX_TEXT_LENGTH) throw new SlackApiError('msg_too_long');
    if (blocks === undefined) return { text, blocks: [] };
    const problems = checkBlocks(blocks, maxBlocks);
    if (problems.length > 0) throw new SlackApiError('invalid_blocks', problems);
    return { text, blocks: this.storedBlocks(blocks) };
  }

  /** The channel a bot post lands in: a user id means the bot's DM with that user; unknown and foreign channels fail. */
  postableChannel(raw: unknown): string {
    if (typeof raw !== 'string' || raw === '') throw new SlackApiError('channel_not_found');
    const channel = isUserId(raw) ? dmChannelFor(raw) : raw;
    if (this.workspace.unknownChannels.has(channel)) throw new SlackApiError('channel_not_found');
    if (this.workspace.archivedChannels.has(channel)) throw new SlackApiError('is_archived');
    if (this.workspace.channelsWithoutBot.has(channel)) throw new SlackApiError('not_in_channel');
    return channel;
  }

  /** Records a new message. */
  post(message: NewMessage): MessageRecord {
    const isBot = message.user === this.workspace.botUserId;
    return this.store.addMessage({
      channel: message.channel,
      ts: this.ids.nextTs(),
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      user: message.user,
      ...(isBot ? { bot_id: this.workspace.botId } : {}),
      text: message.content.text,
      blocks: message.content.blocks,
      ...(message.ephemeralTo ? { ephemeralTo: message.ephemeralTo } : {}),
      deleted: false,
      edits: [],
      source: message.source,
    });
  }

  /** The bot's own live, non-ephemeral message at channel/ts, as chat.update and chat.delete require. */
  ownMessage(channel: unknown, ts: unknown, refusal: string): MessageRecord {
    if (typeof channel !== 'string' || channel === '') throw new SlackApiError('channel_not_found');
    if (this.workspace.unknownChannels.has(channel)) throw new SlackApiError('channel_not_found');
    const record = typeof ts === 'string' ? this.store.findMessage(channel, ts) : undefined;
    // Ephemeral messages cannot be reached by ts through the Web API, only through a response_url.
    if (record === undefined || record.deleted || record.ephemeralTo !== undefined) {
      throw new SlackApiError('message_not_found');
    }
    if (record.user !== this.workspace.botUserId) throw new SlackApiError(refusal);
    return record;
  }

  /** Replaces a message's text and blocks, keeping the old version in `edits`. */
  replace(record: MessageRecord, content: MessageContent): MessageRecord {
    return this.store.changeMessage(record, (r) => {
      r.edits.push({ text: r.text, blocks: r.blocks });
      r.text = content.text;
      r.blocks = content.blocks;
    });
  }

  /** Marks a message deleted; it stays in the record list so tests can see that it was there. */
  remove(record: MessageRecord): MessageRecord {
    return this.store.changeMessage(record, (r) => {
      r.deleted = true;
    });
  }

  /** A deep copy of checked blocks with a `block_id` on each, as Slack returns them. */
  storedBlocks(blocks: unknown[]): JsonObject[] {
    return blocks.filter(isJsonObject).map((block) => {
      const copy = structuredClone(block);
      if (typeof copy.block_id !== 'string') copy.block_id = this.ids.blockId();
      return copy;
    });
  }
}
