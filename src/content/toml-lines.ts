// Most TOML front matter is a few `key = value` lines of strings, dates, booleans and lists of
// strings. The toml package's parser (a generated PEG parser) is a large share of a parse, most of
// all in a freshly started worker, where its code is still cold; such lines are read here instead,
// giving exactly what it gives. Anything else (tables, escapes, comments, numbers with signs or
// underscores, CRLF line ends, a repeated key...) returns null, and the toml package reads the block.

/** The fields of a TOML block made only of simple `key = value` lines, as the toml package gives them; else null. */
export function readSimpleToml(block: string): Record<string, unknown> | null {
  if (block.includes('\r')) return null;
  // The toml package's tables have no prototype: so have these.
  const data: Record<string, unknown> = Object.create(null);
  let from = 0;
  while (from <= block.length) {
    const end = block.indexOf('\n', from);
    const line = block.slice(from, end === -1 ? undefined : end);
    from = end === -1 ? block.length + 1 : end + 1;
    if (blankLine.test(line)) continue;
    const match = assignment.exec(line);
    if (!match) return null;
    const [, key = '', text = ''] = match;
    if (key in data) return null;
    const value = tomlValue(text);
    if (value === undefined) return null;
    data[key] = value;
  }
  return data;
}

const blankLine = /^[ \t]*$/;
const assignment = /^[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(.*?)[ \t]*$/;
// A basic string with nothing to unescape and no control character (some TOML refuses; the rest are left to it).
const plainString = /^"([^"\\\p{Cc}]*)"$/u;
const stringList = /^\[[ \t]*(?:"[^"\\\p{Cc}]*"[ \t]*(?:,[ \t]*"[^"\\\p{Cc}]*"[ \t]*)*)?\]$/u;
const listItem = /"([^"\\\p{Cc}]*)"/gu;
const offsetDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-](\d{2}):(\d{2}))$/;
// Within the safe integers, so the toml package gives the same number (it refuses larger ones).
const integer = /^(?:0|[1-9]\d{0,14})$/;

function tomlValue(text: string): unknown {
  const string = plainString.exec(text);
  if (string) return string[1];
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith('[')) {
    if (!stringList.test(text)) return undefined;
    return Array.from(text.matchAll(listItem), (item) => item[1]);
  }
  if (integer.test(text)) return Number(text);
  return dateOf(text);
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An offset date-time the toml package accepts, as the Date it makes of it; else undefined. */
function dateOf(text: string): Date | undefined {
  const match = offsetDateTime.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const [offsetHour = 0, offsetMinute = 0] = match[7] === 'Z' ? [] : [Number(match[8]), Number(match[9])];
  const leap = year !== undefined && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  const lastDay = month === 2 && leap ? 29 : (daysInMonth[(month ?? 0) - 1] ?? 0);
  // Out of range, the toml package throws its own error: that is left to it.
  if (day === undefined || day < 1 || day > lastDay) return undefined;
  if ((hour ?? 24) > 23 || (minute ?? 60) > 59 || (second ?? 60) > 59) return undefined;
  if (offsetHour > 23 || offsetMinute > 59) return undefined;
  return new Date(text);
}
