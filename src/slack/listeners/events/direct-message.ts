import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { replyToMessage } from './reply-to-message.ts';

/** A direct message to the bot: answered like a mention. Edits, joins and bot messages are left alone. */
export function directMessage(deps: ListenerDeps) {
  return async ({ event, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if ('bot_id' in event && event.bot_id) return;
    await replyToMessage(
      {
        channel: event.channel,
        user: event.user,
        text: event.text ?? '',
        // In a DM a reply in the conversation itself reads best, unless the user is already in a thread.
        replyThreadTs:
          'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined,
      },
      deps,
      { client, botUserId: context.botUserId },
    );
  };
}
