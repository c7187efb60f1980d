import type { Post } from './types.ts';

// Each loaded post's link keys, in the order of its links. Kept beside the post rather than in it:
// a key is the search's business, not part of what a post is.
const keysByPost = new WeakMap<Post, readonly string[]>();

/** Notes the resource keys (`normaliseUrl`) of a post's links, worked out while it was parsed. */
export function rememberLinkKeys(post: Post, keys: readonly string[]): void {
  if (keys.length === post.links.length) keysByPost.set(post, keys);
}

/** The resource keys of a post's links, in order, when the load worked them out; else undefined. */
export function linkKeysOf(post: Post): readonly string[] | undefined {
  const keys = keysByPost.get(post);
  return keys?.length === post.links.length ? keys : undefined;
}
