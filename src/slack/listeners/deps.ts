import type { Library } from '../../search/library.ts';
import type { Citation, Resource } from '../../search/types.ts';
import type { GitStatus } from '../../sources/git-source.ts';

/** The next reading tip, when tips are on. */
export interface UpcomingTip {
  readonly resource: Resource;
  readonly at: Date;
}

/** A tip as `/talk tip` shows it. */
export interface TodaysTip {
  readonly resource: Resource;
  readonly citation: Citation;
  readonly at: Date;
}

/** What listeners need from the rest of talkbot, passed in so that they hold no state of their own. */
export interface ListenerDeps {
  /** The Library to answer from; read once per request (it may be swapped between requests). */
  readonly library: () => Library;
  /** The next scheduled tip, or null when tips are off. */
  readonly nextTip: () => UpcomingTip | null;
  /** Today's tip for `/talk tip` (the latest slot's, or the next one's), or null when nothing is tip-worthy. */
  readonly todaysTip?: () => TodaysTip | null;
  /** The content repository's commit being served and since when, or null when content is a local folder. */
  readonly contentSource?: () => GitStatus | null;
}
