import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderAnswer } from '../../../src/slack/blocks/answer.ts';
import { decodeAnswerRef } from '../../../src/slack/blocks/answer-ref.ts';
import { LIMITS } from '../../../src/slack/blocks/limits.ts';
import type { Block, Button, Message } from '../../../src/slack/blocks/message.ts';
import { slackProblems } from '../../helpers/slack-rules.ts';
import {
  allText,
  firstCitation,
  generatedPost,
  jepsen,
  postHit,
  postWithLinks,
  resourceHit,
  result,
  SEED_HEADINGS,
  SEED_READING_HEADINGS,
  seedPost,
} from './fixtures.ts';

const asker = { pageSize: 5, ephemeral: true };

function buttons(message: Message): Button[] {
  return message.blocks.flatMap((block: Block) => {
    if (block.type === 'actions') return block.elements.filter((e): e is Button => e.type === 'button');
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory];
    return [];
  });
}

function buttonNamed(message: Message, actionId: string): Button | undefined {
  return buttons(message).find((b) => b.action_id === actionId);
}

describe('renderAnswer, the seed talk', () => {
  const seed = seedPost();
  const message = renderAnswer(result('testing distributed', [postHit(seed)]), asker);
  const shown = allText(message);

  it('is within every limit', () => {
    assert.deepEqual(slackProblems(message), []);
  });

  it('shows the title in bold, the description and the date, author and tags', () => {
    assert.ok(shown.includes('*QCon: How Did I Get Here?*'));
    assert.ok(shown.includes('Post with link my 2016 QCon New York talk'));
    assert.match(shown, /6 Oct 2016 · by Sean T\. Allen · 🏷 talks, testing, distributed systems/);
  });

  it('links the title to the post when it has a permalink', () => {
    const linked = renderAnswer(
      result('qcon', [postHit(seedPost({ url: 'https://example.com/posts/qcon/' }))]),
      asker,
    );
    assert.ok(allText(linked).includes('*<https://example.com/posts/qcon/|QCon: How Did I Get Here?>*'));
  });

  it('lists the six reading-list headings in content order', () => {
    let from = 0;
    for (const heading of SEED_READING_HEADINGS) {
      const at = shown.indexOf(`*${heading}*`, from);
      assert.ok(at > from, `${heading} after position ${from}`);
      from = at;
    }
  });

  it('groups every one of the 13 links, the slides under "The talk"', () => {
    assert.ok(
      shown.includes(
        `*${SEED_HEADINGS[0]}*  🎬 <https://www.infoq.com/presentations/trust-distributed-systems|`,
      ),
    );
    assert.match(
      shown,
      /\*The talk\* {2}📑 <https:\/\/speakerdeck\.com\/seantallen\/[^|]+\|slides available on Speakerdeck>/,
    );
    assert.equal((shown.match(/<https?:\/\//g) ?? []).length, 13);
    assert.ok(shown.includes('<http://queue.acm.org/detail.cfm?ref=rss&amp;id=2889274|'));
  });

  it('labels resources by kind', () => {
    assert.ok(shown.includes('👤 <https://twitter.com/aphyr|'));
    assert.ok(
      shown.includes('📄 <http://www.cs.berkeley.edu/~palvaro/molly.pdf|Lineage-driven Fault Injection>'),
    );
  });

  it('summarises in the fallback text', () => {
    assert.equal(message.text, '1 result for "testing distributed": QCon: How Did I Get Here?');
  });

  it('offers Share in channel to the asker, but no More results on the last page', () => {
    const share = buttonNamed(message, 'talk_share');
    assert.ok(share);
    assert.deepEqual(decodeAnswerRef(share.value), { query: 'testing distributed', offset: 0 });
    assert.equal(buttonNamed(message, 'talk_more'), undefined);
  });
});

describe('renderAnswer, a resource hit', () => {
  it('names the section and every citing post', () => {
    const message = renderAnswer(result('jepsen', [resourceHit(jepsen())]), asker);
    assert.deepEqual(slackProblems(message), []);
    const shown = allText(message);
    assert.ok(shown.includes('*📰 <https://aphyr.com/tags/Jepsen|Jepsen>*  _article_'));
    assert.ok(shown.includes('Kyle Kingsbury · from *QCon: How Did I Get Here?*'));
  });

  it('names several citing posts and says how many more', () => {
    const posts = [1, 2, 3, 4, 5].map((n) => generatedPost(n));
    const resource = {
      ...jepsen(),
      citations: [
        { ...firstCitation(jepsen()), post: seedPost(), section: 'Kyle Kingsbury' },
        ...posts.map((post) => ({ ...firstCitation(jepsen()), post, section: null })),
      ],
    };
    const shown = allText(renderAnswer(result('jepsen', [resourceHit(resource)]), asker));
    assert.match(
      shown,
      /from \*QCon: How Did I Get Here\?\*, \*<https:\/\/example\.com\/posts\/talk-1\/\|[^>]+>\*, \*<[^>]+>\* and 3 more/,
    );
  });
});

describe('renderAnswer, a link cited by thousands of posts', () => {
  it('names the first three citing posts and the first sections, and counts the rest', () => {
    const posts = Array.from({ length: 4000 }, (_, n) => generatedPost(n + 1));
    const resource = {
      ...jepsen(),
      citations: posts.map((post, n) => ({
        ...firstCitation(jepsen()),
        post,
        section: `Further reading ${n % 7}`,
      })),
    };
    const message = renderAnswer(result('jepsen', [resourceHit(resource), postHit(seedPost())]), asker);
    assert.deepEqual(slackProblems(message), []);
    const shown = allText(message);
    assert.ok(shown.includes('Further reading 0, Further reading 1, Further reading 2 · from'), shown);
    assert.ok(!shown.includes('Further reading 3'));
    assert.match(
      shown,
      /from \*<https:\/\/example\.com\/posts\/talk-1\/\|[^>]+>\*, \*<[^>]+>\*, \*<[^>]+>\* and 3997 more/,
    );
  });
});

describe('renderAnswer, paging and sharing', () => {
  const hits = [postHit(seedPost()), resourceHit(jepsen()), postHit(generatedPost(1))];

  it('offers More results with the next offset when more hits exist', () => {
    const message = renderAnswer(result('testing', hits, { total: 12, offset: 3 }), asker);
    assert.deepEqual(slackProblems(message), []);
    assert.deepEqual(decodeAnswerRef(buttonNamed(message, 'talk_more')?.value), {
      query: 'testing',
      offset: 6,
    });
    assert.deepEqual(decodeAnswerRef(buttonNamed(message, 'talk_share')?.value), {
      query: 'testing',
      offset: 3,
    });
    const shown = allText(message);
    assert.ok(shown.includes('results 4–6 of 12'));
    assert.ok(shown.includes('6 more – use *More results*'));
    assert.ok(message.text.endsWith(', …'));
  });

  it('shows at most pageSize hits', () => {
    const message = renderAnswer(result('testing', hits), { pageSize: 2, ephemeral: false });
    assert.equal(message.blocks.filter((b) => b.type === 'divider').length, 3);
    assert.deepEqual(decodeAnswerRef(buttonNamed(message, 'talk_more')?.value), {
      query: 'testing',
      offset: 2,
    });
  });

  it('has no Share button once shared, and says who shared it', () => {
    const message = renderAnswer(result('jepsen', [resourceHit(jepsen())]), {
      pageSize: 5,
      ephemeral: false,
      sharedBy: 'U024BE7LH',
    });
    assert.equal(buttonNamed(message, 'talk_share'), undefined);
    assert.equal(
      message.blocks.some((b) => b.type === 'actions'),
      false,
    );
    assert.match(allText(message), /^Shared by <@U024BE7LH> · /m);
  });

  it('omits a shared-by id that is not a Slack user id', () => {
    for (const sharedBy of ['<!channel>', 'U1>', 'here', '']) {
      const message = renderAnswer(result('jepsen', [resourceHit(jepsen())]), { ...asker, sharedBy });
      assert.ok(!allText(message).includes('Shared by'), sharedBy);
      assert.deepEqual(slackProblems(message), []);
    }
  });

  it('shows fewer hits than the page when Slack would refuse more, and pages on from the last one shown', () => {
    const big = Array.from({ length: 10 }, (_, i) =>
      postHit(postWithLinks(15, { id: `/posts/big-${i}/`, slug: `big-${i}`, title: `Big ${i}` })),
    );
    const message = renderAnswer(result('big', big, { total: 10 }), { pageSize: 10, ephemeral: true });
    assert.deepEqual(slackProblems(message), []);
    const shown = message.blocks.filter((b) => b.type === 'divider').length - 1;
    assert.ok(shown >= 1 && shown < 10, `${shown} shown`);
    assert.deepEqual(decodeAnswerRef(buttonNamed(message, 'talk_more')?.value), {
      query: 'big',
      offset: shown,
    });
    assert.ok(allText(message).includes(`${10 - shown} more – use *More results*`));
  });
});

describe('renderAnswer, hostile input', () => {
  const attacks = '<!channel> <!here> <@U123> <https://evil.example|click> @here @channel @everyone & *_~`|';

  it('echoes the query as harmless text', () => {
    for (const hits of [[resourceHit(jepsen())], []]) {
      const message = renderAnswer(result(attacks, hits, { total: hits.length }), asker);
      assert.deepEqual(slackProblems(message), []);
      const json = JSON.stringify(message);
      for (const live of [
        '<!channel>',
        '<!here>',
        '<@U123>',
        '<https://evil.example',
        '@here',
        '@channel',
        '@everyone',
      ]) {
        assert.ok(!json.includes(live), `${live} in ${json}`);
      }
      assert.ok(allText(message).includes('&lt;!channel&gt;'));
    }
  });

  it('keeps hostile titles, labels and URLs from breaking out', () => {
    const post = seedPost({
      title: 'Title <!channel> | *bold*',
      description: 'Desc <https://evil.example|click> @here',
      author: '<@U999>',
      tags: ['<!here>'],
      links: [
        {
          title: 'a|b>c <!channel>',
          label: 'a|b>c <!channel>',
          context: 'a|b>c <!channel> <@U1> *x*',
          titleAttribute: null,
          url: 'https://ok.example/x',
          section: 'S <!here>',
          kind: 'paper',
          line: 1,
        },
        {
          title: 'js',
          label: 'js',
          context: '',
          titleAttribute: null,
          url: 'javascript:alert(1)',
          section: null,
          kind: 'other',
          line: 2,
        },
        {
          title: 'spaces',
          label: 'spaces',
          context: '',
          titleAttribute: null,
          url: 'https://ok.example/a b|c>',
          section: null,
          kind: 'other',
          line: 3,
        },
      ],
    });
    const message = renderAnswer(result('x', [postHit(post)]), asker);
    assert.deepEqual(slackProblems(message), []);
    const json = JSON.stringify(message);
    for (const live of [
      '<!channel>',
      '<!here>',
      '<@U999>',
      '<https://evil.example',
      'javascript:alert(1)|',
      '@here',
    ]) {
      assert.ok(!json.includes(live), `${live} in ${json}`);
    }
    const shown = allText(message);
    assert.ok(shown.includes('<https://ok.example/x|a∣b&gt;c &lt;!channel&gt;>'));
    assert.ok(shown.includes('🔗 js'));
    assert.ok(shown.includes('<https://ok.example/a%20b%7Cc%3E|spaces>'));
  });
});

describe('renderAnswer, no results', () => {
  it('says so, echoes the query and offers suggestions and a hint', () => {
    const message = renderAnswer(result('jepsn <b>', []), { ...asker, suggestions: ['jepsen', 'testing'] });
    assert.deepEqual(slackProblems(message), []);
    const shown = allText(message);
    assert.ok(shown.includes('I found nothing for “jepsn &lt;b&gt;”.'));
    assert.ok(shown.includes('Did you mean one of these?'));
    assert.ok(shown.includes('`/talk tag:testing`'));
    // Each suggestion is a button that runs it as a query.
    const offered = buttons(message);
    assert.deepEqual(
      offered.map((b) => [b.text.text, b.action_id, decodeAnswerRef(b.value)]),
      [
        ['jepsen', 'talk_suggestion_0', { query: 'jepsen', offset: 0 }],
        ['testing', 'talk_suggestion_1', { query: 'testing', offset: 0 }],
      ],
    );
    assert.equal(message.text, 'No results for "jepsn &lt;b&gt;". Did you mean: jepsen / testing');
  });

  it('never doubles a question mark: a title ending in one is a button of its own', () => {
    const message = renderAnswer(result('hj', []), { ...asker, suggestions: ['QCon: How Did I Get Here?'] });
    assert.deepEqual(slackProblems(message), []);
    assert.ok(!allText(message).includes('??'));
    assert.equal(buttons(message)[0]?.text.text, 'QCon: How Did I Get Here?');
  });

  it('leaves out suggestions when there are none', () => {
    const message = renderAnswer(result('zzz', []), asker);
    assert.ok(!allText(message).includes('Did you mean'));
  });

  it('says so when the page is past the last hit', () => {
    const message = renderAnswer(result('jepsen', [], { total: 3, offset: 5 }), asker);
    assert.deepEqual(slackProblems(message), []);
    assert.match(allText(message), /all: every one of the 3 results/);
  });
});

describe('renderAnswer, a post with 300 links', () => {
  const message = renderAnswer(result('big', [postHit(postWithLinks(300))]), asker);

  it('stays within every limit', () => {
    assert.deepEqual(slackProblems(message), []);
    assert.ok(message.blocks.length <= LIMITS.messageBlocks);
  });

  it('shows the first links, says how many more, and offers More from this talk', () => {
    assert.ok(allText(message).includes('and 285 more links: use *More from this talk*'));
    const more = buttonNamed(message, 'tip_more');
    assert.equal(more?.value, '/posts/talk-999/', "the post's identity, its path on the site");
  });
});

describe('renderAnswer, a resource found through its context', () => {
  const immich = {
    ...jepsen(),
    title: 'Immich',
    url: 'https://immich.app/',
    kind: 'other' as const,
  };
  const context =
    'Immich — Self-hosted photo library <b>&</b> the closest thing to *Google Photos* I have found. '.repeat(
      5,
    );
  const hit = { kind: 'resource' as const, resource: immich, score: 0.5, context };

  it('shows the context under the link, the matched words in bold, escaped and cut', () => {
    const message = renderAnswer(result('google photos', [hit]), asker);
    assert.deepEqual(slackProblems(message), []);
    const shown = allText(message);
    assert.ok(shown.includes('*Google* *Photos*'), shown);
    assert.ok(shown.includes('&lt;b&gt;&amp;&lt;/b&gt;'), shown);
    assert.ok(!shown.includes('<b>'));
    const line = shown.split('\n').find((l) => l.includes('Self-hosted')) ?? '';
    assert.ok(line.length < 400 && line.endsWith('…'), line);
    assert.ok(message.text?.includes('Immich'));
  });

  it('shows no context line when there is none', () => {
    const shown = allText(renderAnswer(result('immich', [{ ...hit, context: null }]), asker));
    assert.ok(!shown.includes('Self-hosted'));
  });
});
