/** A front matter date that Hugo would refuse, said plainly. */
export class DateError extends Error {
  override readonly name = 'DateError';
}

/**
 * Reads a front matter date as Hugo does: TOML/YAML datetimes arrive as Date, strings may be
 * RFC 3339, a plain `YYYY-MM-DD`, or `YYYY-MM-DD hh:mm[:ss]`; a date without a zone is taken as UTC
 * (Hugo's default site time zone).
 */
export function readHugoDate(value: unknown, field: string): Date | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DateError(`\`${field}\` is not a valid date`);
    return value;
  }
  if (typeof value !== 'string') {
    throw new DateError(
      `\`${field}\` must be a date such as "2016-10-06T10:20:46-05:00", not ${typeof value}`,
    );
  }
  const text = value.trim();
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) {
    throw new DateError(
      `\`${field}\` is "${text}", which is not a date Hugo reads: use "2016-10-06T10:20:46-05:00"`,
    );
  }
  const [, day, time = '00:00:00', zone = 'Z'] = match;
  const normalZone = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${normalZone}`);
  if (Number.isNaN(date.getTime()))
    throw new DateError(`\`${field}\` is "${text}", which is not a real date`);
  return date;
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The `YYYY-MM-DD` written on a front matter line when it is no real day (month 13, February 30):
 * YAML and TOML parsers roll such a date over into a later one, where Hugo refuses it. Null otherwise.
 */
export function impossibleDate(line: string): string | null {
  const match = /(\d{4})-(\d{2})-(\d{2})/.exec(line);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && !leap ? 28 : (daysInMonth[month - 1] ?? 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= last ? null : match[0];
}

/** Whether any `YYYY-MM-DD` in the text is no real day (see `impossibleDate`). */
export function hasImpossibleDate(text: string): boolean {
  for (const match of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) if (impossibleDate(match[0])) return true;
  return false;
}
