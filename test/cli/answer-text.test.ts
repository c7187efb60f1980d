import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderAnswerText } from '../../src/cli/text.ts';
import { firstCitation, generatedPost, jepsen, resourceHit, result } from '../slack/blocks/fixtures.ts';

describe('talkbot ask, text: a resource cited by many posts', () => {
  it('lists five citing posts and counts the rest', () => {
    const posts = Array.from({ length: 12 }, (_, n) => generatedPost(n + 1));
    const resource = {
      ...jepsen(),
      citations: posts.map((post) => ({ ...firstCitation(jepsen()), post, section: null })),
    };
    const text = renderAnswerText(result('jepsen', [resourceHit(resource)]));
    const lines = text.split('\n').filter((line) => line.startsWith('   from '));
    assert.equal(lines.length, 5);
    assert.equal(lines[0], `   from ${posts[0]?.title}`);
    assert.ok(text.includes('   and 7 more posts'), text);
  });

  it('lists every citation of a link cited by five posts or fewer', () => {
    const posts = Array.from({ length: 5 }, (_, n) => generatedPost(n + 1));
    const resource = { ...jepsen(), citations: posts.map((post) => ({ ...firstCitation(jepsen()), post })) };
    const text = renderAnswerText(result('jepsen', [resourceHit(resource)]));
    assert.equal(text.split('\n').filter((line) => / · from |^ {3}from /.test(line)).length, 5);
    assert.ok(!text.includes('more post'));
  });
});
