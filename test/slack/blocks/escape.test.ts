import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defuseMrkdwn,
  escapeMrkdwn,
  mrkdwnLink,
  safeHttpUrl,
  userMention,
} from '../../../src/slack/blocks/escape.ts';

describe('escapeMrkdwn', () => {
  it('escapes the three control characters as entities', () => {
    assert.equal(escapeMrkdwn('a & b < c > d'), 'a &amp; b &lt; c &gt; d');
  });

  it('turns special commands, mentions and links into visible text', () => {
    for (const attack of ['<!channel>', '<!here>', '<@U123>', '<https://evil.example|click>', '<#C123>']) {
      const escaped = escapeMrkdwn(attack);
      assert.ok(!escaped.includes('<') && !escaped.includes('>'), escaped);
    }
  });

  it('defuses @channel, @here and @everyone in any case', () => {
    for (const word of ['@channel', '@here', '@everyone', '@HERE', 'hi @Channel!']) {
      assert.doesNotMatch(escapeMrkdwn(word), /@(channel|here|everyone)/i);
    }
  });

  it('escapes an existing entity again, so it shows as typed', () => {
    assert.equal(escapeMrkdwn('&amp;'), '&amp;amp;');
  });
});

describe('mrkdwnLink', () => {
  it('builds a link with the label escaped', () => {
    assert.equal(
      mrkdwnLink('https://example.com/a', 'Tom & Jerry'),
      '<https://example.com/a|Tom &amp; Jerry>',
    );
  });

  it('keeps `|` and `>` in a label from ending the link', () => {
    const linked = mrkdwnLink('https://example.com/', 'a|b>c<!channel>');
    assert.match(linked, /^<https:\/\/example\.com\/\|[^<>|]*>$/);
    assert.ok(!linked.includes('<!channel>'));
  });

  it('percent-encodes characters that would break out of the URL', () => {
    const linked = mrkdwnLink('https://example.com/a b|c>d<e', 'x');
    assert.equal(linked, '<https://example.com/a%20b%7Cc%3Ed%3Ce|x>');
  });

  it('escapes `&` in the URL as Slack does', () => {
    assert.equal(mrkdwnLink('http://q.example/?a=1&b=2', 'q'), '<http://q.example/?a=1&amp;b=2|q>');
  });

  it('never links a javascript:, data: or relative URL', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      '/posts/x',
      'ftp://x.example/',
    ]) {
      const shown = mrkdwnLink(url, 'click <here>');
      assert.equal(shown, 'click &lt;here&gt;', url);
    }
  });

  it('shows the URL when the label is blank', () => {
    assert.equal(mrkdwnLink('https://example.com/', '  '), '<https://example.com/|https://example.com/>');
  });

  it('cuts a huge label', () => {
    assert.ok(mrkdwnLink('https://example.com/', 'x'.repeat(10_000)).length < 400);
  });
});

describe('safeHttpUrl', () => {
  it('accepts http and https with a host only', () => {
    assert.equal(safeHttpUrl('https://example.com/x'), 'https://example.com/x');
    assert.equal(safeHttpUrl('HTTP://example.com'), 'HTTP://example.com');
    assert.equal(safeHttpUrl('https://'), null);
    assert.equal(safeHttpUrl('https:///path'), null);
    assert.equal(safeHttpUrl('mailto:a@example.com'), null);
  });
});

describe('userMention', () => {
  it('mentions a well-formed user id and refuses anything else', () => {
    assert.equal(userMention('U123ABC'), '<@U123ABC>');
    assert.equal(userMention('W0AB12CD'), '<@W0AB12CD>');
    for (const bad of ['', 'u123', 'U123>', 'U1|x', '!channel', 'C123ABC', 'U12 3']) {
      assert.equal(userMention(bad), null, bad);
    }
  });
});

describe('defuseMrkdwn', () => {
  it('keeps links, user mentions and dates', () => {
    const text = '<https://example.com|x> <@U123ABC> <!date^1700000000^{date_short}|14 Nov 2023> &amp; &lt;';
    assert.equal(defuseMrkdwn(text), text);
  });

  it('escapes every other token and stray control character', () => {
    assert.equal(defuseMrkdwn('<!channel> a & b > c'), '&lt;!channel&gt; a &amp; b &gt; c');
    assert.equal(defuseMrkdwn('<javascript:alert(1)|x>'), '&lt;javascript:alert(1)|x&gt;');
  });

  it('defuses broadcasts in text and link labels, not in URLs', () => {
    assert.equal(
      defuseMrkdwn('@here <https://x.example/@here|@here>'),
      '@\u200dhere <https://x.example/@here|@\u200dhere>',
    );
  });

  it('is idempotent', () => {
    const once = defuseMrkdwn('<!here> & @channel <https://x.example|a@everyone>');
    assert.equal(defuseMrkdwn(once), once);
  });
});
