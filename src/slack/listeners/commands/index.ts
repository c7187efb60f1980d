import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { talkCommand } from './talk.ts';

/** Registers the slash command listeners. */
export function register(app: App, deps: ListenerDeps): void {
  app.command('/talk', talkCommand(deps));
}
