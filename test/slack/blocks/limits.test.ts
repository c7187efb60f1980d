import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMessage, fitMessage, fitView, LIMITS } from '../../../src/slack/blocks/limits.ts';
import type { Block, Message } from '../../../src/slack/blocks/message.ts';

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

describe('checkMessage', () => {
  it('passes a small valid message', () => {
    assert.deepEqual(checkMessage({ text: 'hi', blocks: [section('hi'), divider, actions] }), []);
  });

  it('names every violation', () => {
    const message: Message = {
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
            {
              type: 'button',
              text: plain('b'.repeat(76)),
              action_id: 'a'.repeat(256),
              value: 'v'.repeat(2_001),
            },
          ],
        },
        { type: 'section', block_id: 'same', text: text('<!channel> & <javascript:x|y>') },
        { type: 'divider', block_id: 'same' },
        { type: 'section', text: text('') },
      ],
    };
    const problems = checkMessage(message);
    for (const expected of [
      /^text: missing or blank/,
      /blocks\[0\]\.text: 3001 chars > 3000/,
      /blocks\[1\]\.fields: 11 > 10/,
      /blocks\[2\]\.fields\[0\]: 2001 chars > 2000/,
      /blocks\[3\]\.text: 151 chars > 150/,
      /blocks\[4\]\.elements: 11 > 10/,
      /blocks\[5\]\.elements: empty/,
      /blocks\[6\]\.elements\[0\]\.text: 76 chars > 75/,
      /blocks\[6\]\.elements\[0\]\.value: 2001 chars > 2000/,
      /blocks\[6\]\.elements\[0\]\.action_id: longer than 255/,
      /blocks\[7\]\.text: holds a live token/,
      /blocks\[8\]\.block_id: "same" repeats/,
      /blocks\[9\]\.text: blank text/,
    ]) {
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${expected} not in\n${problems.join('\n')}`,
      );
    }
  });

  it('counts blocks against 50 for a message and 100 for a Home view', () => {
    const blocks = Array.from({ length: 60 }, () => divider);
    assert.ok(checkMessage({ text: 'x', blocks }).some((p) => p.startsWith('blocks: 60 > 50')));
    assert.deepEqual(checkMessage({ type: 'home', blocks }), []);
    assert.ok(
      checkMessage({ type: 'home', blocks: [...blocks, ...blocks] }).some((p) => p.includes('> 100')),
    );
  });

  it("holds a message's blocks to the cumulative size budget", () => {
    const blocks = Array.from({ length: 6 }, () => section('x'.repeat(2_500)));
    assert.ok(checkMessage({ text: 'x', blocks }).some((p) => p.startsWith('blocks: size')));
  });
});

describe('fitMessage', () => {
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
    assert.deepEqual(checkMessage(message), []);
    assert.ok(message.text.endsWith('…'));
    const first = message.blocks[0];
    assert.ok(first?.type === 'section' && first.text !== undefined);
    assert.ok(first.text.text.endsWith('…'));
    assert.ok(!first.text.text.includes('<https://example.com/a|a link') || first.text.text.includes(link));
  });

  it('drops whole trailing groups, says how many, and keeps the buttons', () => {
    const message = fitMessage({ text: 'many', blocks: [...groups(30, 3), actions] });
    assert.deepEqual(checkMessage(message), []);
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
    assert.deepEqual(checkMessage(message), []);
    assert.match(JSON.stringify(message.blocks.at(-1)), /\d+ more/);
  });

  it('keeps the top of a single group that is too big', () => {
    const message = fitMessage({ text: 'one', blocks: groups(1, 80) });
    assert.deepEqual(checkMessage(message), []);
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
    assert.deepEqual(checkMessage(message), []);
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
    assert.deepEqual(checkMessage(message), []);
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
    assert.deepEqual(checkMessage(message), []);
  });
});

describe('fitView', () => {
  it('keeps up to 100 blocks', () => {
    const view = fitView({ type: 'home', blocks: groups(60, 2) });
    assert.ok(view.blocks.length <= LIMITS.viewBlocks);
    assert.ok(view.blocks.length > LIMITS.messageBlocks);
    assert.deepEqual(checkMessage(view), []);
  });
});
