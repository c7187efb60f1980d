import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS, suggestionActionIds } from '../../blocks/index.ts';
import type { ListenerDeps } from '../deps.ts';
import { moreResults } from './more-results.ts';
import { postResources } from './post-resources.ts';
import { shareAnswer } from './share.ts';

/** Registers the button listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTION_IDS.share },
    shareAnswer(deps),
  );
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTION_IDS.more },
    moreResults(deps),
  );
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: ACTION_IDS.previous },
    moreResults(deps),
  );
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: suggestionActionIds },
    moreResults(deps),
  );
  for (const actionId of [ACTION_IDS.postResources, ACTION_IDS.postResourcesBack]) {
    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: actionId },
      postResources(deps),
    );
  }
}
