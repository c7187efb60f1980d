import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { answerWithFeedback } from '../with-feedback.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';
import { answerRefFromButton } from './answer-ref-from-button.ts';
import { inThreadOf } from './in-thread-of.ts';

/**
 * More results, Previous, or a "did you mean" suggestion: that page of that query. An ephemeral answer is
 * replaced in place; on a message everyone sees, the page goes to the clicker alone, in the same thread
 * as the message, so one person's browsing never rewrites the channel nor leaves the thread.
 */
export function moreResults(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    await yieldAfterAck();
    const ref = await answerRefFromButton(action.value, respond);
    if (!ref) return;
    const message = answerWithFeedback(
      deps,
      ref.query,
      { offset: ref.offset, ephemeral: true },
      'command',
      false,
    );
    if (body.container?.is_ephemeral === true) {
      await respond({ replace_original: true, ...message });
    } else {
      await respond({ response_type: 'ephemeral', replace_original: false, ...inThreadOf(body), ...message });
    }
  };
}
