import type { types } from '@slack/bolt';
import { plainText, section } from './parts.ts';

/** The modal's callback id, and its blocks' ids, for the view_submission listener. */
export const TIPS_MODAL = {
  callbackId: 'tips_set_up',
  days: 'tips_days',
  time: 'tips_time',
  timezone: 'tips_timezone',
} as const;

const dayOptions = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['0', 'Sunday'],
] as const;

/** Zones offered besides the user's own and the channel's current one: one per populated offset, roughly. */
const commonZones = [
  'UTC',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Toronto',
  'America/Mexico_City',
  'America/Bogota',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Atlantic/Reykjavik',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Europe/Kyiv',
  'Europe/Moscow',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/** What the modal starts with: the channel's current settings, or weekdays at 09:00 in the user's own zone. */
export interface TipsModalInput {
  readonly channel: string;
  readonly days: readonly number[];
  readonly hour: number;
  readonly minute: number;
  readonly timezone: string;
}

/** The Set up tips modal: days of the week, a time, a time zone; `private_metadata` carries the channel. */
export function renderTipsModal(input: TipsModalInput): types.ModalView {
  const zones = [...new Set([input.timezone, ...commonZones])].slice(0, 100);
  const option = (text: string, value: string) => ({ text: plainText(text), value });
  const days = dayOptions.map(([value, text]) => option(text, value));
  const chosen = days.filter((d) => input.days.includes(Number(d.value)));
  const time = `${String(input.hour).padStart(2, '0')}:${String(input.minute).padStart(2, '0')}`;
  return {
    type: 'modal',
    callback_id: TIPS_MODAL.callbackId,
    private_metadata: input.channel,
    title: plainText('Reading tips'),
    submit: plainText('Save'),
    close: plainText('Cancel'),
    blocks: [
      section(
        'One resource worth reading from the blog, posted in this channel on the days and at the time you pick.',
      ),
      {
        type: 'input',
        block_id: TIPS_MODAL.days,
        label: plainText('Days of the week'),
        element: {
          type: 'checkboxes',
          action_id: TIPS_MODAL.days,
          options: days,
          ...(chosen.length > 0 ? { initial_options: chosen } : {}),
        },
      },
      {
        type: 'input',
        block_id: TIPS_MODAL.time,
        label: plainText('Time'),
        element: { type: 'timepicker', action_id: TIPS_MODAL.time, initial_time: time },
      },
      {
        type: 'input',
        block_id: TIPS_MODAL.timezone,
        label: plainText('Time zone'),
        element: {
          type: 'static_select',
          action_id: TIPS_MODAL.timezone,
          options: zones.map((z) => option(z, z)),
          initial_option: option(input.timezone, input.timezone),
        },
      },
    ],
  };
}

/** What a submitted modal asks for, or the errors to show next to its inputs (by block id). */
export type TipsModalResult =
  | {
      readonly ok: true;
      readonly days: number[];
      readonly hour: number;
      readonly minute: number;
      readonly timezone: string;
    }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** Reads a submission's `state.values` as Slack sends them (checkboxes, timepicker, static_select). */
export function readTipsModal(values: unknown): TipsModalResult {
  const state = (values ?? {}) as Record<string, Record<string, Record<string, unknown>> | undefined>;
  const field = (block: string) => state[block]?.[block];
  const errors: Record<string, string> = {};
  const selected = field(TIPS_MODAL.days)?.selected_options;
  const days = (Array.isArray(selected) ? selected : [])
    .map((o) => Number((o as { value?: unknown }).value))
    .filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  if (days.length === 0) errors[TIPS_MODAL.days] = 'Pick at least one day.';
  const time = field(TIPS_MODAL.time)?.selected_time;
  const m = typeof time === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time) : null;
  if (m === null) errors[TIPS_MODAL.time] = 'Pick a time.';
  const zone = (field(TIPS_MODAL.timezone)?.selected_option as { value?: unknown } | undefined)?.value;
  if (typeof zone !== 'string' || zone === '') errors[TIPS_MODAL.timezone] = 'Pick a time zone.';
  if (Object.keys(errors).length > 0 || m === null || typeof zone !== 'string') return { ok: false, errors };
  return { ok: true, days, hour: Number(m[1]), minute: Number(m[2]), timezone: zone };
}
