import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isTipsCommand } from '../../../tips/tips-command.ts';
import { decodeSlackText } from '../../answer-query.ts';
import { renderError, renderTip } from '../../blocks/index.ts';
import type { Message } from '../../blocks/message.ts';
import type { ListenerDeps } from '../deps.ts';
import { answerWithFeedback } from '../with-feedback.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';
import { tipsCommand } from './tips.ts';

/** `/talk tip`: today's reading tip, for the asker alone. */
function tipMessage(deps: ListenerDeps): Message {
  const tip = deps.todaysTip?.() ?? null;
  return tip
    ? renderTip(tip)
    : renderError('There is no reading tip: no resource in the library is worth one yet.');
}

/**
 * `/talk <query>`: acks at once, then answers ephemerally through the command's response_url. A failure goes
 * to the app's one error handler (`listener-errors.ts`), which tells the asker.
 */
export function talkCommand(deps: ListenerDeps) {
  return async ({
    ack,
    command,
    respond,
    client,
  }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    await yieldAfterAck();
    const text = decodeSlackText(command.text);
    if (isTipsCommand(text)) {
      const input = {
        text,
        channel: command.channel_id,
        channelName: command.channel_name,
        user: command.user_id,
      };
      await tipsCommand(deps, input, respond, client);
      return;
    }
    const message = /^tip$/i.test(text.trim())
      ? tipMessage(deps)
      : answerWithFeedback(deps, text, { ephemeral: true }, 'command');
    await respond({ response_type: 'ephemeral', ...message });
  };
}
