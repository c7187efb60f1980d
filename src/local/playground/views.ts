import type { SlackStandIn } from '../SlackStandIn.ts';
import type { MessageRecord } from '../store.ts';
import { channelTypeOf, dmChannelFor, userNameOf, type Workspace } from '../workspace.ts';
import type { PlaygroundChannel, PlaygroundMessage, PlaygroundSnapshot } from './protocol.ts';

/** The channel everyone starts in. */
export const GENERAL_CHANNEL = 'C0GENERAL';

/** A channel's entry in the sidebar: `#name`, or the bot for the local user's DM with it. */
export function channelOf(workspace: Workspace, channelId: string): PlaygroundChannel {
  if (channelTypeOf(channelId) === 'im') return { id: channelId, name: workspace.botName, kind: 'im' };
  return {
    id: channelId,
    name: workspace.channelNames.get(channelId) ?? channelId.toLowerCase(),
    kind: 'channel',
  };
}

/** The message as `userId` sees it; null when it is someone else's ephemeral message. */
export function messageView(
  workspace: Workspace,
  record: MessageRecord,
  userId: string,
): PlaygroundMessage | null {
  if (record.ephemeralTo !== undefined && record.ephemeralTo !== userId) return null;
  const threadTs = record.thread_ts !== undefined && record.thread_ts !== record.ts ? record.thread_ts : null;
  return {
    channel: record.channel,
    channelName: channelOf(workspace, record.channel).name,
    ts: record.ts,
    threadTs,
    user: record.user,
    userName: userNameOf(workspace, record.user),
    isBot: record.user === workspace.botUserId,
    text: record.text,
    // A typed message's rich_text is built from the entity-escaped text Slack sends apps, so its text elements
    // would show `&lt;` literally; the text itself renders the same thing as mrkdwn, correctly.
    blocks: record.source === 'user' ? [] : record.blocks,
    unfurls: Object.entries(record.unfurls ?? {}).map(([url, unfurl]) => ({
      url,
      blocks: Array.isArray(unfurl.blocks) ? unfurl.blocks : [],
    })),
    ephemeral: record.ephemeralTo !== undefined,
    deleted: record.deleted,
    // Replacing an ephemeral message (More results) is not an edit people see marked.
    edited: record.edits.length > 0 && record.ephemeralTo === undefined,
  };
}

/** Everything the page draws from, as `userId` sees it now. */
export function snapshotFor(standIn: SlackStandIn, userId: string): PlaygroundSnapshot {
  const { workspace } = standIn;
  const channelIds = [GENERAL_CHANNEL, dmChannelFor(userId)];
  const messages: PlaygroundMessage[] = [];
  for (const record of standIn.records) {
    const view = messageView(workspace, record, userId);
    if (view === null) continue;
    messages.push(view);
    if (!channelIds.includes(view.channel)) channelIds.push(view.channel);
  }
  const userNames: Record<string, string> = Object.fromEntries(workspace.userNames);
  userNames[workspace.botUserId] = workspace.botName;
  userNames[userId] = userNameOf(workspace, userId);
  return {
    workspaceName: workspace.teamName,
    me: { id: userId, name: userNameOf(workspace, userId) },
    bot: { id: workspace.botUserId, name: workspace.botName },
    channels: channelIds.map((id) => channelOf(workspace, id)),
    userNames,
    messages,
    home: standIn.homeViews.get(userId) ?? null,
  };
}
