import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkBlocks } from '../../../src/local/block-rules.ts';
import {
  decodeVote,
  encodeVote,
  type FeedbackRef,
  feedbackBlock,
  renderFeedbackQuestion,
  withFeedback,
} from '../../../src/slack/blocks/feedback.ts';
import type { Message } from '../../../src/slack/blocks/message.ts';
import { renderTipSettings, renderTipsConfirmation } from '../../../src/slack/blocks/tip-settings.ts';
import { readTipsModal, renderTipsModal } from '../../../src/slack/blocks/tips-modal.ts';
import { slackProblems } from '../../helpers/slack-rules.ts';

const ref: FeedbackRef = { id: 'q1AbC', query: 'jepsen', offset: 0, surface: 'command' };
const base: Message = {
  text: 'Talks for jepsen',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }],
};

describe('feedback buttons', () => {
  it('adds Slack’s feedback element as a context_actions block, within Slack’s rules, both values decoding to the vote', () => {
    const message = withFeedback(base, ref, 'element');
    const block = message.blocks.at(-1) as {
      type: string;
      elements: { type: string; positive_button: { value: string }; negative_button: { value: string } }[];
    };
    assert.equal(block.type, 'context_actions');
    assert.equal(block.elements[0]?.type, 'feedback_buttons');
    assert.deepEqual(decodeVote(block.elements[0]?.positive_button.value), { ...ref, outcome: 'helpful' });
    assert.deepEqual(decodeVote(block.elements[0]?.negative_button.value), { ...ref, outcome: 'unhelpful' });
    assert.deepEqual(slackProblems(message), []);
    assert.deepEqual(checkBlocks(message.blocks), []);
  });

  it('draws two plain buttons where the element does not render', () => {
    const block = feedbackBlock(ref, 'buttons') as { type: string; elements: { action_id: string }[] };
    assert.equal(block.type, 'actions');
    assert.deepEqual(
      block.elements.map((e) => e.action_id),
      ['talk_feedback_up', 'talk_feedback_down'],
    );
  });

  it('any query fits a button value, never holds a live token, and decodes back (cut to 300 characters)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (query) => {
        const value = encodeVote({ ...ref, query }, 'unhelpful');
        assert.ok(value.length <= 2000);
        assert.doesNotMatch(value, /[<>&@]/);
        assert.equal(decodeVote(value)?.query, Array.from(query).slice(0, 300).join(''));
      }),
      { numRuns: 300 },
    );
    for (const junk of [
      '',
      '{}',
      'null',
      '{"f":"+","id":"x y","q":"a","o":0,"s":"command"}',
      'x'.repeat(3000),
    ])
      assert.equal(decodeVote(junk), null);
  });

  it('the 👎 question is one optional text input that sends on Enter', () => {
    const question = renderFeedbackQuestion({ ...ref, query: '<!channel> raft' });
    assert.deepEqual(slackProblems(question), []);
    assert.deepEqual(checkBlocks(question.blocks), []);
    const input = question.blocks.find((b) => b.type === 'input') as {
      dispatch_action: boolean;
      optional: boolean;
    };
    assert.deepEqual([input.dispatch_action, input.optional], [true, true]);
    assert.doesNotMatch(JSON.stringify(question), /<!channel>/);
  });
});

describe('tip settings and the Set up tips modal', () => {
  it('settings, confirmations and the modal are within Slack’s rules', () => {
    const now = new Date('2026-03-02T08:00:00Z');
    for (const subscription of [
      null,
      { description: 'weekdays at 09:00', timezone: 'Europe/Berlin', pausedUntil: null, suspended: null },
      {
        description: 'daily at 08:30',
        timezone: 'UTC',
        pausedUntil: new Date('2026-03-16T08:00:00Z'),
        suspended: null,
      },
      { description: 'Mondays at 10:00', timezone: 'UTC', pausedUntil: null, suspended: 'is_archived' },
    ]) {
      assert.deepEqual(
        slackProblems(renderTipSettings({ channel: 'C0GENERAL', subscription, next: null, now })),
        [],
      );
    }
    assert.equal(
      renderTipsConfirmation('U0ANA', {
        kind: 'on',
        description: 'weekdays at 09:00',
        timezone: 'Europe/Berlin',
      }).text,
      '<@U0ANA> set reading tips here for weekdays at 09:00 Europe/Berlin',
    );
    const modal = renderTipsModal({
      channel: 'C0GENERAL',
      days: [1, 2, 3, 4, 5],
      hour: 9,
      minute: 0,
      timezone: 'Asia/Kathmandu',
    });
    assert.deepEqual(checkBlocks(modal.blocks, 100), []);
    assert.match(
      JSON.stringify(modal),
      /"initial_option":\{"text":\{"type":"plain_text","text":"Asia\/Kathmandu"/,
    );
  });

  it('reads a submission as Slack sends it, and names the inputs left empty', () => {
    assert.deepEqual(
      readTipsModal({
        tips_days: { tips_days: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '3' }] } },
        tips_time: { tips_time: { type: 'timepicker', selected_time: '09:30' } },
        tips_timezone: {
          tips_timezone: { type: 'static_select', selected_option: { value: 'Europe/Berlin' } },
        },
      }),
      { ok: true, days: [1, 3], hour: 9, minute: 30, timezone: 'Europe/Berlin' },
    );
    assert.deepEqual(readTipsModal({}), {
      ok: false,
      errors: {
        tips_days: 'Pick at least one day.',
        tips_time: 'Pick a time.',
        tips_timezone: 'Pick a time zone.',
      },
    });
  });
});
