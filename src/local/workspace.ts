/** The fixed facts of the pretend workspace: ids, names, and which channels the bot may post in. */
export interface Workspace {
  readonly teamId: string;
  readonly teamDomain: string;
  readonly teamName: string;
  readonly apiAppId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly botName: string;
  /** The legacy verification token Slack puts in every payload's `token` field. */
  readonly verificationToken: string;
  /** Channels that answer `channel_not_found`. */
  readonly unknownChannels: Set<string>;
  /** Channels the bot is not a member of: posting there answers `not_in_channel`. */
  readonly channelsWithoutBot: Set<string>;
  /** Display names by user id; unknown ids get a name made from the id. */
  readonly userNames: Map<string, string>;
  /** Channel names by channel id; unknown ids get a name made from the id. */
  readonly channelNames: Map<string, string>;
  /** IANA time zones by user id, as users.info gives them in `tz`. */
  readonly userTimezones: Map<string, string>;
  /** Archived channels: posting there answers `is_archived`. */
  readonly archivedChannels: Set<string>;
}

/** Slack's conversation kinds, told apart by the id's first letter as Slack's ids are. */
export type ChannelType = 'channel' | 'group' | 'im';

/** The conversation kind of a channel id: `D...` is a DM, `G...` a private channel, anything else a channel. */
export function channelTypeOf(channelId: string): ChannelType {
  if (channelId.startsWith('D')) return 'im';
  if (channelId.startsWith('G')) return 'group';
  return 'channel';
}

/** The id of the bot's DM with a user (`U0ALICE` → `D0ALICE`), stable so tests can predict it. */
export function dmChannelFor(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** True for user ids (`U...`, `W...` on Enterprise Grid), which chat.postMessage accepts in place of a DM id. */
export function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}

/** The channel's name as payloads carry it (`channel.name`, `channel_name`). */
export function channelNameOf(workspace: Workspace, channelId: string): string {
  if (channelTypeOf(channelId) === 'im') return 'directmessage';
  return workspace.channelNames.get(channelId) ?? channelId.toLowerCase();
}

/** The user's name as payloads carry it (`user_name`, `user.username`). */
export function userNameOf(workspace: Workspace, userId: string): string {
  if (userId === workspace.botUserId) return workspace.botName;
  return workspace.userNames.get(userId) ?? userId.toLowerCase();
}
