import { type AnswerRequest, answerQueryShown } from '../answer-query.ts';
import { type FeedbackRef, newQuestionId, withFeedback } from '../blocks/feedback.ts';
import type { Message } from '../blocks/message.ts';
import type { ListenerDeps } from './deps.ts';

/** Where an answer was asked, as the insights count it. */
export type Surface = FeedbackRef['surface'];

/**
 * Answers a query and, when talkbot has a store, adds the 👍/👎 row and records the question (query, the
 * URLs shown). Recording is not awaited: an answer never waits on the store. `record: false` for a page of
 * an answer already recorded (More results, Share), which gets buttons of its own but counts no new question.
 */
export function answerWithFeedback(
  deps: ListenerDeps,
  text: string,
  request: AnswerRequest,
  surface: Surface,
  record = true,
): Message {
  const { message, urls } = answerQueryShown(deps.library(), text, request);
  const feedback = deps.feedback;
  if (feedback === undefined || urls === null) return message;
  const ref: FeedbackRef = { id: newQuestionId(), query: text.trim(), offset: request.offset ?? 0, surface };
  if (record) feedback.asked({ id: ref.id, query: ref.query, urls, surface });
  return withFeedback(message, ref, feedback.style);
}

/** The URLs an answer page showed, worked out again for a vote (the Library may have changed since; close enough). */
export function urlsShown(deps: ListenerDeps, query: string, offset: number): readonly string[] {
  return answerQueryShown(deps.library(), query, { offset, ephemeral: true }).urls ?? [];
}
