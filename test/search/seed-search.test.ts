import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { Library } from '../../src/search/library.ts';
import type { Hit } from '../../src/search/types.ts';

const titleOf = (hit: Hit | undefined) =>
  hit === undefined ? undefined : hit.kind === 'post' ? hit.post.title : hit.resource.title;

describe('search over the seed post', async () => {
  const library = new Library(await loadContent('content'));

  it('"testing distributed" puts the QCon talk or one of its resources first', () => {
    const [first] = library.search('testing distributed').hits;
    assert.ok(first);
    const post = first.kind === 'post' ? first.post : first.resource.citations[0]?.post;
    assert.equal(post?.slug, 'qcon-how-did-i-get-here');
    assert.ok(
      library.search('testing distributed').hits.some((h) => h.kind === 'post'),
      'the talk itself is a hit',
    );
  });

  it('"jepsen" puts the Jepsen link first, under Kyle Kingsbury', () => {
    const [first] = library.search('jepsen').hits;
    assert.equal(first?.kind, 'resource');
    if (first?.kind !== 'resource') return;
    assert.equal(first.resource.url, 'https://aphyr.com/tags/Jepsen');
    assert.equal(first.resource.citations[0]?.section, 'Kyle Kingsbury');
  });

  const firstLinks: Array<[string, string]> = [
    ['ines sombra', 'Testing in a Distributed World'],
    ['lineage driven fault injection', 'Lineage-driven Fault Injection'],
    ['deterministic simulation', 'Testing Distributed Systems w/ Deterministic Simulation'],
    ['chaos engineering', 'Principles of Chaos Engineering'],
    ['Jepson', 'Jepsen'],
    ['jepsen?', 'Jepsen'],
    ['INÉS SOMBRA', 'Testing in a Distributed World'],
  ];
  for (const [query, title] of firstLinks) {
    it(`"${query}" puts "${title}" first`, () => {
      assert.equal(titleOf(library.search(query).hits[0]), title);
    });
  }

  for (const nonsense of ['xyzzy plugh', 'banana bread', 'qwertyuiop']) {
    it(`"${nonsense}" finds nothing rather than the least bad`, () => {
      assert.equal(library.search(nonsense).total, 0);
    });
  }
});
