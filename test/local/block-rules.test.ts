import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkBlocks } from '../../src/local/index.ts';

const text = (t: string, type = 'mrkdwn') => ({ type, text: t });
const button = (actionId: string, label = 'Go') => ({
  type: 'button',
  action_id: actionId,
  text: text(label, 'plain_text'),
});

describe('checkBlocks: the Block Kit limits Slack enforces', () => {
  const cases: Array<[string, unknown, string[]]> = [
    [
      'a valid section, header, divider and actions pass',
      [
        { type: 'header', text: text('Talks', 'plain_text') },
        { type: 'section', text: text('*Jepsen*') },
        { type: 'divider' },
        { type: 'actions', elements: [button('more')] },
      ],
      [],
    ],
    [
      'more than 50 blocks',
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      ['[ERROR] no more than 50 items allowed [json-pointer:/blocks]'],
    ],
    [
      'section text over 3000 characters',
      [{ type: 'section', text: text('x'.repeat(3001)) }],
      ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    ],
    [
      'header text over 150 characters',
      [{ type: 'header', text: text('x'.repeat(151), 'plain_text') }],
      ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
    ],
    [
      'button text over 75 characters',
      [{ type: 'actions', elements: [button('a', 'x'.repeat(76))] }],
      ['[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]'],
    ],
    [
      'duplicate action_id in one block',
      [{ type: 'actions', elements: [button('a'), button('a')] }],
      ['[ERROR] duplicate action_id [json-pointer:/blocks/0/elements/1/action_id]'],
    ],
    [
      'duplicate block_id',
      [
        { type: 'divider', block_id: 'x' },
        { type: 'divider', block_id: 'x' },
      ],
      ['[ERROR] duplicate block_id [json-pointer:/blocks/1/block_id]'],
    ],
    [
      'a section with neither text nor fields',
      [{ type: 'section' }],
      ['[ERROR] must provide either text or fields [json-pointer:/blocks/0]'],
    ],
    [
      'more than 10 fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => text('f')) }],
      ['[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/fields]'],
    ],
    [
      'a context text element over 3000 characters, or empty',
      [{ type: 'context', elements: [text('x'.repeat(3001)), text('')] }],
      [
        '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/elements/0/text]',
        '[ERROR] must be more than 0 characters [json-pointer:/blocks/0/elements/1/text]',
      ],
    ],
    [
      'a block without type',
      [{ text: text('x') }],
      ['[ERROR] missing required field: type [json-pointer:/blocks/0]'],
    ],
    ['not an array', { type: 'section' }, ['[ERROR] expected array [json-pointer:/blocks]']],
  ];

  for (const [title, blocks, expected] of cases) {
    it(title, () => {
      assert.deepEqual(checkBlocks(blocks), expected);
    });
  }

  it('allows 100 blocks in a view', () => {
    assert.deepEqual(
      checkBlocks(
        Array.from({ length: 100 }, () => ({ type: 'divider' })),
        100,
      ),
      [],
    );
  });
});
