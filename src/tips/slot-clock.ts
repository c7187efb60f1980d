import { Cron } from 'croner';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR = 366 * DAY;
/** Wall-clock units counted whole when the UTC offset is steady: a matching day, hour or minute always holds as many runs. */
const UNITS = [DAY, HOUR, MINUTE] as const;
/**
 * How long after a change of UTC offset croner's own DST rules may differ from plain wall-clock counting:
 * a run moved out of a skipped hour happens right at the change, a repeated hour runs once or twice
 * depending on the pattern. The largest real shift is two hours (Antarctica/Troll), so three is safe.
 */
const DST_ZONE = 3 * HOUR;
const cronCacheSize = 32;
const clockCacheSize = 16;

const crons = new Map<string, Cron>();
const clocks = new Map<string, SlotClock>();
const formats = new Map<string, Intl.DateTimeFormat>();

/** A timer-less croner job for a schedule, shared: computing runs never starts a timer. */
export function cronFor(schedule: string, timezone: string): Cron {
  const key = `${schedule}\u0000${timezone}`;
  let cron = crons.get(key);
  if (cron === undefined) {
    cron = new Cron(schedule, { timezone });
    remember(crons, key, cron, cronCacheSize);
  }
  return cron;
}

/**
 * Numbers the runs of a cron schedule in a time zone from an anchor: the first run at or after the anchor
 * is slot 0, the next slot 1, and so on. Runs are croner's, DST rules included, so a slot number always
 * names the run the scheduler fires. Counting is arithmetic wherever the UTC offset is steady (a matching
 * day holds as many runs as any other) and asks croner run by run only around offset changes; what has
 * been counted is kept, so a long-running process counts each day once.
 */
export class SlotClock {
  readonly schedule: string;
  readonly timezone: string;
  readonly anchor: Date;
  readonly #cron: Cron;
  readonly #anchorMs: number;
  readonly #format: Intl.DateTimeFormat;
  /** Instants, ascending, at which the number of runs since the anchor is known (`#counts`). */
  readonly #marks: number[];
  readonly #counts: number[];
  /** Runs in one matching wall-clock day, hour or minute, by unit length, learnt on first use. */
  readonly #perUnit = new Map<number, number>();
  /** The last run looked up: there is no run in [from, next), and `next` is one (null: no run ever after). */
  #known: { readonly from: number; readonly next: number | null } | null = null;
  /** The last answer of `slotsBefore`. */
  #last: { readonly at: number; readonly count: number } | null = null;
  /** Whether which days match depends on the weekday alone, so every week holds as many runs. */
  readonly #weekly: boolean;
  #perWeek: number | undefined;

  /** The clock for a schedule, zone and anchor, shared so that what one caller counted serves the next. */
  static for(schedule: string, timezone: string, anchor: Date): SlotClock {
    const key = `${schedule}\u0000${timezone}\u0000${anchor.getTime()}`;
    let clock = clocks.get(key);
    if (clock === undefined) {
      clock = new SlotClock(schedule, timezone, anchor);
      remember(clocks, key, clock, clockCacheSize);
    }
    return clock;
  }

  constructor(schedule: string, timezone: string, anchor: Date) {
    this.schedule = schedule;
    this.timezone = timezone;
    this.anchor = anchor;
    this.#cron = cronFor(schedule, timezone);
    this.#anchorMs = anchor.getTime();
    this.#format = wallFormat(timezone);
    this.#weekly = repeatsWeekly(schedule);
    this.#marks = [this.#anchorMs];
    this.#counts = [0];
  }

