import type { Logger } from '@slack/bolt';
import type { TalkbotMetrics } from '../ops/metrics.ts';
import type { Library } from '../search/library.ts';
import { FleetDedupe } from '../slack/fleet-dedupe.ts';
import { type GitSettings, redactUrl } from '../sources/git-settings.ts';
import type { GitSource } from '../sources/git-source.ts';
import type { Store } from '../store/index.ts';
import type { SlotClaims, SlotResult } from '../tips/scheduler.ts';
import { FleetContent } from './fleet-content.ts';

/** What the app and the scheduler take from the store, each store error counted in the metrics. */
export interface FleetParts {
  readonly metrics: TalkbotMetrics;
  readonly dedupe: FleetDedupe;
  readonly storeHealth: () => Promise<boolean>;
  readonly claims: SlotClaims;
  readonly onSlot: (result: SlotResult) => void;
}

/**
 * Composes the store into what the Bolt app and the tip scheduler need: wiring only. The metrics come in
 * made, so that prom-client is loaded beside the content (`loadMetrics`), not before it.
 */
export function fleetParts(state: Store, logger: Logger, metrics: TalkbotMetrics): FleetParts {
  const counted =
    (operation: string) =>
    (error: unknown): never => {
      metrics.storeErrors.inc({ operation });
      throw error;
    };
  return {
    metrics,
    dedupe: new FleetDedupe({ firstSighting: (eventId) => state.dedupe.firstSighting(eventId) }, logger, () =>
      metrics.storeErrors.inc({ operation: 'dedupe' }),
    ),
    storeHealth: () => state.ping(),
    claims: {
      claim: (channel, slot) =>
        state.tipClaims.claim(channel, slot.getTime(), state.replica).catch(counted('tip_claim')),
      posted: (channel, slot) =>
        state.tipClaims.markPosted(channel, slot.getTime()).catch(counted('tip_posted')),
      unposted: async (channel, slot) => {
        const [lost] = await state.tipClaims
          .unposted(channel, slot.getTime(), slot.getTime() + 1)
          .catch(counted('tip_unposted'));
        return lost?.claimedBy ?? null;
      },
    },
    onSlot: (result) => metrics.tips.inc({ result }),
  };
}

/** One line saying where state is kept, for the startup log (never the database password). */
export function describeStore(state: Store): string {
  return state.engine === 'postgres'
    ? `state is shared through PostgreSQL at ${state.location}`
    : `state is kept in ${state.location}`;
}

/** Loads prom-client and makes this replica's metrics, reading the Library at each scrape. */
export async function loadMetrics(library: () => Library): Promise<TalkbotMetrics> {
  const { TalkbotMetrics } = await import('../ops/metrics.ts');
  return new TalkbotMetrics(library);
}

/** Shares the content repository's commit with the other replicas through the store. */
export function followFleet(
  git: GitSource,
  settings: GitSettings,
  state: Store,
  logger: Logger,
): FleetContent {
  return new FleetContent({
    source: `${redactUrl(settings.url)}#${settings.ref ?? ''}`,
    git,
    heads: {
      record: (source, sha) => state.contentHeads.record(source, sha, state.replica),
      latest: (source) => state.contentHeads.latest(source),
    },
    logger,
  });
}
