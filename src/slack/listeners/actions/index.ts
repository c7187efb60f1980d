import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS } from '../../blocks/index.ts';
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
    { type: 'block_actions', action_id: ACTION_IDS.postResources },
    postResources(deps),
  );
}
