import type { webApi } from '@slack/bolt';
import { decodeSlackText, queryFromMessage } from '../../answer-query.ts';
import type { ListenerDeps } from '../deps.ts';
import { answerWithFeedback } from '../with-feedback.ts';

/** The parts of a message event that a reply needs. */
export interface IncomingMessage {
  readonly channel: string;
  readonly user: string | undefined;
  readonly text: string;
  /** The thread to reply in, or undefined to reply in the conversation itself. */
  readonly replyThreadTs: string | undefined;
}

/** How to reply: the Web API client, and the bot's own user ID to strip its mention from the query. */
interface ReplyContext {
  readonly client: webApi.WebClient;
  readonly botUserId: string | undefined;
}

/**
 * Answers a mention or a DM where it was asked. If Slack refuses the reply, the app's error handler tells the
 * asker why in an ephemeral message.
 */
export async function replyToMessage(
  message: IncomingMessage,
  deps: ListenerDeps,
  context: ReplyContext,
): Promise<void> {
  const { client, botUserId } = context;
  const answer = answerWithFeedback(
    deps,
    decodeSlackText(queryFromMessage(message.text, botUserId)),
    { ephemeral: false },
    message.channel.startsWith('D') ? 'dm' : 'mention',
  );
  await client.chat.postMessage({
    channel: message.channel,
    ...(message.replyThreadTs ? { thread_ts: message.replyThreadTs } : {}),
    text: answer.text,
    blocks: answer.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
}
