import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Link, Post, ResourceKind } from '../../../src/content/types.ts';
import type { Hit, Resource, SearchResult } from '../../../src/search/types.ts';
import { renderAnswer } from '../../../src/slack/blocks/answer.ts';
import { decodeAnswerRef, encodeAnswerRef } from '../../../src/slack/blocks/answer-ref.ts';
import { renderError } from '../../../src/slack/blocks/error.ts';
import { renderHome } from '../../../src/slack/blocks/home.ts';
import { fitMessage, LIMITS } from '../../../src/slack/blocks/limits.ts';
import type { Block, HomeView, Message } from '../../../src/slack/blocks/message.ts';
import { renderPostResources } from '../../../src/slack/blocks/post-resources.ts';
import { renderTags } from '../../../src/slack/blocks/tags.ts';
import { renderTip } from '../../../src/slack/blocks/tip.ts';
import { truncateMrkdwn, truncatePlain } from '../../../src/slack/blocks/truncate.ts';
import { slackProblems } from '../../helpers/slack-rules.ts';
import { allText, isWellFormed } from './fixtures.ts';

// Text from content and queries may carry anything; a link to this host in text must never come out live.
const INJECTED_LINK = '<https://evil.example/|click>';
const specials = [
  '<',
  '>',
  '&',
  '|',
  '*',
  '_',
  '~',
  '`',
  '\n',
  ' ',
  '&amp;',
  '&lt;',
  '@here',
  '@Channel',
  '@everyone',
  '<!channel>',
  '<!here>',
  '<@U123ABC>',
  '<#C123>',
  INJECTED_LINK,
  '<!date^1^{date}|x>',
  '😀',
  '\ud800',
  'é',
];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...specials) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const shortText = fc.string({ unit: piece, maxLength: 12 });
const anyText = fc.oneof(
  { weight: 6, arbitrary: shortText },
  { weight: 1, arbitrary: fc.string({ unit: piece, minLength: 500, maxLength: 2_500 }) },
);
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    'https://ok.example/a b|c>d<e',
    'http://q.example/?a=1&b=2',
    `https://ok.example/${'x'.repeat(2_500)}`,
    'data:text/html,<b>',
    '',
  ),
  anyText,
);
const kind = fc.constantFrom<ResourceKind>('video', 'slides', 'paper', 'profile', 'article', 'other');
const link: fc.Arbitrary<Link> = fc.record({
  title: anyText,
  label: anyText,
  context: anyText,
  titleAttribute: fc.option(shortText),
  url,
  section: fc.option(shortText),
  kind,
  line: fc.nat(),
});
const post: fc.Arbitrary<Post> = fc.record({
  id: fc.oneof(fc.stringMatching(/^\/[a-z0-9-]{1,40}\/[a-z0-9-]{1,40}\/$/), anyText),
  slug: fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,40}$/), anyText),
  title: anyText,
  description: anyText,
  date: fc.option(fc.date()),
  tags: fc.array(shortText, { maxLength: 12 }),
  author: fc.option(anyText),
  section: fc.constant('posts'),
  language: fc.constant('en'),
  path: fc.constant('posts/x.md'),
  url: fc.option(url),
  aliases: fc.constant([]),
  pageLinks: fc.constant([]),
  headings: fc.constant([]),
  body: fc.constant(''),
  links: fc.oneof(
    { weight: 4, arbitrary: fc.array(link, { maxLength: 20 }) },
    { weight: 1, arbitrary: fc.array(link, { minLength: 100, maxLength: 300 }) },
  ),
  draft: fc.constant(false),
});
// A citing post's links are never shown under a resource, so citations carry light posts to keep generation fast.
const citingPost: fc.Arbitrary<Post> = fc
  .record({
    slug: shortText,
    title: anyText,
    url: fc.option(url),
  })
  .map(({ slug, title, url }) => ({
    id: `/posts/${slug}/`,
    slug,
    title,
    url,
    description: '',
    date: null,
    tags: [],
    author: null,
    section: 'posts',
    language: 'en',
    path: 'posts/x.md',
    aliases: [],
    headings: [],
    body: '',
    links: [],
    pageLinks: [],
    draft: false,
  }));
const resource: fc.Arbitrary<Resource> = fc.record({
  key: shortText,
  title: anyText,
  url,
  kind,
  citations: fc.array(
    fc
      .record({ post: citingPost, section: fc.option(shortText), link })
      .map((c) => ({ ...c, links: [c.link] })),
    {
      minLength: 1,
      maxLength: 5,
    },
  ),
});
const hit: fc.Arbitrary<Hit> = fc.oneof(
  post.map((p) => ({ kind: 'post' as const, post: p, score: 0.1 })),
  fc
    .tuple(resource, fc.option(anyText))
    .map(([r, context]) => ({ kind: 'resource' as const, resource: r, score: 0.1, context })),
);
const searchResult: fc.Arbitrary<SearchResult> = fc
  .record({
    raw: anyText,
    hits: fc.array(hit, { maxLength: 8 }),
    extra: fc.nat({ max: 50 }),
    offset: fc.nat({ max: 1_000 }),
  })
  .map(({ raw, hits, extra, offset }) => ({
    query: { raw, words: [], tags: [], phrases: [] },
    hits,
    total: hits.length === 0 ? extra : offset + hits.length + extra,
    offset,
  }));
