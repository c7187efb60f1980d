import type { RespondFn } from '@slack/bolt';
import { type AnswerRef, decodeAnswerRef, renderError } from '../../blocks/index.ts';

/** The message shown when a button's value cannot be read (an old or tampered message). */
export const staleButtonText = 'That button no longer works. Ask again with `/talk`.';

/** Reads the answer a Share or More button stands for; when it cannot, tells the clicker and gives null. */
export async function answerRefFromButton(value: unknown, respond: RespondFn): Promise<AnswerRef | null> {
  const ref = decodeAnswerRef(value);
  if (!ref)
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderError(staleButtonText) });
  return ref;
}
