import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Post } from '../../src/content/types.ts';
import { Library } from '../../src/search/library.ts';

const post: Post = {
  id: '/posts/raft-in-five-minutes/',
  slug: 'raft-in-five-minutes',
  title: 'Raft in Five Minutes',
  description: 'Consensus on one whiteboard.',
  date: new Date('2015-03-02T10:00:00Z'),
  tags: ['consensus'],
  author: null,
  section: 'posts',
  language: 'en',
  path: 'posts/raft-in-five-minutes.md',
  url: 'https://talks.example.org/posts/raft-in-five-minutes/',
  aliases: ['/2015/raft/'],
  headings: [],
  links: [],
  pageLinks: [],
  body: '',
  draft: false,
};

describe('Library.postByUrl: the post a link shared in Slack points at', () => {
  const library = new Library({ posts: [post], problems: [] });

  it('finds it by its permalink, whatever scheme, www., trailing slash, fragment or tracking', () => {
    for (const url of [
      'https://talks.example.org/posts/raft-in-five-minutes/',
      'http://www.talks.example.org/posts/raft-in-five-minutes',
      'https://talks.example.org/posts/raft-in-five-minutes/#resources',
      'https://talks.example.org/posts/raft-in-five-minutes/?utm_source=slack',
    ]) {
      assert.equal(library.postByUrl(url)?.slug, 'raft-in-five-minutes', url);
    }
  });

  it('finds it by an alias, which Hugo serves as a redirect to it', () => {
    assert.equal(library.postByUrl('https://talks.example.org/2015/raft/')?.slug, 'raft-in-five-minutes');
  });

  it('finds nothing for another page of the site, or another site', () => {
    assert.equal(library.postByUrl('https://talks.example.org/posts/'), undefined);
    assert.equal(library.postByUrl('https://elsewhere.example.org/posts/raft-in-five-minutes/'), undefined);
    assert.equal(library.postByUrl('not a url'), undefined);
  });
});
