import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodePostPage, renderError, renderPostResources } from '../../blocks/index.ts';
import type { ListenerDeps } from '../deps.ts';
import { inThreadOf } from './in-thread-of.ts';

/**
 * More from this talk: the talk's resources, grouped by section, shown to the clicker alone, a page at a
 * time (Next links / Previous links replace the page in place). From a message everyone sees (a tip), the
 * first page goes to the clicker in the same thread.
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
    const post = ref ? deps.library().postBySlug(ref.slug) : undefined;
    const message = post
      ? renderPostResources(post, ref?.offset ?? 0)
      : renderError('That talk is no longer in the library. Ask again with `/talk`.');
    if (post && body.container?.is_ephemeral === true) {
      await respond({ replace_original: true, ...message });
    } else {
      await respond({ response_type: 'ephemeral', replace_original: false, ...inThreadOf(body), ...message });
    }
  };
}
