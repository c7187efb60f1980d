import { LIMITS } from './limits.ts';

/**
 * The JSON object a button's value holds, or null for anything else: a value arrives from Slack as the user's
 * client sent it, so it is checked, never trusted.
 */
export function buttonValueObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'string' || value.length > LIMITS.buttonValue) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  return parsed as Record<string, unknown>;
}

/** True for an offset into a list of results: a whole number, zero or more. */
export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
