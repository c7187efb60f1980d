import type { Logger } from '@slack/bolt';
import { type EventDedupe, SeenEvents } from './dedupe.ts';

/** The store's side of the dedupe: true when this call is the first sighting of an id, fleet-wide. */
export interface SharedSightings {
  firstSighting(eventId: string): Promise<boolean>;
}

/**
 * How long an event waits for the store before it is answered on this replica's memory alone: answers
 * must not wait on a store that has gone away.
 */
export const storeWaitMs = 1000;

/**
 * The dedupe of a fleet: each event id is recorded in the store, so a retry landing on another replica,
 * or one event delivered to two replicas at once, is answered once. When the store cannot be reached,
 * answers go on with this replica's own memory (a retry to another replica may then be answered twice),
 * and that is said once per outage, not once per event.
 */
export class FleetDedupe implements EventDedupe {
  readonly #shared: SharedSightings;
  readonly #local = new SeenEvents();
  readonly #logger: Pick<Logger, 'warn' | 'info'>;
  readonly #onStoreError: (error: unknown) => void;
  #down = false;

  constructor(
    shared: SharedSightings,
    logger: Pick<Logger, 'warn' | 'info'>,
    onStoreError: (error: unknown) => void = () => {},
  ) {
    this.#shared = shared;
    this.#logger = logger;
    this.#onStoreError = onStoreError;
  }

  /** Records an id in the store (and in this process); true when it was seen before. */
  async isRepeat(eventId: string): Promise<boolean> {
    // Kept locally too, so that during an outage this replica still drops its own retries.
    const seenHere = this.#local.check(eventId);
    let first: boolean;
    try {
      first = await withTimeout(this.#shared.firstSighting(eventId), storeWaitMs);
    } catch (error) {
      this.#onStoreError(error);
      if (!this.#down) {
        this.#down = true;
        this.#logger.warn(
          `the store is unreachable (${(error as Error).message}): retried events are told apart by this replica alone until it is back`,
        );
      }
      return seenHere;
    }
    if (this.#down) {
      this.#down = false;
      this.#logger.info('the store is reachable again: retried events are told apart across replicas');
    }
    return !first;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
