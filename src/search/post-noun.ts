import type { Post } from '../content/types.ts';

// A section or tag that says a post is about a talk; anything else is a blog post like any other.
const talkWords = /^(?:talks?|conference[\s_-]?talks?|presentations?|keynotes?)$/i;

/** What to call a post: a "talk" only where its section or a tag says so, else a "post". */
export function postNoun(post: Pick<Post, 'section' | 'tags'>): 'talk' | 'post' {
  return talkWords.test(post.section) || post.tags.some((tag) => talkWords.test(tag.trim()))
    ? 'talk'
    : 'post';
}