const options = fc.record({
  pageSize: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constantFrom(0, -3, Number.NaN, 2.5)),
  ephemeral: fc.boolean(),
  sharedBy: fc.option(fc.oneof(fc.constantFrom('U024BE7LH', 'W0ABCDEF1'), shortText), { nil: undefined }),
  suggestions: fc.option(fc.array(anyText, { maxLength: 6 }), { nil: undefined }),
});

function assertSendable(message: Message | HomeView): void {
  assert.deepEqual(slackProblems(message), []);
  if (!('type' in message)) assert.ok(message.text.trim().length > 0);
  // Button values are data handed back to the app, never shown, so only what people see is searched.
  assert.ok(!allText(message).includes('<https://evil.example'), 'a link from text came out live');
}

describe('every renderer, on any input', () => {
  it('renderAnswer stays within every limit and keeps text inert', () => {
    fc.assert(
      fc.property(searchResult, options, (result, opts) => {
        const message = renderAnswer(result, opts);
        assertSendable(message);
        assert.ok(!allText(message).includes('<!channel>'));
      }),
      { numRuns: 150 },
    );
  });

  it('renderTip stays within every limit', () => {
    fc.assert(
      fc.property(resource, fc.date(), (r, at) => {
        const citation = r.citations[0];
        if (citation === undefined) return;
        assertSendable(renderTip({ resource: r, citation, at }));
      }),
      { numRuns: 100 },
    );
  });

  it('renderPostResources stays within every limit', () => {
    fc.assert(
      fc.property(post, (p) => assertSendable(renderPostResources(p))),
      { numRuns: 60 },
    );
  });

  it('renderHome stays within every limit', () => {
    fc.assert(
      fc.property(
        fc.array(post, { maxLength: 14 }),
        fc.nat(),
        fc.nat(),
        fc.option(fc.nat()),
        fc.option(fc.record({ resource, at: fc.date() })),
        (posts, totalPosts, totalResources, problems, nextTip) => {
          const view = renderHome({
            posts,
            totalPosts,
            totalResources,
            problems: problems ?? undefined,
            nextTip,
          });
          assertSendable(view);
          assert.ok(view.blocks.length <= LIMITS.viewBlocks);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('renderTags stays within every limit, whatever the tags', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tag: anyText, posts: fc.integer({ min: 1, max: 10_000 }) }), { maxLength: 400 }),
        (tags) => {
          const message = renderTags(tags);
          assertSendable(message);
          assert.ok(!allText(message).includes('<!channel>'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renderError stays within every limit', () => {
    fc.assert(
      fc.property(anyText, (text) => assertSendable(renderError(text))),
      { numRuns: 100 },
    );
  });
});

describe('limits, on any input', () => {
  const mrkdwnBlock: fc.Arbitrary<Block> = fc.oneof(
    anyText.map((t): Block => ({ type: 'section', text: { type: 'mrkdwn', text: t } })),
    fc.array(anyText, { maxLength: 14 }).map(
      (ts): Block => ({
        type: 'context',
        elements: ts.map((t) => ({ type: 'mrkdwn' as const, text: t })),
      }),
    ),
    anyText.map((t): Block => ({ type: 'header', text: { type: 'plain_text', text: t } })),
    fc.constant<Block>({ type: 'divider' }),
  );

  it('fitMessage makes any message of known blocks sendable', () => {
    fc.assert(
      fc.property(anyText, fc.array(mrkdwnBlock, { maxLength: 120 }), (text, blocks) => {
        const message = fitMessage({ text, blocks });
        assert.deepEqual(slackProblems(message), []);
        assert.ok(message.text.trim().length > 0);
      }),
      { numRuns: 100 },
    );
  });

  it('truncation never exceeds the limit nor splits a code point', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 3_000 }), (text, max) => {
        for (const cut of [truncatePlain(text, max), truncateMrkdwn(text, max)]) {
          assert.ok(cut.length <= max);
          if (isWellFormed(text)) assert.ok(isWellFormed(cut));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('answer refs round-trip whenever the query fits, and stay within a button value', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (query, offset) => {
        const value = encodeAnswerRef({ query, offset });
        assert.ok(value.length <= LIMITS.buttonValue);
        const ref = decodeAnswerRef(value);
        assert.ok(ref !== null);
        assert.equal(ref.offset, offset);
        assert.ok(query.startsWith(ref.query));
      }),
      { numRuns: 200 },
    );
  });

  it('decodeAnswerRef never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (value) => {
        decodeAnswerRef(value);
      }),
      { numRuns: 200 },
    );
  });
});
