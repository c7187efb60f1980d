import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePostPage } from '../../../src/slack/blocks/answer-ref.ts';
import { renderError } from '../../../src/slack/blocks/error.ts';
import { renderHelp } from '../../../src/slack/blocks/help.ts';
import { renderHome } from '../../../src/slack/blocks/home.ts';
import { KIND_LABELS, kindLabel } from '../../../src/slack/blocks/kind-label.ts';
import { LIMITS } from '../../../src/slack/blocks/limits.ts';
import type { Block, Button, Message } from '../../../src/slack/blocks/message.ts';
import { renderPostResources } from '../../../src/slack/blocks/post-resources.ts';
import { renderTip } from '../../../src/slack/blocks/tip.ts';
import { slackProblems } from '../../helpers/slack-rules.ts';
import {
  allText,
  firstCitation,
  generatedPost,
  jepsen,
  postWithLinks,
  resourceOf,
  SEED_HEADINGS,
  seedPost,
} from './fixtures.ts';

function buttons(message: Message): Button[] {
  return message.blocks.flatMap((block: Block) =>
    block.type === 'actions' ? block.elements.filter((e): e is Button => e.type === 'button') : [],
  );
}

describe('kindLabel', () => {
  it('labels every kind with an emoji and a word', () => {
    assert.deepEqual(kindLabel('video'), { emoji: '🎬', word: 'video' });
    assert.deepEqual(kindLabel('paper'), { emoji: '📄', word: 'paper' });
    for (const label of Object.values(KIND_LABELS)) assert.ok(label.emoji !== '' && label.word !== '');
  });

  it('reads an unknown kind as a plain link', () => {
    assert.deepEqual(kindLabel('podcast' as never), KIND_LABELS.other);
  });
});

describe('renderHelp', () => {
  it('shows one example of each way to ask', () => {
    const message = renderHelp();
    assert.deepEqual(slackProblems(message), []);
    const shown = allText(message);
    for (const example of [
      '/talk testing distributed',
      '/talk tag:testing',
      '/talk jepsen',
      '@talkbot jepsen?',
      '/talk tip',
    ]) {
      assert.ok(shown.includes(`\`${example}\``), example);
    }
  });
});

describe('renderError', () => {
  it('shows the message escaped', () => {
    const message = renderError('channel_not_found <!channel>');
    assert.deepEqual(slackProblems(message), []);
    assert.ok(allText(message).includes('⚠️ channel_not_found &lt;!channel&gt;'));
    assert.ok(!JSON.stringify(message).includes('<!channel>'));
  });

  it('copes with a blank or huge message', () => {
    assert.deepEqual(slackProblems(renderError('')), []);
    assert.deepEqual(slackProblems(renderError('x'.repeat(50_000))), []);
  });
});

describe('renderTip', () => {
  const post = seedPost({ url: 'https://example.com/posts/qcon/' });
  const at = new Date('2024-05-06T09:00:00Z');

  it('shows the resource, its section and talk, and More from this talk', () => {
    const message = renderTip({ resource: jepsen(post), citation: firstCitation(jepsen(post)), at });
    assert.deepEqual(slackProblems(message), []);
    assert.deepEqual(message.blocks[0], {
      type: 'header',
      text: { type: 'plain_text', text: '📚 Reading tip', emoji: true },
    });
    const shown = allText(message);
    assert.ok(shown.includes('*📰 <https://aphyr.com/tags/Jepsen|Jepsen>*  _article_'));
    assert.ok(
      shown.includes(
        'From *Kyle Kingsbury* in *<https://example.com/posts/qcon/|QCon: How Did I Get Here?>*',
      ),
    );
    assert.ok(
      shown.includes('<!date^1714986000^{date_short_pretty} at {time}|6 May 2024 09:00 UTC>'),
      'the tip says its time',
    );
    const last = message.blocks.at(-1);
    assert.ok(last?.type === 'actions');
    assert.deepEqual(last.elements[0], {
      type: 'button',
      text: { type: 'plain_text', text: 'More from this talk', emoji: true },
      action_id: 'tip_more',
      value: '/posts/qcon-how-did-i-get-here/',
    });
    assert.equal(message.text, 'Reading tip: Jepsen (article) from QCon: How Did I Get Here?');
  });

  it('names only the talk when the link sits outside any heading', () => {
    const seed = seedPost();
    const slides = resourceOf(seed, 12);
    const message = renderTip({
      resource: slides,
      citation: { ...firstCitation(slides), section: null },
      at,
    });
    assert.match(allText(message), /^From \*QCon: How Did I Get Here\?\* · /m);
  });
});

