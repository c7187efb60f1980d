import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerQueryShown } from '../../answer-query.ts';
import {
  decodeVote,
  renderFeedbackQuestion,
  renderFeedbackThanks,
  withFeedbackQuestion,
} from '../../blocks/feedback.ts';
import { renderError } from '../../blocks/index.ts';
import type { ListenerDeps } from '../deps.ts';
import { urlsShown } from '../with-feedback.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';
import { staleButtonText } from './answer-ref-from-button.ts';

type ActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

/** What the clicker is told when the store cannot take a vote: the answer still stands. */
const notSaved = 'Thanks! I could not save that just now; please try again in a minute.';

/**
 * A 👍 or 👎 on an answer or a tip (Slack's feedback element, or the plain buttons): the vote is stored
 * (query, URLs shown, outcome; no user ID) and the clicker alone is thanked. A 👎 asks one optional
 * question: in place on an answer only the asker sees, in an ephemeral message on one everyone sees.
 */
export function feedbackVote(deps: ListenerDeps) {
  return async ({ ack, action, body, respond, logger }: ActionArgs): Promise<void> => {
    await ack();
    await yieldAfterAck();
    const vote = decodeVote('value' in action ? action.value : undefined);
    if (vote === null || deps.feedback === undefined) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderError(staleButtonText) });
      return;
    }
    try {
      await deps.feedback.rated({
        questionId: vote.id,
        user: body.user.id,
        outcome: vote.outcome,
        query: vote.query,
        urls: vote.surface === 'tip' ? [] : urlsShown(deps, vote.query, vote.offset),
      });
    } catch (error) {
      logger.warn(`a feedback vote could not be stored: ${(error as Error).message}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: notSaved });
      return;
    }
    if (vote.outcome === 'helpful') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderFeedbackThanks('helpful'),
      });
      return;
    }
    if (body.container?.is_ephemeral === true && vote.surface === 'command') {
      const { message } = answerQueryShown(deps.library(), vote.query, {
        offset: vote.offset,
        ephemeral: true,
      });
      await respond({ replace_original: true, ...withFeedbackQuestion(message, vote) });
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderFeedbackQuestion(vote) });
  };
}

/** The answer to "What were you looking for?": kept with that person's 👎, and thanked for, ephemerally. */
export function feedbackNote(deps: ListenerDeps) {
  return async ({ ack, action, body, respond, logger }: ActionArgs): Promise<void> => {
    await ack();
    await yieldAfterAck();
    const id = /^feedback_note_([\w-]{1,64})$/.exec(action.block_id)?.[1];
    const note =
      'value' in action && typeof action.value === 'string' ? action.value.trim().slice(0, 500) : '';
    if (id === undefined || deps.feedback === undefined || note === '') return;
    try {
      await deps.feedback.noted(id, body.user.id, note);
    } catch (error) {
      logger.warn(`a feedback note could not be stored: ${(error as Error).message}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: notSaved });
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderFeedbackThanks('note') });
  };
}
