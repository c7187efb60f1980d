import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderHome } from '../../blocks/index.ts';
import type { ListenerDeps } from '../deps.ts';

/** Publishes the Home tab each time a user opens it, so it always shows the content loaded now. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
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
    await client.views.publish({ user_id: event.user, view });
  };
}
