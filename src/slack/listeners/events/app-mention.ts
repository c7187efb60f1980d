import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { replyToMessage } from './reply-to-message.ts';

/** `@talkbot <query>` in a channel or thread: the same answer as /talk, posted in the mention's thread. */
export function appMention(deps: ListenerDeps) {
  return async ({ event, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    await replyToMessage(
      // In a channel the answer always goes in a thread: under the mention, or in the thread it was made in.
      {
        channel: event.channel,
        user: event.user,
        text: event.text,
        replyThreadTs: event.thread_ts ?? event.ts,
      },
      deps,
      { client, botUserId: context.botUserId },
    );
  };
}
