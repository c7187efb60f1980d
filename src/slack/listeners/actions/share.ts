import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { answerWithFeedback } from '../with-feedback.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';
import { answerRefFromButton } from './answer-ref-from-button.ts';

/**
 * Share in channel: reposts the same answer page for everyone, saying who shared it, then removes the
 * ephemeral original. Both go through the action's response_url, which works in any channel the
 * command worked in, without the bot being a member. If the repost is refused, the app's error handler tells
 * the clicker, and the ephemeral original stays.
 */
export function shareAnswer(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    await yieldAfterAck();
    const ref = await answerRefFromButton(action.value, respond);
    if (!ref) return;
    const message = answerWithFeedback(
      deps,
      ref.query,
      { offset: ref.offset, ephemeral: false, sharedBy: body.user.id },
      'command',
      false,
    );
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
    await respond({ delete_original: true });
  };
}
