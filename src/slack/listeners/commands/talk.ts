import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerQuery, decodeSlackText } from '../../answer-query.ts';
import { renderError, renderTip } from '../../blocks/index.ts';
import type { Message } from '../../blocks/message.ts';
import type { ListenerDeps } from '../deps.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';

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
  return async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    await yieldAfterAck();
    const text = decodeSlackText(command.text);
    const message = /^tip$/i.test(text.trim())
      ? tipMessage(deps)
      : answerQuery(deps.library(), text, { ephemeral: true });
    await respond({ response_type: 'ephemeral', ...message });
  };
}
