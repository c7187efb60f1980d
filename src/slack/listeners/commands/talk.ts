import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerQuery, decodeSlackText } from '../../answer-query.ts';
import { renderError, renderTip } from '../../blocks/index.ts';
import type { Message } from '../../blocks/message.ts';
import { explainSlackError, slackErrorCode } from '../../slack-errors.ts';
import type { ListenerDeps } from '../deps.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';

/** `/talk tip`: today's reading tip, for the asker alone. */
function tipMessage(deps: ListenerDeps): Message {
  const tip = deps.todaysTip?.() ?? null;
  return tip
    ? renderTip(tip)
    : renderError('There is no reading tip: no resource in the library is worth one yet.');
}

/** `/talk <query>`: acks at once, then answers ephemerally through the command's response_url. */
export function talkCommand(deps: ListenerDeps) {
  return async ({
    ack,
    command,
    respond,
    logger,
  }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    await yieldAfterAck();
    try {
      const text = decodeSlackText(command.text);
      const message = /^tip$/i.test(text.trim())
        ? tipMessage(deps)
        : answerQuery(deps.library(), text, { ephemeral: true });
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      const code = slackErrorCode(error);
      logger.error(`/talk failed in ${command.channel_id}: ${code ?? (error as Error).message}`);
      await respond({ response_type: 'ephemeral', ...renderError(explainSlackError(code)) }).catch(
        () => undefined,
      );
    }
  };
}
