import type { Library } from '../search/library.ts';
import type { Citation, Resource } from '../search/types.ts';
import { eligibleResources } from './eligible.ts';
import { Rotation } from './rotation.ts';
import { cronFor, SlotClock } from './slot-clock.ts';

/**
 * Where slot numbering starts: the first run at or after it is slot 0. Fixed, so that every process,
 * today or after a restart next year, numbers the same run alike.
 */
export const defaultTipAnchor = new Date('2024-01-01T00:00:00Z');

/** What decides the tip of a slot, besides the content. */
export interface TipOptions {
  /** Cron expression of the schedule (croner syntax, 5 or 6 fields). */
  readonly schedule: string;
  /** IANA time zone the schedule runs in. */
  readonly timezone: string;
  /** Shuffles the rounds: two installations with different seeds show the same library in different orders. */
  readonly seed: string;
  /** The channel the tips go to: each channel has its own round, its order seeded by the channel too. @default null */
  readonly channel?: string | null;
  /** The blog's own address: links to it are not tips. @default null */
  readonly siteBaseUrl?: string | null;
  /** Slot 0 is the first run at or after it. @default defaultTipAnchor */
  readonly anchor?: Date;
}

/** One reading tip: the resource, the talk it is cited in, and the slot it is for. */
export interface Tip {
  readonly resource: Resource;
  /** The citation the tip names: the first by a post published by the slot's time. */
  readonly citation: Citation;
  /** The run of the schedule this tip is for. */
  readonly at: Date;
  /** 0-based round since the anchor; every tip-worthy resource is shown once per round. */
  readonly round: number;
  /** 0-based place in the round. */
  readonly position: number;
  /** How many tips the round holds. */
  readonly roundLength: number;
}

interface Prepared {
  readonly rotation: Rotation;
  readonly byKey: ReadonlyMap<string, Resource>;
}

/** One rotation per Library and options: a Library is swapped whole when content reloads, so this never goes stale. */
const prepared = new WeakMap<Library, Map<string, Prepared>>();

/**
 * The tip for the schedule's run at `slotTime` (or, if `slotTime` is not a run, the latest run before it),
 * or null when there is no run since the anchor or nothing worth a tip. Pure: the same library, time and
 * options give the same tip in any process, so a restart neither repeats nor skips one.
 *
 * Slots are numbered by counting runs from the anchor. Rounds show every tip-worthy resource once, in an
 * order shuffled by a hash of (seed, channel, round, key), no tip within ⌈N/2⌉ slots of its last showing. A pure function cannot remember past content, but the
 * content carries its own history in post dates: a resource joins the rotation at the first slot at or
 * after the earliest date of the posts citing it (undated posts: from the start). Hence:
 * - a post published between two slots joins the round in progress, its resources spread among what the
 *   round still has to show, which keeps its order; nothing before it changes, nothing repeats;
 * - a post removed while its round is in progress: its resources never show again, nothing repeats, and
 *   as many other resources as it had already shown wait for a later round;
 * - a change to the past (an undated post added, an old post removed, a link added to an old post) shifts
 *   round boundaries back to that date: the round in progress may repeat or skip resources, every
 *   resource is still shown within the next two rounds, and the rounds after that are whole again.
 */
export function pickTip(library: Library, slotTime: Date, options: TipOptions): Tip | null {
  const clock = clockFor(options);
  const slot = clock.slotAtOrBefore(slotTime);
  if (slot === null) return null;
  const { rotation, byKey } = prepare(library, clock, options);
  const pick = rotation.at(slot.index);
  const resource = pick === null ? undefined : byKey.get(pick.key);
  if (pick === null || resource === undefined) return null;
  const citation = citationAt(resource, slot.at);
  if (citation === undefined) return null;
  return {
    resource,
    citation,
    at: slot.at,
    round: pick.round,
    position: pick.position,
    roundLength: pick.roundLength,
  };
}

/**
 * The run that is "today's" in the schedule's time zone: today's latest run so far, else today's next run,
 * and on a day with no run (a weekend) the latest run before now (or the next, before the first). The
 * playground's "Post today's tip", `/talk tip` and the Home tab all go by it, so they always agree.
 */
