/** How long to wait between attempts to reach Slack: exponential, capped, with jitter. */
export interface Backoff {
  /** The wait before the second attempt (before jitter). */
  readonly firstMs: number;
  readonly factor: number;
  /** No wait is longer than this, however many attempts failed. */
  readonly maxMs: number;
}

/**
 * Starting up against a Slack that cannot be reached: half a second, then doubling up to 30 s, so a
 * network that comes back is noticed quickly, and a long outage costs one log line every half minute.
 */
export const startupBackoff: Backoff = { firstMs: 500, factor: 2, maxMs: 30_000 };

/**
 * The wait after the `failures`-th failed attempt (1 for the first): between half and all of the capped
 * exponential delay, so instances restarted together do not all knock on Slack's door at the same moment.
 */
export function backoffDelay(failures: number, backoff: Backoff, random: () => number = Math.random): number {
  const exponential = backoff.firstMs * backoff.factor ** Math.max(0, failures - 1);
  const capped = Math.min(backoff.maxMs, exponential);
  return Math.round(capped / 2 + (random() * capped) / 2);
}
