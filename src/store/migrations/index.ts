import type { Migration } from 'kysely';
import * as seenEvents from './0001-seen-events.ts';
import * as tipClaims from './0002-tip-claims.ts';
import * as tipSubscriptions from './0010-tip-subscriptions.ts';
import * as insights from './0011-insights.ts';

/**
 * Every migration, by name, applied in name order at startup. Listed here rather than read from the folder,
 * so that the bundle in dist/ carries them. A new capability adds its file and one line; a shipped
 * migration is never edited (a database that ran it would not run it again).
 */
export const migrations: Record<string, Migration> = {
  '0001-seen-events': seenEvents,
  '0002-tip-claims': tipClaims,
  '0010-tip-subscriptions': tipSubscriptions,
  '0011-insights': insights,
};
