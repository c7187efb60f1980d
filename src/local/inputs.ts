// What a test or the playground asks the stand-in to do as a person would: type, run a command, click.
import type { MessageRecord } from './store.ts';

/** A person typing into a channel, DM or thread. */
export interface UserMessageInput {
  channelId: string;
  userId: string;
  text: string;
  threadTs?: string;
}

/** A slash command invocation. */
export interface SlashCommandInput {
  /** @default '/talk' */
  command?: string;
  /** @default '' */
  text?: string;
  /** @default 'U0USER' */
  userId?: string;
  /** @default 'C0GENERAL' */
  channelId?: string;
}

/** A click on a button of a recorded message. */
export interface ButtonClickInput {
  record: MessageRecord;
  actionId: string;
  /** Which block, when the same action_id appears in several. */
  blockId?: string;
  /** Overrides the button's own value. */
  value?: string;
  /** @default 'U0USER' */
  userId?: string;
}