export function todaysSlot(options: TipOptions, now: Date): Date | null {
  const clock = clockFor(options);
  const before = clock.slotAtOrBefore(now)?.at ?? null;
  const day = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: options.timezone });
  const today = day(now);
  if (before !== null && day(before) === today) return before;
  const next = clock.nextAfter(now);
  if (next !== null && day(next) === today) return next;
  return before ?? next;
}

/** The tip of today's run (see `todaysSlot`): what `/talk tip` shows and "Post today's tip" posts. */
export function todaysTip(library: Library, now: Date, options: TipOptions): Tip | null {
  const slot = todaysSlot(options, now);
  return slot === null ? null : pickTip(library, slot, options);
}

/** The tip of the next run strictly after `now`, for the Home tab; null when tips have nothing to show. */
export function upcomingTip(library: Library, now: Date, options: TipOptions): Tip | null {
  const next = nextSlot(options.schedule, options.timezone, now);
  return next === null ? null : pickTip(library, next, options);
}

/** The first run of a schedule strictly after `after`, or null when it never runs again. */
export function nextSlot(schedule: string, timezone: string, after: Date): Date | null {
  return cronFor(schedule, timezone).nextRun(after);
}

/** Every run of a schedule in [from, to), at most `max` of them. */
export function slotsBetween(schedule: string, timezone: string, from: Date, to: Date, max = 10_000): Date[] {
  const cron = cronFor(schedule, timezone);
  const runs: Date[] = [];
  for (
    let run = cron.nextRun(new Date(from.getTime() - 1));
    run !== null && run < to && runs.length < max;
    run = cron.nextRun(run)
  ) {
    runs.push(run);
  }
  return runs;
}

function clockFor(options: TipOptions): SlotClock {
  return SlotClock.for(options.schedule, options.timezone, options.anchor ?? defaultTipAnchor);
}

function prepare(library: Library, clock: SlotClock, options: TipOptions): Prepared {
  const siteBaseUrl = options.siteBaseUrl ?? null;
  const key = JSON.stringify([
    options.schedule,
    options.timezone,
    clock.anchor.getTime(),
    options.seed,
    options.channel ?? null,
    siteBaseUrl,
  ]);
  let forLibrary = prepared.get(library);
  if (forLibrary === undefined) {
    forLibrary = new Map();
    prepared.set(library, forLibrary);
  }
  const cached = forLibrary.get(key);
  if (cached !== undefined) return cached;

  const resources = eligibleResources(library, siteBaseUrl);
  const slotOf = new Map<number, number>();
  const entries = resources.map((resource) => {
    const since = publishedSince(resource);
    let joinSlot = slotOf.get(since);
    if (joinSlot === undefined) {
      joinSlot = since <= clock.anchor.getTime() ? 0 : clock.slotsBefore(since);
      slotOf.set(since, joinSlot);
    }
    return { key: resource.key, joinSlot };
  });
  const result: Prepared = {
    rotation: new Rotation(entries, rotationSeed(options)),
    byKey: new Map(resources.map((r) => [r.key, r])),
  };
  forLibrary.set(key, result);
  return result;
}

/** The seed of a channel's rotation: the installation's seed alone when no channel is named, as before channels had their own. */
export function rotationSeed(options: Pick<TipOptions, 'seed' | 'channel'>): string {
  const channel = options.channel ?? null;
  return channel === null ? options.seed : `${options.seed}\u0000channel\u0000${channel}`;
}

/** When a resource appeared: the earliest date among the posts citing it; an undated post counts as always there. */
function publishedSince(resource: Resource): number {
  let since = Number.POSITIVE_INFINITY;
  for (const { post } of resource.citations) {
    since = Math.min(since, post.date === null ? Number.NEGATIVE_INFINITY : post.date.getTime());
  }
  return since;
}

/** The first citation in a post published by `at`, so that a tip never names a talk not yet out. */
function citationAt(resource: Resource, at: Date): Citation | undefined {
  return (
    resource.citations.find((c) => c.post.date === null || c.post.date.getTime() <= at.getTime()) ??
    resource.citations[0]
  );
}
