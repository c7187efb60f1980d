import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeCron } from '../../../tips/schedule-words.ts';
import type { HomeChannelTips, HomeInsightsInput } from '../../blocks/home.ts';
import { renderHome } from '../../blocks/index.ts';
import { fixFor } from '../../blocks/tip-settings.ts';
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
    // The store's parts of the tab are extras: a store that is down leaves them out, never the tab.
    const [channelTips, insights] = await Promise.all([
      homeChannelTips(deps).catch((error: unknown) => {
        logger.warn(`Home tab without channel tips: ${(error as Error).message}`);
        return undefined;
      }),
      (deps.feedback?.summaryFor(event.user) ?? Promise.resolve(null)).catch((error: unknown) => {
        logger.warn(`Home tab without insights: ${(error as Error).message}`);
        return null;
      }),
    ]);
    const view = renderHome({
      posts: library.posts,
      totalPosts: library.posts.length,
      totalResources: library.resources.length,
      siteTitle: library.siteTitle,
      problems: library.problems.length,
      nextTip: deps.nextTip(),
      ...(channelTips ? { channelTips } : {}),
      insights: insights as HomeInsightsInput | null,
    });
    await client.views.publish({ user_id: event.user, view });
  };
}

async function homeChannelTips(deps: ListenerDeps): Promise<HomeChannelTips[] | undefined> {
  const tips = deps.channelTips;
  if (tips === undefined) return undefined;
  const now = tips.now();
  return (await tips.list()).map((setting) => {
    const paused = setting.pausedUntil !== null && setting.pausedUntil > now;
    const note =
      setting.suspended !== null
        ? `Stopped after repeated failed posts (${setting.suspended}): ${fixFor(setting.suspended)} Then /talk tips there and Resume.`
        : paused
          ? `Paused until ${setting.pausedUntil?.toISOString().slice(0, 10)}.`
          : null;
    return {
      channelName: setting.channelName || setting.channel,
      schedule: `${describeCron(setting.cron)} (${setting.timezone})`,
      next: note === null ? tips.nextTip(setting) : null,
      note,
    };
  });
}
