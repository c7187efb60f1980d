import { scheduleProblem } from './tip-config.ts';

/** A tip schedule as cron, with the words a channel is told ("weekdays at 09:00"). */
export interface ParsedSchedule {
  readonly cron: string;
  readonly description: string;
}

/** Why a schedule could not be read, in words for whoever typed it. */
export interface ScheduleWordsError {
  readonly error: string;
}

const dayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const weekdays = [1, 2, 3, 4, 5];
const everyDay = [0, 1, 2, 3, 4, 5, 6];

/** The examples an error offers, so that the next try works. */
export const scheduleExamples = '`weekdays 9:00`, `daily 8:30`, `mondays 10am` or cron `0 9 * * 1-5`';

const cronField = /^[\d*/,-]+$/;

/**
 * Reads a schedule as people type it: cron (`0 9 * * 1-5`) or days and a time (`weekdays 9:00`,
 * `daily 8:30`, `mondays 10am`, `mon,wed,fri 14:15`, `tuesdays and thursdays at 9`). Days alone mean 09:00,
 * a time alone means weekdays, nothing at all means weekdays at 09:00. The cron is checked in `timezone`.
 */
export function parseScheduleWords(text: string, timezone = 'UTC'): ParsedSchedule | ScheduleWordsError {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const fields = trimmed.split(' ');
  if (fields.length >= 5 && fields.length <= 6 && fields.every((f) => cronField.test(f))) {
    const problem = scheduleProblem(trimmed, timezone);
    return problem === null ? { cron: trimmed, description: describeCron(trimmed) } : { error: problem };
  }
  let days: number[] | null = null;
  let time: { hour: number; minute: number } | null = null;
  const words = trimmed
    .toLowerCase()
    .replace(/\s*,\s*/g, ',')
    .split(/[ ,]/)
    .filter((w) => w !== '' && w !== 'and' && w !== 'at' && w !== 'on' && w !== 'every');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    const found = daysOf(word);
    if (found !== null) {
      days = [...new Set([...(days ?? []), ...found])].sort((a, b) => a - b);
      continue;
    }
    const clock = timeOf(next === 'am' || next === 'pm' ? `${word}${next}` : word);
    if (clock !== null && time === null) {
      time = clock;
      if (next === 'am' || next === 'pm') i++;
      continue;
    }
    return {
      error: `I could not read "${text.trim()}" as a schedule (at "${word}"); try ${scheduleExamples}`,
    };
  }
  return scheduleFor(days ?? weekdays, time ?? { hour: 9, minute: 0 });
}

/** The schedule for days of the week (0 Sunday … 6 Saturday) at a time of day: what the Set up tips modal gives. */
export function scheduleFor(days: readonly number[], time: { hour: number; minute: number }): ParsedSchedule {
  const set = [...new Set(days)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b);
  const dow = set.length === 7 || set.length === 0 ? '*' : sameDays(set, weekdays) ? '1-5' : set.join(',');
  const cron = `${time.minute} ${time.hour} * * ${dow}`;
  return { cron, description: describeCron(cron) };
}

/**
 * Words for a cron expression: `0 9 * * 1-5` is "weekdays at 09:00"; one the words cannot say
 * stays cron ("on the schedule `*\/30 * * * *`").
 */
export function describeCron(cron: string): string {
  const days = cronDays(cron);
  const time = cronTime(cron);
  if (days === null || time === null) return `on the schedule \`${cron}\``;
  return `${describeDays(days)} at ${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The days of the week and time of day of a simple cron (`M H * * DOW`), or null for any other. */
export function cronDaysAndTime(cron: string): { days: number[]; hour: number; minute: number } | null {
  const days = cronDays(cron);
  const time = cronTime(cron);
  return days === null || time === null ? null : { days, ...time };
}

function cronTime(cron: string): { hour: number; minute: number } | null {
  const [minute, hour, dom, month] = cron.trim().split(/\s+/);
  if (cron.trim().split(/\s+/).length !== 5 || dom !== '*' || month !== '*') return null;
  if (!/^\d{1,2}$/.test(minute ?? '') || !/^\d{1,2}$/.test(hour ?? '')) return null;
  const h = Number(hour);
  const m = Number(minute);
  return h <= 23 && m <= 59 ? { hour: h, minute: m } : null;
}

function cronDays(cron: string): number[] | null {
  const field = cron.trim().split(/\s+/)[4];
  if (field === undefined) return null;
  if (field === '*') return everyDay;
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (range === null) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from > to || to > 7) return null;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

function describeDays(days: readonly number[]): string {
  if (days.length === 7) return 'daily';
  if (sameDays(days, weekdays)) return 'weekdays';
  if (sameDays(days, [0, 6])) return 'weekends';
  // Monday first, as people list a week.
  const names = [...days]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => `${capitalised(dayNames[d] ?? '')}s`);
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function daysOf(word: string): number[] | null {
  if (word === 'daily' || word === 'day' || word === 'everyday') return everyDay;
  if (word === 'weekdays' || word === 'weekday' || word === 'workdays') return weekdays;
  if (word === 'weekends' || word === 'weekend') return [0, 6];
  const range = /^([a-z]+)-([a-z]+)$/.exec(word);
  if (range !== null) {
    const from = dayIndex(range[1] ?? '');
    const to = dayIndex(range[2] ?? '');
    if (from === null || to === null) return null;
    const out: number[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      out.push(d);
      if (d === to) return out;
    }
  }
  const day = dayIndex(word);
  return day === null ? null : [day];
}

function dayIndex(word: string): number | null {
  const bare = word.replace(/s$/, '');
  if (bare.length < 3) return null;
  const index = dayNames.findIndex((name) => name.startsWith(bare) || name === bare);
  return index < 0 ? null : index;
}

/** `9:00`, `09:30`, `8.30`, `9`, `10am`, `2:15pm`, `14h`: a time of day, or null. */
function timeOf(word: string): { hour: number; minute: number } | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2})?)?(am|pm)?$/.exec(word);
  if (m === null) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3] !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
