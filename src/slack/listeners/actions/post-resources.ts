import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderError, renderPostResources } from '../../blocks/index.ts';
import type { ListenerDeps } from '../deps.ts';

/** More from this talk: every resource of the talk, grouped by section, shown to the clicker alone. */
export function postResources(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const library = deps.library();
    // A button posted before posts were keyed by their path carries a slug.
    const post =
      typeof action.value === 'string'
        ? (library.postById(action.value) ?? library.postBySlug(action.value))
        : undefined;
    const message = post ? renderPostResources(post) : renderError('That talk is no longer in the library.');
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
