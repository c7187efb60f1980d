import { randomBytes } from 'node:crypto';
import type { types } from '@slack/bolt';
import { buttonValueObject, isOffset } from './button-value.ts';
import { escapeMrkdwn } from './escape.ts';
import { LIMITS } from './limits.ts';
import type { Block, Message } from './message.ts';
import { actions, button, context, plainText } from './parts.ts';

/** Action ids of the feedback controls, for listeners to register against. */
export const FEEDBACK_IDS = {
  /** The `feedback_buttons` element, or either plain button. */
  vote: 'talk_feedback',
  /** The text input of "What were you looking for?". */
  note: 'talk_feedback_note',
} as const;

/** How the 👍/👎 are drawn: Slack's feedback element, or two plain buttons where a client does not render it. */
export type FeedbackStyle = 'element' | 'buttons';

/** What a vote refers to: the question asked (its id in the store) and the query, so a vote stands on its own. */
export interface FeedbackRef {
  readonly id: string;
  readonly query: string;
  /** Which page of the answer was shown (0 for a tip). */
  readonly offset: number;
  /** Where it was shown. */
  readonly surface: 'command' | 'mention' | 'dm' | 'tip';
}

/** A vote decoded from a button's value. */
export interface FeedbackVote extends FeedbackRef {
  readonly outcome: 'helpful' | 'unhelpful';
}

/** A fresh question id: short, random, never derived from who asked. */
export function newQuestionId(): string {
  return randomBytes(9).toString('base64url');
}

const surfaces = ['command', 'mention', 'dm', 'tip'] as const;
/** A query kept in a button value is cut to this many characters: plenty to know what was asked. */
const maxQueryInValue = 300;

/** Encodes a vote as a button value, with `<`, `>`, `&` and `@` escaped so no query turns into a live token. */
export function encodeVote(ref: FeedbackRef, outcome: 'helpful' | 'unhelpful'): string {
  const value = JSON.stringify({
    f: outcome === 'helpful' ? '+' : '-',
    id: ref.id,
    q: Array.from(ref.query).slice(0, maxQueryInValue).join(''),
    o: ref.offset,
    s: ref.surface,
  }).replace(/[<>&@]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return value;
}

/** Decodes a value made by `encodeVote`; anything else gives null. */
export function decodeVote(value: unknown): FeedbackVote | null {
  const { f, id, q, o, s } = buttonValueObject(value) ?? {};
  if ((f !== '+' && f !== '-') || typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) return null;
  if (typeof q !== 'string' || !isOffset(o)) return null;
  const surface = surfaces.find((x) => x === s);
  if (surface === undefined) return null;
  return { outcome: f === '+' ? 'helpful' : 'unhelpful', id, query: q, offset: o, surface };
}

/** The 👍/👎 row of an answer or a tip. */
export function feedbackBlock(ref: FeedbackRef, style: FeedbackStyle): Block {
  if (style === 'buttons') {
    return actions(`feedback_${ref.id}`, [
      { ...button('👍 Helpful', `${FEEDBACK_IDS.vote}_up`, encodeVote(ref, 'helpful')) },
      { ...button('👎 Not helpful', `${FEEDBACK_IDS.vote}_down`, encodeVote(ref, 'unhelpful')) },
    ]);
  }
  const block: types.ContextActionsBlock = {
    type: 'context_actions',
    block_id: `feedback_${ref.id}`,
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_IDS.vote,
        positive_button: {
          text: plainText('👍'),
          value: encodeVote(ref, 'helpful'),
          accessibility_label: 'This answer helped',
        },
        negative_button: {
          text: plainText('👎'),
          value: encodeVote(ref, 'unhelpful'),
          accessibility_label: 'This answer did not help',
        },
      },
    ],
  };
  return block;
}

/** The message with the 👍/👎 row added at its end (left off when the message is already at Slack's block limit). */
export function withFeedback(message: Message, ref: FeedbackRef, style: FeedbackStyle): Message {
  if (message.blocks.length >= LIMITS.messageBlocks) return message;
  return { ...message, blocks: [...message.blocks, feedbackBlock(ref, style)] };
}

/** The message with its 👍/👎 row swapped for the one question a 👎 asks ("What were you looking for?"). */
export function withFeedbackQuestion(message: Message, ref: FeedbackRef): Message {
  const kept = message.blocks.filter((b) => b.block_id !== `feedback_${ref.id}`);
  return { ...message, blocks: [...kept, ...feedbackQuestionBlocks(ref)] };
}

/** The question a 👎 asks, on its own: for a message everyone sees, asked of the clicker alone. */
export function renderFeedbackQuestion(ref: FeedbackRef): Message {
  return {
    text: 'Thanks for telling us. What were you looking for? (optional)',
    blocks: [
      context(`Thanks for telling us this did not help with “${escapeMrkdwn(ref.query)}”.`),
      ...feedbackQuestionBlocks(ref),
    ],
  };
}

function feedbackQuestionBlocks(ref: FeedbackRef): Block[] {
  const input: types.InputBlock = {
    type: 'input',
    block_id: `feedback_note_${ref.id}`,
    dispatch_action: true,
    optional: true,
    label: plainText('What were you looking for?'),
    hint: plainText('Optional. Press Enter to send; only the blog’s writers read it, without your name.'),
    element: {
      type: 'plain_text_input',
      action_id: FEEDBACK_IDS.note,
      max_length: 500,
      dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
      placeholder: plainText('e.g. the slides of the Jepsen talk'),
    },
  };
  return [input];
}

/** The ephemeral thanks a vote or a note gets. */
export function renderFeedbackThanks(kind: 'helpful' | 'unhelpful' | 'note'): Message {
  const text =
    kind === 'helpful'
      ? 'Thanks! Glad it helped.'
      : kind === 'unhelpful'
        ? 'Thanks, noted: the blog’s writers will see what was missing.'
        : 'Thanks, that helps the blog’s writers fill the gap.';
  return { text, blocks: [context(text)] };
}
