import type { LoadResult, Post } from './types.ts';

/**
 * After a reload, keeps serving the last good version of any post whose file is now broken: a typo
 * saved mid-edit should not make a talk vanish from Slack. The problem is still reported, saying so.
 */
export function keepLastGood(previous: LoadResult, next: LoadResult): LoadResult {
  const loadedPaths = new Set(next.posts.map((p) => p.path));
  const ids = new Set(next.posts.map((p) => p.id));
  const brokenPaths = new Set(next.problems.map((p) => p.path));
  const kept: Post[] = previous.posts.filter(
    (post) => brokenPaths.has(post.path) && !loadedPaths.has(post.path) && !ids.has(post.id),
  );
  if (kept.length === 0) return next;
  const keptPaths = new Set(kept.map((p) => p.path));
  return {
    ...next,
    posts: [...next.posts, ...kept].sort(
      (a, b) => (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0) || a.title.localeCompare(b.title),
    ),
    problems: next.problems.map((p) =>
      keptPaths.has(p.path) ? { ...p, message: `${p.message} (the last good version is still served)` } : p,
    ),
  };
}