  /** How many runs fall in [anchor, until): the slot number of the first run at or after `until`. */
  slotsBefore(until: Date | number): number {
    const t = typeof until === 'number' ? until : until.getTime();
    if (t <= this.#anchorMs) return 0;
    while ((this.#marks.at(-1) ?? 0) < t) {
      const from = this.#marks.at(-1) ?? this.#anchorMs;
      const step = this.#step(from, Number.POSITIVE_INFINITY);
      this.#marks.push(step.end);
      this.#counts.push((this.#counts.at(-1) ?? 0) + step.runs);
    }
    const i = lastAtOrBefore(this.#marks, t);
    let from = this.#marks[i] ?? this.#anchorMs;
    let count = this.#counts[i] ?? 0;
    // Slots are mostly asked for in order, one run after another: count on from the last answer.
    const last = this.#last;
    if (last !== null && last.at > from && last.at <= t) {
      from = last.at;
      count = last.count;
    }
    count += this.#runsBetween(from, t);
    this.#last = { at: t, count };
    return count;
  }

  /** The latest run at or before `at` and its slot number, or null when no run falls between the anchor and `at`. */
  slotAtOrBefore(at: Date): { readonly at: Date; readonly index: number } | null {
    // previousRuns leaves out a run exactly at its reference, hence the millisecond.
    const [run] = this.#cron.previousRuns(1, new Date(at.getTime() + 1));
    if (run === undefined || run.getTime() < this.#anchorMs) return null;
    return { at: run, index: this.slotsBefore(run) };
  }

  /** The first run strictly after `after`, or null when the schedule never runs again. */
  nextAfter(after: Date): Date | null {
    return this.#cron.nextRun(after);
  }

  /** Runs in [a, b), which may straddle offset changes: one steady stretch at a time. */
  #runsBetween(a: number, b: number): number {
    let runs = 0;
    for (let cursor = a; cursor < b; ) {
      const step = this.#step(cursor, b);
      runs += step.runs;
      cursor = step.end;
    }
    return runs;
  }

  /**
   * Counts from `cursor` for as long as the UTC offset holds (up to a year, or `limit`), run by run only in
   * the hours after an offset change. The offset is looked at a week apart: no zone changes it twice in a week.
   */
  #step(cursor: number, limit: number): { readonly end: number; readonly runs: number } {
    const offset = this.#offset(cursor);
    if (this.#offset(cursor - DST_ZONE) !== offset) {
      const end = Math.min(limit, cursor + DST_ZONE);
      return { end, runs: this.#iterate(cursor, end) };
    }
    const horizon = Math.min(limit, cursor + YEAR);
    for (let end = cursor; end < horizon; ) {
      const probe = Math.min(horizon, end + WEEK);
      if (this.#offset(probe - 1) !== offset) {
        const change = this.#changeAfter(end, probe - 1, offset);
        const zoneEnd = Math.min(limit, change + DST_ZONE);
        return { end: zoneEnd, runs: this.#steady(cursor, change, offset) + this.#iterate(change, zoneEnd) };
      }
      end = probe;
    }
    return { end: horizon, runs: this.#steady(cursor, horizon, offset) };
  }

  /** Runs in [a, b) while the UTC offset stays `offset`; a schedule that repeats weekly counts whole weeks at once. */
  #steady(a: number, b: number, offset: number): number {
    const weeks = this.#weekly ? Math.floor((b - a) / WEEK) : 0;
    if (weeks === 0) return this.#linear(a, b, offset, 0);
    this.#perWeek ??= this.#linear(a, a + WEEK, offset, 0);
    return weeks * this.#perWeek + this.#linear(a + weeks * WEEK, b, offset, 0);
  }

  /** Runs in [a, b) at a steady offset: whole matching days, hours or minutes count alike, the rest recurses. */
  #linear(a: number, b: number, offset: number, level: number): number {
    if (a >= b) return 0;
    const unit = UNITS[level];
    if (unit === undefined) return this.#iterate(a, b);
    let u = Math.ceil((a + offset) / unit) * unit - offset;
    if (u >= b) return this.#linear(a, b, offset, level + 1);
    let runs = this.#linear(a, u, offset, level + 1);
    while (u + unit <= b) {
      const next = this.#firstAtOrAfter(u);
      if (next === null || next >= b) return runs;
      if (next >= u + unit) {
        u += Math.floor((next - u) / unit) * unit;
        continue;
      }
      runs += this.#runsPerUnit(level, u, offset);
      u += unit;
    }
    return runs + this.#linear(u, b, offset, level + 1);
  }

  #runsPerUnit(level: number, start: number, offset: number): number {
    const unit = UNITS[level] ?? MINUTE;
    let runs = this.#perUnit.get(unit);
    if (runs === undefined) {
      runs = this.#linear(start, start + unit, offset, level + 1);
      this.#perUnit.set(unit, runs);
    }
    return runs;
  }

  /** Runs in [a, b), asked of croner one by one. */
  #iterate(a: number, b: number): number {
    let runs = 0;
    for (let run = this.#firstAtOrAfter(a); run !== null && run < b; run = this.#firstAtOrAfter(run + 1))
      runs++;
    return runs;
  }

  #firstAtOrAfter(t: number): number | null {
    const known = this.#known;
    if (known !== null && t >= known.from && (known.next === null || t <= known.next)) return known.next;
    const next = this.#cron.nextRun(new Date(t - 1))?.getTime() ?? null;
    this.#known = { from: t, next };
    return next;
  }

  /** The first instant in (lo, hi] whose UTC offset is not `offset` (hi's is not). */
  #changeAfter(lo: number, hi: number, offset: number): number {
    let a = lo;
    let b = hi;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (this.#offset(mid) === offset) a = mid;
      else b = mid;
    }
    return b;
  }

  /** The zone's UTC offset at an instant, in milliseconds (wall clock minus UTC). */
  #offset(t: number): number {
    return utcOffset(this.#format, t);
  }
}

/** The UTC offset of a time zone at an instant, in milliseconds. */
export function utcOffset(format: Intl.DateTimeFormat, t: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(t))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(t / SECOND) * SECOND;
}

/** A formatter giving a zone's wall-clock fields, shared per zone (building one is slow). */
export function wallFormat(timezone: string): Intl.DateTimeFormat {
  let format = formats.get(timezone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timezone, format);
  }
  return format;
}

/**
 * Whether a pattern picks days by weekday alone (day of month, month and year all `*`, no `L` or `#`
 * weekdays): then any seven wall-clock days hold the same runs.
 */
export function repeatsWeekly(schedule: string): boolean {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length === 1)
    return ['@daily', '@midnight', '@hourly', '@weekly'].includes(fields[0]?.toLowerCase() ?? '');
  if (fields.length < 5 || fields.length > 7) return false;
  const [dom, month, dow, year] = fields.length === 5 ? fields.slice(2) : fields.slice(3);
  const any = (field: string | undefined) => field === '*' || field === '?';
  return any(dom) && any(month) && (year === undefined || year === '*') && !/[L#]/i.test(dow ?? '');
}

function lastAtOrBefore(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function remember<V>(cache: Map<string, V>, key: string, value: V, max: number): void {
  cache.set(key, value);
  if (cache.size > max) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}
