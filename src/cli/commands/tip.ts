import {
  ConfigError,
  type Environment,
  readContentConfig,
  type TipSettingValues,
  tipSettingsFrom,
  tipVariables,
} from '../../config.ts';
import { kindLabel } from '../../slack/blocks/kind-label.ts';
import { defaultTipAnchor, pickTip, type Tip, type TipOptions } from '../../tips/pick-tip.ts';
import { utcOffset, wallFormat } from '../../tips/slot-clock.ts';
import { type TipSettings, tipSettingsProblem } from '../../tips/tip-config.ts';
import { contentOptions, parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import { contentFlags, loadExistingLibrary, resolveContent } from '../library-loader.ts';
import type { CommandIO } from './io.ts';

/** Usage of `talkbot tip`. */
export const tipUsage = `Usage: talkbot tip [--content DIR] [--at TIME] [--json] [--schedule CRON] [--timezone TZ] [--seed S] [--channel C]

Prints the reading tip the schedule posts at TIME: the tip of its run at or just before TIME.

  --at TIME        when (default: now), in ISO 8601: 2026-03-02T09:00:00+01:00; without an offset
                   (2026-03-02T09:00) the time is read in the schedule's zone; a date alone
                   (2026-03-02) means the last run of that day
  --json           print {"at", "round", "position", "resource": {title, url, kind, section},
                   "post": {slug, title, url}}
  --schedule CRON  the schedule (default: $TIP_SCHEDULE or "0 9 * * 1-5", weekdays at 09:00)
  --timezone TZ    its IANA time zone (default: $TIP_TIMEZONE or UTC)
  --seed S         the shuffle seed (default: $TIP_SEED or "talkbot")
  --channel C      the tip channel C (an ID, C…) posts: each channel has its own round
                   (default: $TIP_CHANNEL)
  --content DIR    the Hugo content folder (default: $CONTENT_DIR or ./content)
  --drafts         include draft posts      --future  include future-dated posts`;

/** `talkbot tip`: the tip the schedule posts at a time, as text or JSON. */
export async function tipCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      ...contentOptions,
      at: { type: 'string' },
      json: { type: 'boolean', default: false },
      schedule: { type: 'string' },
      timezone: { type: 'string' },
      seed: { type: 'string' },
      channel: { type: 'string' },
    },
    tipUsage,
  );
  if (values.help) {
    io.out(`${tipUsage}\n`);
    return 0;
  }
  const settings = tipSettings(io.env, {
    schedule: values.schedule,
    timezone: values.timezone,
    seed: values.seed,
  });
  const at = values.at === undefined ? new Date() : parseTime(values.at, settings.timezone);
  if (at === null) {
    io.err(
      `talkbot tip: --at "${values.at}" is not a time; write it in ISO 8601, e.g. 2026-03-02T09:00:00+01:00, 2026-03-02T09:00 (in the schedule's zone) or 2026-03-02\n`,
    );
    return 2;
  }

  const channel = values.channel?.trim() || io.env.TIP_CHANNEL?.trim() || null;
  if (channel !== null && !channelIdPattern.test(channel)) {
    throw new UsageError(
      `--channel: "${channel}" is not a channel ID; copy it from the channel's details in Slack (C0123ABCDEF)`,
      tipUsage,
    );
  }
  const content = readContentConfig(io.env);
  // Resolved first: the site's own `baseURL` counts when SITE_BASE_URL is unset, so its links are no tips.
  const flags = await resolveContent(contentFlags(values, content, io));
  const library = await loadExistingLibrary(flags);
  const options: TipOptions = { ...settings, channel, siteBaseUrl: flags.siteBaseUrl };
  const tip = pickTip(library, at, options);
  if (values.json) io.out(`${JSON.stringify(tipToJson(tip, at), null, 2)}\n`);
  else io.out(tip === null ? '' : renderTipText(tip, settings.timezone));
  if (tip === null) {
    io.err(
      `talkbot tip: no tip at ${at.toISOString()}: the schedule has not run since ${defaultTipAnchor.toISOString()}, or the content has no resource worth a tip (profiles and links to the blog itself are left out)\n`,
    );
    return 1;
  }
  return 0;
}

