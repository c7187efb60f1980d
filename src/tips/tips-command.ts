import { parseScheduleWords, scheduleExamples } from './schedule-words.ts';
import { timezoneProblem } from './tip-config.ts';

/** What `/talk tips …` asks for. */
export type TipsCommand =
  | { readonly kind: 'show' }
  | {
      readonly kind: 'on';
      readonly cron: string;
      readonly description: string;
      /** The zone typed, or null to use the asker's own Slack time zone. */
      readonly timezone: string | null;
    }
  | { readonly kind: 'off' }
  | { readonly kind: 'pause'; readonly days: number }
  | { readonly kind: 'resume' }
  | { readonly kind: 'invalid'; readonly message: string };

const dayMs = 86_400_000;
/** The longest pause: a year; longer is what `off` is for. */
export const longestPauseDays = 365;

/** True when a `/talk` text is a `tips` command (and not a search for "tips and tricks"). */
export function isTipsCommand(text: string): boolean {
  return /^tips(\s+(on|off|pause|resume)\b.*)?$/i.test(text.trim());
}

/**
 * Reads the text after `/talk tips`: nothing (show the settings), `on [SCHEDULE] [TZ]`, `off`,
 * `pause 2w` (days `d`, weeks `w`, or `3 days`, `1 week`) or `resume`. A zone is the last word when it is an
 * IANA name (`Europe/Berlin`, `UTC`).
 */
export function parseTipsCommand(text: string): TipsCommand {
  const [, verb = '', rest = ''] = /^tips\s*(\S*)\s*(.*)$/is.exec(text.trim()) ?? [];
  switch (verb.toLowerCase()) {
    case '':
      return { kind: 'show' };
    case 'off':
      return rest === '' ? { kind: 'off' } : invalid(`\`/talk tips off\` takes nothing after it`);
    case 'resume':
      return { kind: 'resume' };
    case 'pause':
      return parsePause(rest);
    case 'on':
      return parseOn(rest);
    default:
      return invalid(`I do not know \`/talk tips ${verb}\`; try \`on\`, \`off\`, \`pause 2w\` or \`resume\``);
  }
}

function parseOn(rest: string): TipsCommand {
  const words = rest.split(/\s+/).filter((w) => w !== '');
  const last = words.at(-1);
  let timezone: string | null = null;
  if (last !== undefined && (last.includes('/') || /^(utc|gmt)$/i.test(last))) {
    timezone = /^(utc|gmt)$/i.test(last) ? 'UTC' : last;
    const problem = timezoneProblem(timezone);
    if (problem !== null) return invalid(problem);
    words.pop();
  }
  const parsed = parseScheduleWords(words.join(' '), timezone ?? 'UTC');
  if ('error' in parsed) return invalid(parsed.error);
  return { kind: 'on', cron: parsed.cron, description: parsed.description, timezone };
}

function parsePause(rest: string): TipsCommand {
  const m = /^(\d{1,3})\s*(d|days?|w|weeks?)$/i.exec(rest.trim());
  if (m === null) {
    return invalid('say how long to pause, in days or weeks: `/talk tips pause 2w`, `/talk tips pause 10d`');
  }
  const days = Number(m[1]) * ((m[2] ?? 'd').toLowerCase().startsWith('w') ? 7 : 1);
  if (days < 1 || days > longestPauseDays) {
    return invalid(`a pause lasts 1 to ${longestPauseDays} days; to stop tips, \`/talk tips off\``);
  }
  return { kind: 'pause', days };
}

/** When a pause of `days` days that starts at `now` ends. */
export function pauseEnd(now: Date, days: number): Date {
  return new Date(now.getTime() + days * dayMs);
}

function invalid(message: string): TipsCommand {
  return { kind: 'invalid', message };
}

/** The help line for tips commands, shown with a mistake. */
export const tipsCommandHelp = `\`/talk tips\` shows this channel's settings; \`/talk tips on [SCHEDULE] [TZ]\` (${scheduleExamples}; TZ such as Europe/Berlin), \`/talk tips off\`, \`/talk tips pause 2w\`, \`/talk tips resume\``;
