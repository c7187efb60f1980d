import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { Library } from '../../src/search/library.ts';
import { QueryError } from '../../src/search/query.ts';
import type { Hit } from '../../src/search/types.ts';

const titleOf = (hit: Hit) => (hit.kind === 'post' ? hit.post.title : hit.resource.title);
const titles = (hits: readonly Hit[]) => hits.map(titleOf);

describe('ranking over a site of 29 published talks and a draft', async () => {
  const library = new Library(
    await loadContent('test/fixtures/sites/talks', { now: new Date('2026-01-01T00:00:00Z') }),
  );

  it('loads every published talk and merges links cited by several posts into one resource', () => {
    assert.equal(library.posts.length, 29);
    const jepsenVideo = library.resources.filter(
      (r) => r.url === 'https://www.youtube.com/watch?v=4fFDFbi3toc',
    );
    assert.equal(jepsenVideo.length, 1);
    assert.deepEqual(jepsenVideo[0]?.citations.map((c) => c.post.slug).sort(), [
      'deterministic-simulation-foundationdb',
      'qcon-how-did-i-get-here',
    ]);
  });

  const firsts: Array<[string, string]> = [
    ['testing distributed', 'Testing in a Distributed World'],
    ['jepsen', 'Call Me Maybe: Jepsen and Partition Tolerance'],
    ['Jepson', 'Call Me Maybe: Jepsen and Partition Tolerance'],
    ['kafka', 'Exactly-Once Semantics in Apache Kafka'],
    ['databse', "Spanner: Google's Globally Distributed Database"],
    ['leonie watson', "Léonie Watson's blog"],
    ['how to measure latency', 'How NOT to Measure Latency'],
    ['event sorcing', 'Event Sourcing'],
    ['rust', 'Ownership and Borrowing in Rust'],
    ['consensus', 'Raft: Understandable Distributed Consensus'],
    ['go garbage collector', "Getting to Go: The Journey of Go's Garbage Collector"],
    ['chaos engineering', 'Principles of Chaos Engineering'],
  ];
  for (const [query, title] of firsts) {
    it(`"${query}" ranks "${title}" first`, () => {
      assert.equal(titleOf(library.search(query).hits[0] as Hit), title);
    });
  }

  it('matches a multi-word query word by word, wherever the words stand', () => {
    const found = titles(library.search('testing distributed').hits);
    for (const title of [
      'Testing Distributed Systems with Deterministic Simulation',
      'QCon: How Did I Get Here?',
    ]) {
      assert.ok(found.includes(title), `${title} in ${found.join(', ')}`);
    }
    assert.ok(!found.includes('CSS Grid Layout from Scratch'));
  });

  it('does not let a close word stand in for a word that is there ("rust" is not "trust")', () => {
    assert.deepEqual(titles(library.search('rust').hits), ['Ownership and Borrowing in Rust']);
  });

  it('filters by tag: every hit comes from a post with that tag', () => {
    const result = library.search('tag:testing');
    assert.equal(result.total, 8);
    for (const hit of result.hits) {
      assert.equal(hit.kind, 'post');
      if (hit.kind === 'post') assert.ok(hit.post.tags.includes('testing'));
    }
  });

  it('combines a tag filter with words, and folds case, accents and spaces in tag names', () => {
    assert.equal(
      titleOf(library.search('tag:testing jepsen').hits[0] as Hit),
      'Call Me Maybe: Jepsen and Partition Tolerance',
    );
    assert.equal(library.search('tag:"Distributed Systems" kafka').total, 0);
    assert.ok(library.search('tag:distributed-systems raft').total > 0);
  });

  it('never shows drafts', () => {
    assert.equal(library.search('unreleased talk notes').total, 0);
  });

  it('returns nothing for nonsense', () => {
    for (const query of ['xyzzy plugh', 'banana bread', 'zzzz'])
      assert.equal(library.search(query).total, 0, query);
  });

  it('pages through results with offset and limit', () => {
    const all = library.search('tag:testing', { limit: 100 });
    const second = library.search('tag:testing', { offset: 3, limit: 3 });
    assert.equal(second.total, all.total);
    assert.deepEqual(titles(second.hits), titles(all.hits.slice(3, 6)));
  });

  it('rejects an over-long query with a clear message', () => {
    assert.throws(
      () => library.search('a'.repeat(201)),
      (e: unknown) => e instanceof QueryError && /the limit is 200/.test(e.message),
    );
  });

  it('suggests close tags and titles when nothing matches', () => {
    assert.equal(library.search('tag:testng').total, 0);
    assert.ok(library.suggest('tag:testng').includes('tag:testing'));
  });
});
