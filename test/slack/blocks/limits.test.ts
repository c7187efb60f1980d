import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitMessage, fitView, LIMITS } from '../../../src/slack/blocks/limits.ts';
import type { Block, Message } from '../../../src/slack/blocks/message.ts';
import { slackProblems } from '../../helpers/slack-rules.ts';

const text = (t: string) => ({ type: 'mrkdwn' as const, text: t });
const plain = (t: string) => ({ type: 'plain_text' as const, text: t });
const section = (t: string): Block => ({ type: 'section', text: text(t) });
const divider: Block = { type: 'divider' };
const actions: Block = {
  type: 'actions',
  block_id: 'answer_actions',
  elements: [
    { type: 'button', text: plain('More results'), action_id: 'talk_more', value: '{"q":"x","o":5}' },
  ],
};

/** `count` result groups of `size` blocks each, separated by dividers. */
function groups(count: number, size: number, body = 'result'): Block[] {
  return Array.from({ length: count }, (_, g) => [
    ...(g === 0 ? [] : [divider]),
    ...Array.from({ length: size }, (_, b) => section(`${body} ${g + 1}.${b + 1}`)),
  ]).flat();
}

/** A message breaking every limit talkbot fits to, and holding live tokens. */
const broken: Message = {
  text: ' ',
  blocks: [
    { type: 'section', text: text('x'.repeat(3_001)) },
    { type: 'section', fields: Array.from({ length: 11 }, () => text('f')) },
    { type: 'section', fields: [text('y'.repeat(2_001))] },
    { type: 'header', text: plain('h'.repeat(151)) },
    { type: 'context', elements: Array.from({ length: 11 }, () => text('c')) },
    { type: 'context', elements: [] },
    {
      type: 'actions',
      elements: [
        { type: 'button', text: plain('b'.repeat(76)), action_id: 'a'.repeat(256), value: 'v'.repeat(2_001) },
      ],
    },
    { type: 'section', block_id: 'same', text: text('<!channel> & <javascript:x|y>') },
    { type: 'divider', block_id: 'same' },
    { type: 'section', text: text('') },
  ],
};

