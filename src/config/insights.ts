import type { Environment, InsightsConfig } from '../config.ts';
import { ConfigError } from '../config-error.ts';
import { reader } from './values.ts';

/** The longest retention `INSIGHTS_DAYS` allows: ten years. */
const maxInsightDays = 3650;

/** Reads `INSIGHTS_DAYS`, `TALKBOT_ADMINS` and `FEEDBACK_BUTTONS`; a bad value is a ConfigError naming it. */
export function readInsightsConfig(env: Environment): InsightsConfig {
  const get = reader(env);
  const daysText = get('INSIGHTS_DAYS');
  const days = daysText === null ? 90 : Number(daysText);
  if (!Number.isInteger(days) || days < 1 || days > maxInsightDays) {
    throw new ConfigError(
      'INSIGHTS_DAYS',
      `"${daysText}" is not a number of days from 1 to ${maxInsightDays}; e.g. 90`,
    );
  }
  const admins = (get('TALKBOT_ADMINS') ?? '').split(/[\s,]+/).filter((id) => id !== '');
  const bad = admins.find((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
  if (bad !== undefined) {
    throw new ConfigError(
      'TALKBOT_ADMINS',
      `"${bad}" is not a Slack user ID; list IDs such as U0123ABCD, separated by commas (a profile's ⋮ menu → Copy member ID)`,
    );
  }
  const style = get('FEEDBACK_BUTTONS') ?? 'element';
  if (style !== 'element' && style !== 'buttons') {
    throw new ConfigError(
      'FEEDBACK_BUTTONS',
      `"${style}" is neither "element" (Slack's feedback buttons) nor "buttons"`,
    );
  }
  return { days, admins, feedbackStyle: style };
}
