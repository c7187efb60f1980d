import { escapeMrkdwn } from './escape.ts';
import { fitMessage } from './limits.ts';
import type { Message } from './message.ts';
import { context, section } from './parts.ts';

/**
 * Renders a short ephemeral error, such as a failed Web API call, with the message escaped as text. The
 * message says what to do itself; `hint` (mrkdwn, not escaped) adds a line below it, such as an example.
 */
export function renderError(message: string, hint?: string): Message {
  const said = message.replace(/\s+/g, ' ').trim();
  const shown = said === '' ? 'Something went wrong.' : escapeMrkdwn(said);
  return fitMessage({
    text: `Sorry, that did not work: ${shown}`,
    blocks: [section(`⚠️ ${shown}`), ...(hint ? [context(hint)] : [])],
  });
}
