import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerQuery } from '../../answer-query.ts';
import { renderError } from '../../blocks/index.ts';
import { explainSlackError, slackErrorCode } from '../../slack-errors.ts';
import type { ListenerDeps } from '../deps.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';
import { answerRefFromButton } from './answer-ref-from-button.ts';

/**
 * Share in channel: reposts the same answer page for everyone, saying who shared it, then removes the
 * ephemeral original. Both go through the action's response_url, which works in any channel the
 * command worked in, without the bot being a member.
 */
export function shareAnswer(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
    logger,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    await yieldAfterAck();
    const ref = await answerRefFromButton(action.value, respond);
    if (!ref) return;
    const message = answerQuery(deps.library(), ref.query, {
      offset: ref.offset,
      ephemeral: false,
      sharedBy: body.user.id,
    });
    try {
      await respond({ response_type: 'in_channel', replace_original: false, ...message });
    } catch (error) {
      const code = slackErrorCode(error);
      logger.error(
        `sharing an answer in ${body.channel?.id ?? 'unknown channel'} failed: ${code ?? (error as Error).message}`,
      );
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderError(explainSlackError(code)),
      });
      return;
    }
    await respond({ delete_original: true });
  };
}