/** A Slack conversation ID: public (C), private (G) or direct (D), then letters and digits. */
const channelIdPattern = /^[CGD][A-Z0-9]{2,}$/;

const flagOf = { schedule: '--schedule', timezone: '--timezone', seed: '--seed' } as const;

/**
 * Tip settings from the environment, each overridden by its flag; a bad value is a UsageError naming the
 * flag when a flag gave it, else a ConfigError naming the variable.
 */
function tipSettings(env: Environment, flags: TipSettingValues): TipSettings {
  const settings = tipSettingsFrom(env, flags);
  const problem = tipSettingsProblem(settings);
  if (problem === null) return settings;
  if (flags[problem.setting] !== undefined) {
    throw new UsageError(`${flagOf[problem.setting]}: ${problem.reason}`, tipUsage);
  }
  throw new ConfigError(tipVariables[problem.setting], problem.reason);
}

/** The tip as `talkbot tip --json` prints it; every field null when there is no tip. */
export function tipToJson(tip: Tip | null, at: Date) {
  if (tip === null) return { at: at.toISOString(), round: null, position: null, resource: null, post: null };
  const { resource, citation } = tip;
  return {
    at: tip.at.toISOString(),
    round: tip.round,
    position: tip.position,
    resource: { title: resource.title, url: resource.url, kind: resource.kind, section: citation.section },
    post: { slug: citation.post.slug, title: citation.post.title, url: citation.post.url },
  };
}

/** A readable rendering of a tip: what the channel would see, without Slack's formatting. */
export function renderTipText(tip: Tip, timezone: string): string {
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(tip.at);
  const { resource, citation } = tip;
  const from = citation.section
    ? `From "${citation.section}" in ${citation.post.title}`
    : `From ${citation.post.title}`;
  const lines = [
    `Reading tip for ${when} (${timezone}), round ${tip.round}, tip ${tip.position + 1} of ${tip.roundLength}:`,
    '',
    `  ${resource.title} [${kindLabel(resource.kind).word}]`,
    `  ${resource.url}`,
    `  ${from}`,
  ];
  if (citation.post.url) lines.push(`  ${citation.post.url}`);
  return `${lines.join('\n')}\n`;
}

const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const wallTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Reads `--at`: ISO 8601 with an offset as it is; without one, as wall-clock time in the schedule's zone;
 * a date alone as the end of that day there. Null when it is not such a time.
 */
export function parseTime(text: string, timezone: string): Date | null {
  const value = text.trim();
  if (value === 'now') return new Date();
  if (withOffset.test(value)) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : new Date(t);
  }
  const m = wallTime.exec(value);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s] = m.map((part) => (part === undefined ? undefined : Number(part)));
  const dateOnly = h === undefined;
  const wall = Date.UTC(
    y ?? 0,
    (mo ?? 1) - 1,
    d ?? 1,
    dateOnly ? 23 : (h ?? 0),
    dateOnly ? 59 : (mi ?? 0),
    dateOnly ? 59 : (s ?? 0),
    dateOnly ? 999 : Number((m[7] ?? '0').padEnd(3, '0')),
  );
  // Date.UTC rolls 2026-02-31 over into March: a date that does not exist is a mistake, not a time.
  const check = new Date(wall);
  if (
    check.getUTCMonth() !== (mo ?? 1) - 1 ||
    check.getUTCDate() !== d ||
    (h ?? 0) > 23 ||
    (mi ?? 0) > 59 ||
    (s ?? 0) > 59
  )
    return null;
  const format = wallFormat(timezone);
  const guess = wall - utcOffset(format, wall);
  return new Date(wall - utcOffset(format, guess));
}