describe('renderPostResources', () => {
  it('lists all 13 seed links under their headings, in order', () => {
    const message = renderPostResources(seedPost());
    assert.deepEqual(slackProblems(message), []);
    const shown = allText(message);
    let from = 0;
    for (const heading of [...SEED_HEADINGS, 'The talk']) {
      const at = shown.indexOf(`*${heading}*\n`, from);
      assert.ok(at >= from, heading);
      from = at;
    }
    assert.equal((shown.match(/<https?:\/\//g) ?? []).length, 13);
    assert.ok(shown.includes('13 resources · 6 Oct 2016'));
    assert.equal(message.text, '13 resources from QCon: How Did I Get Here?');
  });

  it('pages a post with 300 links within every limit, so that every link can be seen', () => {
    const post = postWithLinks(300);
    const seen: string[] = [];
    let message = renderPostResources(post);
    for (let pages = 0; pages < 50; pages += 1) {
      assert.deepEqual(slackProblems(message), []);
      assert.ok(message.blocks.length <= LIMITS.messageBlocks);
      const shown = allText(message);
      const listed = shown.match(/<https:\/\/example\.com\/resources\/[^|]+/g) ?? [];
      assert.ok(listed.length > 10, `${listed.length} listed`);
      assert.match(shown, new RegExp(`resources ${seen.length + 1}–${seen.length + listed.length} of 300`));
      seen.push(...listed);
      const next = buttons(message).find((b) => b.text.text.startsWith('Next links'));
      if (!next) break;
      assert.equal(next.text.text, `Next links (${300 - seen.length} more)`);
      const ref = decodePostPage(next.value);
      assert.deepEqual(ref, { post: post.id, offset: seen.length });
      message = renderPostResources(post, ref?.offset);
      assert.ok(buttons(message).some((b) => b.text.text === 'Previous links'));
    }
    // Every link once, in order (the URLs escaped for mrkdwn, so compared by their ids).
    const ids = (urls: readonly string[]) => urls.map((url) => /id=(\d+)/.exec(url)?.[1]);
    assert.deepEqual(ids(seen), ids(post.links.map((link) => link.url)));
    assert.equal(seen.length, 300);
  });

  it('says when a talk lists nothing', () => {
    const message = renderPostResources(generatedPost(1, { links: [] }));
    assert.deepEqual(slackProblems(message), []);
    assert.ok(allText(message).includes('This talk lists no resources.'));
  });
});

describe('renderHome', () => {
  const posts = Array.from({ length: 14 }, (_, i) => generatedPost(i + 1));

  it('shows how to ask, the latest ten posts and the next tip with the post it comes from', () => {
    const at = new Date('2024-05-06T09:00:00Z');
    const view = renderHome({
      posts,
      totalPosts: 14,
      totalResources: 28,
      nextTip: { resource: jepsen(), at },
    });
    assert.equal(view.type, 'home');
    assert.deepEqual(slackProblems(view), []);
    const shown = allText(view);
    assert.ok(shown.includes('`/talk jepsen`'));
    assert.ok(shown.includes('14 posts · 28 resources'));
    assert.ok(shown.includes('Talk 10: Testing Things at Scale'));
    assert.ok(!shown.includes('Talk 11: Testing Things at Scale'));
    assert.ok(
      shown.includes(
        '*Next reading tip* · <!date^1714986000^{date_short_pretty} at {time}|6 May 2024 09:00 UTC>',
      ),
    );
    assert.ok(shown.includes('📰 <https://aphyr.com/tags/Jepsen|Jepsen> · from *QCon: How Did I Get Here?*'));
    assert.ok(!shown.includes('problem'));
  });

  it('says when tips are off and when content has problems', () => {
    const view = renderHome({ posts: [], totalPosts: 0, totalResources: 0, problems: 2, nextTip: null });
    assert.deepEqual(slackProblems(view), []);
    const shown = allText(view);
    assert.ok(shown.includes('Reading tips are off.'));
    assert.ok(shown.includes('2 content problems'));
    assert.ok(shown.includes('No posts yet'));
  });

  it('says loudly that an empty content folder answers nothing, and what to do', () => {
    const view = renderHome({ posts: [], totalPosts: 0, totalResources: 0, nextTip: null });
    assert.deepEqual(slackProblems(view), []);
    const shown = allText(view);
    assert.ok(shown.includes('0 posts · 0 resources'));
    assert.match(
      shown,
      /No posts yet\*: the content folder holds no posts, so every answer is "I found nothing"/,
    );
    assert.match(shown, /`CONTENT_DIR`/);
  });

  it("names the blog from its configuration's title, escaped for mrkdwn", () => {
    const named = allText(
      renderHome({ posts: [], totalPosts: 0, totalResources: 0, siteTitle: 'Talks <&> Notes' }),
    );
    assert.ok(named.includes('I find conference talks from *Talks &lt;&amp;&gt; Notes*'), named);
    const unnamed = allText(renderHome({ posts: [], totalPosts: 0, totalResources: 0, siteTitle: null }));
    assert.ok(unnamed.includes('I find conference talks from the blog'));
  });
});
