import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Post } from '../../src/content/types.ts';
import { bestDocs } from '../../src/search/best-matches.ts';
import { field } from '../../src/search/fields.ts';
import type { PostSearchRecord } from '../../src/search/records.ts';
import { scorerView } from '../../src/search/scorer-view.ts';

function postRecord(overrides: Partial<PostSearchRecord> = {}): PostSearchRecord {
  return {
    kind: 'post',
    id: 0,
    target: {} as Post,
    title: 'Testing Distributed Systems at Scale',
    section: '',
    description: 'How Wallaroo was tested with Jepsen-style fault injection',
    tags: 'Testing · Distributed Systems · Pony',
    citedTags: '',
    headings: 'Kyle Kingsbury · Peter Alvaro · Inés Sombra',
    postTitles: '',
    context: '',
    ...overrides,
  };
}

const bits = (...names: Array<keyof typeof field>) =>
  names.reduce((mask, name) => mask | (1 << field[name]), 0);

describe('scorerView: what fuse.js is given of a candidate', () => {
  it('keeps only the fields the index found a query word in, folded', () => {
    const view = scorerView(postRecord(), bits('title'), ['testing'], false);
    assert.equal(view.title, 'testing distributed systems at scale');
    assert.equal(view.description, '');
    assert.equal(view.tags, '');
    assert.equal(view.headings, '');
  });

  it('keeps of a list field only the parts holding a word, accents folded', () => {
    const view = scorerView(postRecord(), bits('headings', 'tags'), ['sombra', 'distributed'], false);
    assert.equal(view.headings, 'ines sombra');
    assert.equal(view.tags, 'distributed systems');
  });

  it('finds a word by its head in other forms ("simulations" in "simulation")', () => {
    const view = scorerView(postRecord({ tags: 'Simulation · Pony' }), bits('tags'), ['simulations'], false);
    assert.equal(view.tags, 'simulation');
  });

  it('keeps a list field whole when the words were matched with typos forgiven', () => {
    const view = scorerView(postRecord(), bits('headings'), ['kingsbery'], true);
    assert.equal(view.headings, 'kyle kingsbury · peter alvaro · ines sombra');
  });

  it('keeps a list field whole when no part holds a word as typed (a stem the letters do not show)', () => {
    const view = scorerView(postRecord(), bits('headings'), ['xyz'], false);
    assert.equal(view.headings, 'kyle kingsbury · peter alvaro · ines sombra');
  });
});

describe('bestDocs', () => {
  const scores = Float64Array.from([0.5, 2, 2, 0.1, 3, 1]);
  it('returns the best by score, ties by document order, at most the limit', () =>
    assert.deepEqual(
      bestDocs([0, 1, 2, 3, 4, 5], scores, 3, () => true),
      [4, 1, 2],
    ));
  it('leaves out what admit refuses', () =>
    assert.deepEqual(
      bestDocs([0, 1, 2, 3, 4, 5], scores, 10, (doc) => doc % 2 === 1),
      [1, 5, 3],
    ));
});
