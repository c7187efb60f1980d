import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../../src/content/load.ts';
import {
  escapeHtml,
  renderBlocks,
  renderMrkdwn,
  safeHref,
} from '../../../src/local/playground/browser/block-kit.ts';
import { Library } from '../../../src/search/library.ts';
import { renderAnswer } from '../../../src/slack/blocks/answer.ts';
import { renderHelp } from '../../../src/slack/blocks/help.ts';
import { renderHome } from '../../../src/slack/blocks/home.ts';
import { renderTip } from '../../../src/slack/blocks/tip.ts';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const userName = (id: string) => ({ U0YOU: 'you', U0BOT: 'talkbot' })[id];

describe('mrkdwn to HTML', () => {
  it('renders bold, italic, strike and code', () => {
    assert.equal(
      renderMrkdwn('*bold* _italic_ ~gone~ `a <b> c`'),
      '<p class="bk-p"><strong>bold</strong> <em>italic</em> <del>gone</del> <code class="bk-code">a &lt;b&gt; c</code></p>',
    );
  });

  it('formats across a link, as the bot writes resource titles: *🎬 <url|title>*', () => {
    const html = renderMrkdwn('*🎬 <https://example.com/v|A talk>*  _video_');
    assert.match(html, /^<p class="bk-p"><strong>🎬 <a class="bk-link" href="https:\/\/example.com\/v"/);
    assert.match(html, /A talk<\/a><\/strong> {2}<em>video<\/em>/);
  });

  it('leaves snake_case and lone markers alone', () => {
    assert.equal(
      renderMrkdwn('snake_case_name and 2 * 3 * 4'),
      '<p class="bk-p">snake_case_name and 2 * 3 * 4</p>',
    );
  });

  it('links http(s) URLs in a new tab without an opener or referrer', () => {
    assert.equal(
      renderMrkdwn('<https://aphyr.com/tags/Jepsen|Jepsen>'),
      '<p class="bk-p"><a class="bk-link" href="https://aphyr.com/tags/Jepsen" target="_blank" rel="noopener noreferrer">Jepsen</a></p>',
    );
    assert.match(
      renderMrkdwn('<http://example.com>'),
      /href="http:\/\/example.com\/"[^>]*>http:\/\/example.com</,
    );
  });

  it('decodes &amp; in a link once, and escapes it again for the attribute', () => {
    const html = renderMrkdwn(
      '<http://queue.acm.org/detail.cfm?ref=rss&amp;id=2889274|The &lt;Verification&gt;>',
    );
    assert.match(html, /href="http:\/\/queue.acm.org\/detail.cfm\?ref=rss&amp;id=2889274"/);
    assert.match(html, />The &lt;Verification&gt;<\/a>/);
  });

  it('never links javascript:, data: or other schemes: their label shows as text', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      const html = renderMrkdwn(`<${url}|click me>`);
      assert.doesNotMatch(html, /<a /, url);
      assert.match(html, /click me/);
    }
  });

  it('shows mentions by name, broadcasts, and a date by its fallback text', () => {
    const html = renderMrkdwn(
      'Shared by <@U0YOU> for <@U0NOBODY> <!here> <!date^1700000000^{date_short}|14 Nov 2023 22:13 UTC>',
      {
        userName,
      },
    );
    assert.match(html, /<span class="bk-mention">@you<\/span>/);
    assert.match(html, /@U0NOBODY/);
    assert.match(html, /bk-broadcast">@here/);
    assert.match(html, /<time class="bk-date">14 Nov 2023 22:13 UTC<\/time>/);
  });

  it('decodes Slack entities exactly once', () => {
    assert.equal(
      renderMrkdwn('R&amp;D &lt;b&gt; &amp;lt;'),
      '<p class="bk-p">R&amp;D &lt;b&gt; &amp;lt;</p>',
    );
  });

  it('renders • and - lines as a list, keeps line breaks, and ``` blocks as preformatted', () => {
    assert.equal(
      renderMrkdwn('Try:\n• one\n- *two*\nend'),
      '<p class="bk-p">Try:</p><ul class="bk-list"><li>one</li><li><strong>two</strong></li></ul><p class="bk-p">end</p>',
    );
    assert.equal(renderMrkdwn('a\nb'), '<p class="bk-p">a<br>b</p>');
    assert.equal(renderMrkdwn('```\n*x* <y>\n```'), '<pre class="bk-pre">*x* &lt;y&gt;</pre>');
  });
});

