import type { Logger } from '@slack/bolt';
import { formatProblem } from '../content/format-problem.ts';
import type { Library } from '../search/library.ts';
import type { GitSource } from '../sources/git-source.ts';

/** What startup loaded, for the log: where from, how much the parse cache spared, and each problem. */
export interface LoadedContent {
  readonly library: Library;
  readonly contentDir: string;
  readonly git: GitSource | null;
  /** Files the parse cache found unchanged since the last run. */
  readonly reused: number;
}

/** Logs what startup loaded: one line saying how much and from where, a warning per problem, and one for an empty site. */
export function reportLoadedContent(
  { library, contentDir, git, reused }: LoadedContent,
  logger: Logger,
): void {
  logger.info(
    `loaded ${library.posts.length} posts and ${library.resources.length} resources from ` +
      (git ? gitOrigin(git) : contentDir) +
      (reused ? ` (${reused} ${reused === 1 ? 'file' : 'files'} unchanged since the last run)` : '') +
      (library.problems.length ? `, with ${library.problems.length} problems:` : ''),
  );
  for (const problem of library.problems) logger.warn(formatProblem(problem));
  if (library.posts.length === 0) {
    logger.warn(
      `CONTENT_DIR "${contentDir}" holds no posts: every answer is "I found nothing" until posts are added there (they are picked up without a restart)`,
    );
  }
}

/** Where the content comes from, for a log line: the repository and the commit served. */
function gitOrigin(git: GitSource): string {
  const status = git.status();
  return status ? `${status.url} at ${status.commit.sha.slice(0, 7)}` : git.contentDir;
}
