import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS, decodePostPage, renderError, renderPostResources } from '../../blocks/index.ts';
import type { ListenerDeps } from '../deps.ts';
import { inThreadOf } from './in-thread-of.ts';

/**
 * More from this talk: the talk's resources, grouped by section, shown to the clicker alone, a page at a
 * time (Next links / Previous links replace the page in place). The first page comes beside the answer or
 * tip it was asked from, in the same thread.
 */
export function postResources(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const ref = decodePostPage(action.value);
    const library = deps.library();
    // A button posted before posts were keyed by their path carries a slug.
    const post = ref ? (library.postById(ref.post) ?? library.postBySlug(ref.post)) : undefined;
    const message = post
      ? renderPostResources(post, ref?.offset ?? 0)
      : renderError('That talk is no longer in the library. Ask again with `/talk`.');
    // A page of the list replaces the page before it; the first page, from an answer or a tip, comes beside it.
    const paging = (ref?.offset ?? 0) > 0 || action.action_id === ACTION_IDS.postResourcesBack;
    if (post && paging && body.container?.is_ephemeral === true) {
      await respond({ replace_original: true, ...message });
    } else {
      await respond({ response_type: 'ephemeral', replace_original: false, ...inThreadOf(body), ...message });
    }
  };
}
