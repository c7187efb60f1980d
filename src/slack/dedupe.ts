import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** How long an event id is remembered: Slack retries within minutes (three tries, up to ~5 min apart). */
const rememberMs = 60 * 60 * 1000;
/** A bound on memory even under a flood of events. */
const maxRemembered = 10_000;

/** Tells a re-delivered event from a new one: in this process only, or across every replica. */
export interface EventDedupe {
  /** Records an event id; true when it was seen before (by this replica or, with a store, any). */
  isRepeat(eventId: string): Promise<boolean>;
}

/**
 * Remembers event ids in this process, so that an event Slack delivers again (`X-Slack-Retry-Num` over HTTP,
 * `retry_attempt` in Socket Mode) is acknowledged but not answered twice.
 */
export class SeenEvents implements EventDedupe {
  readonly #seen = new Map<string, number>();

  /** Records an id; true when it was already seen recently. */
  check(id: string, now = Date.now()): boolean {
    const at = this.#seen.get(id);
    if (at !== undefined && now - at < rememberMs) return true;
    this.#seen.set(id, now);
    if (this.#seen.size > maxRemembered) {
      // Maps iterate in insertion order: the first key is the oldest.
      const oldest = this.#seen.keys().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    return false;
  }

  /** The same as `check`, as an `EventDedupe`. */
  async isRepeat(eventId: string): Promise<boolean> {
    return this.check(eventId);
  }
}

/** What the dedupe middleware reports, for metrics. */
export interface DedupeHooks {
  /** A re-delivered event was dropped. */
  readonly onRepeat?: (body: object) => void;
}

/** Bolt global middleware that drops re-delivered Events API events before any listener sees them. */
export function dropRedeliveredEvents(
  seen: EventDedupe,
  hooks: DedupeHooks = {},
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && (await seen.isRepeat(eventId))) {
      logger.debug(`ignoring re-delivered event ${eventId}`);
      hooks.onRepeat?.(body);
      return;
    }
    await next();
  };
}
