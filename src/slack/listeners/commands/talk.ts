import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerQuery, decodeSlackText } from '../../answer-query.ts';
import { renderError } from '../../blocks/index.ts';
import { explainSlackError, slackErrorCode } from '../../slack-errors.ts';
import type { ListenerDeps } from '../deps.ts';

/** `/talk <query>`: acks at once, then answers ephemerally through the command's response_url. */
export function talkCommand(deps: ListenerDeps) {
  return async ({
    ack,
    command,
    respond,
    logger,
  }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const message = answerQuery(deps.library(), decodeSlackText(command.text), { ephemeral: true });
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