describe('the rules the tests check messages by (the stand-in of Slack’s own)', () => {
  it('pass a small valid message', () => {
    assert.deepEqual(slackProblems({ text: 'hi', blocks: [section('hi'), divider, actions] }), []);
  });

  it('name every violation, where it is', () => {
    const problems = slackProblems(broken);
    for (const expected of [
      /^text: missing or blank/,
      /json-pointer:\/blocks\/0\/text\/text/,
      /json-pointer:\/blocks\/1\/fields/,
      /json-pointer:\/blocks\/2\/fields\/0\/text/,
      /json-pointer:\/blocks\/3\/text\/text/,
      /json-pointer:\/blocks\/4\/elements/,
      /json-pointer:\/blocks\/5\/elements/,
      /json-pointer:\/blocks\/6\/elements\/0\/text\/text/,
      /json-pointer:\/blocks\/6\/elements\/0\/value/,
      /json-pointer:\/blocks\/6\/elements\/0\/action_id/,
      /^\/blocks\/7\/text\/text: holds a live token/,
      /duplicate block_id \[json-pointer:\/blocks\/8\/block_id\]/,
      /json-pointer:\/blocks\/9\/text\/text/,
    ]) {
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${expected} not in\n${problems.join('\n')}`,
      );
    }
  });

  it('count blocks against 50 for a message and 100 for a Home view', () => {
    const blocks = Array.from({ length: 60 }, () => divider);
    assert.ok(slackProblems({ text: 'x', blocks }).some((p) => p.includes('no more than 50 items')));
    assert.deepEqual(slackProblems({ type: 'home', blocks }), []);
    assert.ok(slackProblems({ type: 'home', blocks: [...blocks, ...blocks] }).some((p) => p.includes('100')));
  });

  it("hold a message's blocks to the size Slack was measured to refuse", () => {
    const blocks = Array.from({ length: 6 }, () => section('x'.repeat(2_500)));
    assert.ok(slackProblems({ text: 'x', blocks }).some((p) => p.startsWith('blocks: size')));
    assert.deepEqual(slackProblems(fitMessage({ text: 'x', blocks })), []);
  });
});

describe('fitMessage', () => {
  it('makes a message that breaks every limit one Slack accepts', () => {
    assert.deepEqual(slackProblems(fitMessage(broken)), []);
  });

  it('returns a fitting message as it is', () => {
    const message = { text: 'hi', blocks: [section('hi'), divider, section('there'), actions] };
    assert.deepEqual(fitMessage(message), message);
  });

  it('cuts long texts cleanly and keeps links whole', () => {
    const link = '<https://example.com/a|a link>';
    const message = fitMessage({
      text: 'y '.repeat(5_000),
      blocks: [
        section(`${'word '.repeat(590)}${link} ${'tail '.repeat(200)}`),
        { type: 'header', text: plain('h'.repeat(200)) },
      ],
    });
    assert.deepEqual(slackProblems(message), []);
    assert.ok(message.text.endsWith('…'));
    const first = message.blocks[0];
    assert.ok(first?.type === 'section' && first.text !== undefined);
    assert.ok(first.text.text.endsWith('…'));
    assert.ok(!first.text.text.includes('<https://example.com/a|a link') || first.text.text.includes(link));
  });

  it('drops whole trailing groups, says how many, and keeps the buttons', () => {
    const message = fitMessage({ text: 'many', blocks: [...groups(30, 3), actions] });
    assert.deepEqual(slackProblems(message), []);
    assert.ok(message.blocks.length <= LIMITS.messageBlocks);
    assert.equal(message.blocks.at(-1)?.type, 'actions');
    const notice = message.blocks.at(-2);
    assert.ok(notice?.type === 'context');
    const shownGroups = message.blocks.filter((b) => b.type === 'divider').length + 1;
    const noticeText = JSON.stringify(notice);
    assert.match(noticeText, new RegExp(`${30 - shownGroups} more – use \\*More results\\*`));
    // Every kept group is whole: three sections after each divider.
    const sections = message.blocks.filter((b) => b.type === 'section').length;
    assert.equal(sections, shownGroups * 3);
  });

  it('takes a custom notice', () => {
    const message = fitMessage(
      { text: 'many', blocks: groups(40, 2) },
      { moreNotice: (n) => `${n} more links`, maxBlocks: 10 },
    );
    assert.ok(message.blocks.length <= 10);
    assert.match(JSON.stringify(message.blocks.at(-1)), /\d+ more links/);
  });

  it('drops trailing groups when the cumulative size is over budget', () => {
    const message = fitMessage({ text: 'big', blocks: groups(10, 1, 'x'.repeat(2_500)) });
    assert.deepEqual(slackProblems(message), []);
    assert.match(JSON.stringify(message.blocks.at(-1)), /\d+ more/);
  });

  it('keeps the top of a single group that is too big', () => {
    const message = fitMessage({ text: 'one', blocks: groups(1, 80) });
    assert.deepEqual(slackProblems(message), []);
    assert.equal(message.blocks[0]?.type, 'section');
  });

  it('fills in a blank fallback text and drops blocks with nothing to show', () => {
    const message = fitMessage({
      text: '',
      blocks: [section('  '), { type: 'context', elements: [text('')] }],
    });
    assert.ok(message.text.trim().length > 0);
    assert.deepEqual(message.blocks, []);
  });

  it('defuses live tokens that slipped through', () => {
    const message = fitMessage({ text: '<!here>', blocks: [section('<!channel> <@U123ABC>')] });
    assert.deepEqual(slackProblems(message), []);
    assert.ok(!JSON.stringify(message).includes('<!channel>'));
    assert.ok(JSON.stringify(message).includes('<@U123ABC>'));
  });

  it('drops a button whose value is too long rather than cut it', () => {
    const message = fitMessage({
      text: 'x',
      blocks: [
        {
          type: 'actions',
          elements: [
            { type: 'button', text: plain('ok'), action_id: 'a', value: 'v' },
            { type: 'button', text: plain('too long'), action_id: 'b', value: 'v'.repeat(2_001) },
          ],
        },
      ],
    });
    assert.deepEqual(slackProblems(message), []);
    const block = message.blocks[0];
    assert.ok(block?.type === 'actions');
    assert.equal(block.elements.length, 1);
  });

  it('removes repeated block ids', () => {
    const message = fitMessage({
      text: 'x',
      blocks: [
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ],
    });
    assert.deepEqual(slackProblems(message), []);
  });
});

describe('fitView', () => {
  it('keeps up to 100 blocks', () => {
    const view = fitView({ type: 'home', blocks: groups(60, 2) });
    assert.ok(view.blocks.length <= LIMITS.viewBlocks);
    assert.ok(view.blocks.length > LIMITS.messageBlocks);
    assert.deepEqual(slackProblems(view), []);
  });
});
