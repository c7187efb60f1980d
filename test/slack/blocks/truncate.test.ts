import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { truncateMrkdwn, truncatePlain } from '../../../src/slack/blocks/truncate.ts';
import { isWellFormed } from './fixtures.ts';

describe('truncatePlain', () => {
  it('leaves short text alone', () => {
    assert.equal(truncatePlain('short', 10), 'short');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    assert.equal(
      truncatePlain('Building Confidence in a Distributed Stream Processor', 25),
      'Building Confidence in a…',
    );
  });

  it('prefers a line boundary', () => {
    assert.equal(truncatePlain('first line here\nsecond line goes on', 25), 'first line here…');
  });

  it('cuts a long word anywhere but never splits a surrogate pair', () => {
    const emoji = '😀'.repeat(20);
    const cut = truncatePlain(emoji, 10);
    assert.ok(cut.length <= 10);
    assert.ok(isWellFormed(cut));
  });
});

describe('truncateMrkdwn', () => {
  it('never cuts inside an entity', () => {
    const text = `${'a'.repeat(8)}&amp;${'b'.repeat(20)}`;
    for (let max = 5; max < 20; max++) {
      const cut = truncateMrkdwn(text, max);
      assert.ok(cut.length <= max, `${max}: ${cut}`);
      assert.doesNotMatch(cut, /&[a-z]*…$/, `${max}: ${cut}`);
    }
  });

  it('never cuts inside a link', () => {
    const text = `see <https://example.com/a/long/path|a label with words> and more words after it`;
    for (let max = 2; max < text.length; max++) {
      const cut = truncateMrkdwn(text, max);
      assert.ok(cut.length <= max, `${max}: ${cut}`);
      const opens = (cut.match(/</g) ?? []).length;
      const closes = (cut.match(/>/g) ?? []).length;
      assert.equal(opens, closes, `${max}: ${cut}`);
    }
  });

  it('drops a link that alone is too long rather than break it', () => {
    assert.equal(truncateMrkdwn(`<https://example.com/${'x'.repeat(50)}|label>`, 20), '…');
  });
});
