import type { Environment, TipConfig } from '../config.ts';
import { ConfigError } from '../config-error.ts';
import {
  defaultTipSchedule,
  defaultTipSeed,
  defaultTipTimezone,
  type TipSettings,
  tipSettingsProblem,
} from '../tips/tip-config.ts';
import { reader } from './values.ts';

/** The environment variable behind each tip setting, so an error names what the user set. */
export const tipVariables = {
  schedule: 'TIP_SCHEDULE',
  timezone: 'TIP_TIMEZONE',
  seed: 'TIP_SEED',
} as const satisfies Record<keyof TipSettings, string>;

/** Tip settings given some other way than the environment (`talkbot tip`'s flags); undefined where not given. */
export type TipSettingValues = { readonly [K in keyof TipSettings]?: string | undefined };

/**
 * The tip settings as set in the environment (`TIP_SCHEDULE`, `TIP_TIMEZONE`, `TIP_SEED`), each replaced by
 * `chosen` where given, unchecked: `talkbot tip`'s flags override them, then check the result.
 */
export function tipSettingsFrom(env: Environment, chosen: TipSettingValues = {}): TipSettings {
  const get = reader(env);
  return {
    schedule: chosen.schedule ?? get(tipVariables.schedule) ?? defaultTipSchedule,
    timezone: chosen.timezone ?? get(tipVariables.timezone) ?? defaultTipTimezone,
    seed: chosen.seed ?? get(tipVariables.seed) ?? defaultTipSeed,
  };
}

/** Reads and checks `TIP_SCHEDULE`, `TIP_TIMEZONE` and `TIP_SEED`; a bad value is a ConfigError naming it. */
export function readTipSettings(env: Environment): TipSettings {
  const settings = tipSettingsFrom(env);
  const problem = tipSettingsProblem(settings);
  if (problem !== null) throw new ConfigError(tipVariables[problem.setting], problem.reason);
  return settings;
}

/** `TIP_CHANNEL` with the checked settings: the schedule that posts, or null when no channel is set. */
export function readTipChannel(channel: string | null, settings: TipSettings): TipConfig | null {
  if (channel === null) return null;
  if (!/^[CGD][A-Z0-9]{2,}$/.test(channel)) {
    throw new ConfigError(
      'TIP_CHANNEL',
      `"${channel}" is not a channel ID; copy the ID (C…) from the channel's details in Slack`,
    );
  }
  return { channel, ...settings };
}
