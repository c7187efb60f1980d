import { cronFor } from './slot-clock.ts';

/** How tips are chosen, whether or not they are posted: what `talkbot tip` and `/talk tip` need. */
export interface TipSettings {
  /** Cron expression (`TIP_SCHEDULE`). @default defaultTipSchedule ('0 9 * * 1-5', weekdays at 09:00) */
  readonly schedule: string;
  /** IANA time zone (`TIP_TIMEZONE`). @default 'UTC' */
  readonly timezone: string;
  /** Shuffles the rounds (`TIP_SEED`). @default defaultTipSeed */
  readonly seed: string;
}

/** Weekdays at 09:00: a tip with the first coffee, none at weekends. */
export const defaultTipSchedule = '0 9 * * 1-5';

/** The time zone of the schedule when none is given. */
export const defaultTipTimezone = 'UTC';

/**
 * The seed when `TIP_SEED` is unset. Any fixed text will do: what matters is that every instance and
 * every restart uses the same one, so that they agree on each slot's tip.
 */
export const defaultTipSeed = 'talkbot';

/** Tips may come at most once a minute: more would be noise, and Slack would rate-limit it anyway. */
const minimumGapMs = 60_000;

/** Which setting is wrong and why; the caller names it as the variable or the flag it came from. */
export interface TipSettingProblem {
  readonly setting: 'schedule' | 'timezone';
  readonly reason: string;
}

/** The first thing wrong with a set of tip settings (the zone first: a schedule is read in it), or null. */
export function tipSettingsProblem(settings: TipSettings): TipSettingProblem | null {
  const zone = timezoneProblem(settings.timezone);
  if (zone !== null) return { setting: 'timezone', reason: zone };
  const cron = scheduleProblem(settings.schedule, settings.timezone);
  if (cron !== null) return { setting: 'schedule', reason: cron };
  return null;
}

/** What is wrong with a time zone name, or null when it is a zone both Intl and croner know. */
export function timezoneProblem(timezone: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    cronFor('0 9 * * *', timezone).nextRun(new Date(0));
    return null;
  } catch {
    return `"${timezone}" is not an IANA time zone; use a name such as Europe/Berlin or UTC`;
  }
}

/** What is wrong with a cron expression for tips (in a valid zone), or null when it is fine. */
export function scheduleProblem(schedule: string, timezone: string): string | null {
  let runs: Date[];
  try {
    runs = cronFor(schedule, timezone).nextRuns(2, new Date());
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `"${schedule}" is not a cron expression (${why}); e.g. "0 9 * * 1-5" is weekdays at 09:00`;
  }
  const [first, second] = runs;
  if (first === undefined) return `"${schedule}" never runs again; e.g. "0 9 * * 1-5" is weekdays at 09:00`;
  if (second !== undefined && second.getTime() - first.getTime() < minimumGapMs) {
    return `"${schedule}" runs more than once a minute; a reading tip needs at most one a minute, e.g. "0 9 * * 1-5"`;
  }
  return null;
}
