import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';

describe('the seed post (content/posts/qcon-how-did-i-get-here.md)', async () => {
  const { posts, problems } = await loadContent('content');
  const post = posts[0];

  it('loads as one post with no problems', () => {
    assert.equal(posts.length, 1);
    assert.deepEqual(problems, []);
    assert.ok(post);
  });

  it('reads the TOML front matter', () => {
    assert.equal(post?.slug, 'qcon-how-did-i-get-here');
    assert.equal(post?.title, 'QCon: How Did I Get Here?');
    assert.equal(post?.author, 'Sean T. Allen');
    assert.equal(post?.section, 'posts');
    assert.equal(post?.date?.toISOString(), '2016-10-06T15:20:46.000Z');
    assert.deepEqual(post?.tags, [
      'talks',
      'testing',
      'distributed systems',
      'stream processing',
      'video',
      'slides',
    ]);
  });

  it('finds all 13 links, each under the heading above it', () => {
    assert.deepEqual(
      post?.links.map((l) => [l.section, l.title]),
      [
        [
          'Building Confidence in a Distributed Stream Processor',
          '"How Did I Get Here? Building Confidence in a Distributed Stream Processor"',
        ],
        ['Peter Alvaro', "Peter Alvaro's twitter"],
        ['Peter Alvaro', 'Lineage-driven Fault Injection'],
        ['Peter Alvaro', 'Outwards from the Middle of the Maze'],
        ['Kyle Kingsbury', "Kyle Kingsbury's twitter"],
        ['Kyle Kingsbury', 'Jepsen'],
        ['Will Wilson', 'Testing Distributed Systems w/ Deterministic Simulation'],
        ['Catie McCaffrey', "Catie McCaffrey's twitter"],
        [
          'Catie McCaffrey',
          "The Verification of a Distributed System: A practitioner's guide to increasing confidence in system correctness",
        ],
        ['Inés Sombra', 'Inés Sombra twitter'],
        ['Inés Sombra', 'Testing in a Distributed World'],
        ['Chaos Engineering', 'Principles of Chaos Engineering'],
        // After the closing `---` the slides link belongs to the talk itself, not to Chaos Engineering.
        [null, 'slides available on Speakerdeck'],
      ],
    );
  });

  it('keeps URLs exactly as written and gives each link its file line', () => {
    const jepsen = post?.links.find((l) => l.title === 'Jepsen');
    assert.equal(jepsen?.url, 'https://aphyr.com/tags/Jepsen');
    assert.equal(jepsen?.line, 29);
    const queue = post?.links.find((l) => l.url.includes('queue.acm.org'));
    assert.equal(queue?.url, 'http://queue.acm.org/detail.cfm?ref=rss&id=2889274');
  });

  it('labels each link by kind', () => {
    const kinds = Object.fromEntries(post?.links.map((l) => [l.title, l.kind]) ?? []);
    assert.equal(kinds["Peter Alvaro's twitter"], 'profile');
    assert.equal(kinds['Lineage-driven Fault Injection'], 'paper');
    assert.equal(kinds['Outwards from the Middle of the Maze'], 'video');
    assert.equal(kinds['slides available on Speakerdeck'], 'slides');
    assert.equal(kinds.Jepsen, 'article');
  });
});
