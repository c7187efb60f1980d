import type { App } from '@slack/bolt';
import { TIPS_MODAL } from '../../blocks/tips-modal.ts';
import type { ListenerDeps } from '../deps.ts';
import { submitTipsModal } from './tips-modal.ts';

/** Registers the modal listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.view({ type: 'view_submission', callback_id: TIPS_MODAL.callbackId }, submitTipsModal(deps));
}
