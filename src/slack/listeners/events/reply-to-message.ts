import type { webApi } from '@slack/bolt';
import { answerQuery, decodeSlackText, queryFromMessage } from '../../answer-query.ts';
import { explainSlackError, slackErrorCode } from '../../slack-errors.ts';
import type { ListenerDeps } from '../deps.ts';

/** The parts of a message event that a reply needs. */
export interface IncomingMessage {
  readonly channel: string;
  readonly user: string | undefined;
  readonly text: string;
  /** The thread to reply in, or undefined to reply in the conversation itself. */
  readonly replyThreadTs: string | undefined;
}

/** Where a reply goes and who it is for, for logging and for the fallback ephemeral message. */
interface ReplyContext {
  readonly client: webApi.WebClient;
  readonly botUserId: string | undefined;
  readonly logger: { error: (...msg: unknown[]) => void };
}

/** Answers a mention or a DM where it was asked; if Slack refuses the reply, tells the asker why in an ephemeral message. */
export async function replyToMessage(
  message: IncomingMessage,
  deps: ListenerDeps,
  context: ReplyContext,
): Promise<void> {
  const { client, botUserId, logger } = context;
  const answer = answerQuery(deps.library(), decodeSlackText(queryFromMessage(message.text, botUserId)), {
    ephemeral: false,
  });
  try {
    await client.chat.postMessage({
      channel: message.channel,
      ...(message.replyThreadTs ? { thread_ts: message.replyThreadTs } : {}),
      text: answer.text,
      blocks: answer.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (error) {
    const code = slackErrorCode(error);
    logger.error(`reply in ${message.channel} failed: ${code ?? (error as Error).message}`);
    if (!message.user) return;
    await client.chat
      .postEphemeral({ channel: message.channel, user: message.user, text: explainSlackError(code) })
      .catch((second: unknown) =>
        logger.error(`could not tell the user either: ${slackErrorCode(second) ?? second}`),
      );
  }
}
