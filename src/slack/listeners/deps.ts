import type { Library } from '../../search/library.ts';
import type { Resource } from '../../search/types.ts';

/** The next reading tip, when tips are on. */
export interface UpcomingTip {
  readonly resource: Resource;
  readonly at: Date;
}

/** What listeners need from the rest of talkbot, passed in so that they hold no state of their own. */
export interface ListenerDeps {
  /** The Library to answer from; read once per request (it may be swapped between requests). */
  readonly library: () => Library;
  /** The next scheduled tip, or null when tips are off. */
  readonly nextTip: () => UpcomingTip | null;
}
