import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/index.ts';
import { slackErrorCode } from '../../slack-errors.ts';
import type { ListenerDeps } from '../deps.ts';

/** Publishes the Home tab each time a user opens it, so it always shows the content loaded now. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({
    event,
    client,
    logger,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const library = deps.library();
    const view = renderHome({
      posts: library.posts,
      totalPosts: library.posts.length,
      totalResources: library.resources.length,
      siteTitle: library.siteTitle,
      problems: library.problems.length,
      nextTip: deps.nextTip(),
    });
    try {
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logger.error(
        `views.publish for ${event.user} failed: ${slackErrorCode(error) ?? (error as Error).message}`,
      );
    }
  };
}