describe('Block Kit to HTML', () => {
  it('shows a post title holding <script> as text', () => {
    const html = renderBlocks([
      { type: 'header', text: { type: 'plain_text', text: '<script>alert(1)</script>' } },
      section('*&lt;script&gt;alert(1)&lt;/script&gt;*'),
      { type: 'context', elements: [{ type: 'plain_text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
    assert.doesNotMatch(html, /<script|<img/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('renders header, context, divider, fields and buttons with their style and ids', () => {
    const html = renderBlocks([
      { type: 'header', text: { type: 'plain_text', text: 'Reading tip' } },
      {
        type: 'section',
        block_id: 'b1',
        text: { type: 'mrkdwn', text: '*Jepsen*' },
        fields: [
          { type: 'mrkdwn', text: '*Talk*' },
          { type: 'plain_text', text: 'QCon' },
        ],
        accessory: { type: 'button', action_id: 'tip_more', text: { type: 'plain_text', text: 'More' } },
      },
      { type: 'divider' },
      {
        type: 'actions',
        block_id: 'talk_answer_actions',
        elements: [
          { type: 'button', action_id: 'talk_share', text: { type: 'plain_text', text: 'Share in channel' } },
          {
            type: 'button',
            action_id: 'talk_more',
            style: 'primary',
            text: { type: 'plain_text', text: 'More results' },
          },
          { type: 'button', action_id: 'x', style: 'danger', text: { type: 'plain_text', text: 'Delete' } },
        ],
      },
    ]);
    assert.match(html, /<h3 class="bk-block bk-header">Reading tip<\/h3>/);
    assert.match(
      html,
      /<div class="bk-fields"><div class="bk-field"><p class="bk-p"><strong>Talk<\/strong><\/p><\/div><div class="bk-field">QCon<\/div><\/div>/,
    );
    assert.match(
      html,
      /<button type="button" class="bk-button" data-action-id="tip_more" data-block-id="b1">More<\/button>/,
    );
    assert.match(html, /<hr class="bk-block bk-divider">/);
    assert.match(
      html,
      /class="bk-button bk-button-primary" data-action-id="talk_more" data-block-id="talk_answer_actions">More results/,
    );
    assert.match(html, /class="bk-button bk-button-danger"/);
  });

  it('disables buttons where they cannot be delivered', () => {
    const html = renderBlocks(
      [
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Go' } }],
        },
      ],
      { interactive: false },
    );
    assert.match(html, /<button [^>]* disabled>Go<\/button>/);
  });

  it('shows context images and image blocks only from http(s) addresses', () => {
    const html = renderBlocks([
      {
        type: 'context',
        elements: [
          { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'a "logo"' },
          { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'bad' },
        ],
      },
    ]);
    assert.match(
      html,
      /<img class="bk-context-image" src="https:\/\/example.com\/a.png" alt="a &quot;logo&quot;"/,
    );
    assert.match(html, /\[image: bad\]/);
    assert.doesNotMatch(html, /javascript:/);
  });

  it('shows an unknown block or element as a visible placeholder, never a blank', () => {
    const html = renderBlocks([
      { type: 'video', title: { type: 'plain_text', text: 'x' } },
      { type: '<b>odd</b>' },
      'not a block',
      { type: 'actions', elements: [{ type: 'static_select' }] },
    ]);
    assert.match(html, /\[unsupported block: video\]/);
    assert.match(html, /\[unsupported block: &lt;b&gt;odd&lt;\/b&gt;\]/);
    assert.match(html, /\[unsupported block: \?\]/);
    assert.match(html, /\[unsupported element: static_select\]/);
    assert.match(renderBlocks('nope'), /unsupported block/);
  });

  it('renders a typed message’s rich_text with mentions, links and styles', () => {
    const html = renderBlocks(
      [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U0BOT' },
                { type: 'text', text: ' <b>hi</b> ', style: { bold: true } },
                { type: 'link', url: 'javascript:alert(1)', text: 'bad' },
                { type: 'emoji', name: 'tada', unicode: '1f389' },
              ],
            },
          ],
        },
      ],
      { userName },
    );
    assert.equal(
      html,
      '<div class="bk-block bk-rich-text"><p class="bk-p"><span class="bk-mention">@talkbot</span><strong> &lt;b&gt;hi&lt;/b&gt; </strong>bad🎉</p></div>',
    );
  });

  it('renders every message and view the bot sends without a placeholder', async () => {
    const library = new Library(await loadContent('test/fixtures/sites/talks'));
    const post = library.posts[0];
    const resource = library.resources[0];
    assert.ok(post && resource);
    const citation = resource.citations[0];
    assert.ok(citation);
    const messages = [
      renderAnswer(library.search('tag:testing', { limit: 5 }), { pageSize: 5, ephemeral: true }),
      renderAnswer(library.search('nothing-matches-this', { limit: 5 }), { pageSize: 5, ephemeral: true }),
      renderHelp(),
      renderTip({ resource, citation, at: new Date('2024-05-06T09:00:00Z') }),
      renderHome({ posts: library.posts, totalPosts: 3, totalResources: 9, problems: 1, nextTip: null }),
    ];
    for (const message of messages) {
      const html = renderBlocks(message.blocks, { userName });
      assert.doesNotMatch(html, /unsupported/);
      assert.doesNotMatch(html, /&amp;(amp|lt|gt);/, 'no entity is shown double-escaped');
    }
  });
});

describe('escaping helpers', () => {
  it('escapes the five HTML-significant characters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('accepts only absolute http(s) URLs', () => {
    assert.equal(safeHref('https://example.com/a b'), 'https://example.com/a%20b');
    assert.equal(safeHref('HTTP://Example.com'), 'http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      '//example.com',
      '/relative',
      'https://',
      'mailto:a@b.c',
      'http:/x',
    ]) {
      assert.equal(safeHref(bad), null, bad);
    }
  });
});
