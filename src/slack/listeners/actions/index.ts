import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { FEEDBACK_IDS } from '../../blocks/feedback.ts';
import { ACTION_IDS, suggestionActionIds } from '../../blocks/index.ts';
import { TIP_SETTINGS_IDS } from '../../blocks/tip-settings.ts';
import type { ListenerDeps } from '../deps.ts';
import { feedbackNote, feedbackVote } from './feedback.ts';
import { moreResults } from './more-results.ts';
import { postResources } from './post-resources.ts';
import { shareAnswer } from './share.ts';
import { changeTipsFromButton, openTipsModal } from './tips-settings.ts';

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
  // The feedback element (`feedback_buttons`) and the plain 👍/👎 buttons drawn where it does not render.
  app.action({ type: 'block_actions', action_id: FEEDBACK_IDS.vote }, feedbackVote(deps));
  app.action(
    { type: 'block_actions', action_id: new RegExp(`^${FEEDBACK_IDS.vote}_(up|down)$`) },
    feedbackVote(deps),
  );
  app.action({ type: 'block_actions', action_id: FEEDBACK_IDS.note }, feedbackNote(deps));
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: TIP_SETTINGS_IDS.setUp },
    openTipsModal(deps),
  );
  for (const id of [TIP_SETTINGS_IDS.off, TIP_SETTINGS_IDS.pause, TIP_SETTINGS_IDS.resume]) {
    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: id },
      changeTipsFromButton(deps),
    );
  }
}
