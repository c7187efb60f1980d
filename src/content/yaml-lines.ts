// Most YAML front matter is a few `key: value` lines of quoted or plain strings, dates, booleans and
// lists of strings. Such lines are read here, giving exactly what gray-matter's js-yaml gives: its
// loader is a large share of a parse in a freshly started worker, where its code is still cold.
// Anything else (nested mappings, comments, escapes, anchors, block scalars, tabs, CRLF, a repeated
// key, a number or word YAML reads as something else...) returns null, and js-yaml reads the block.

/** The fields of a YAML block made only of simple `key: value` lines, as js-yaml gives them; else null. */
export function readSimpleYaml(block: string): Record<string, unknown> | null {
  if (block.includes('\r') || block.includes('\t') || nonPrintable.test(block)) return null;
  const data: Record<string, unknown> = {};
  const lines = block.split('\n');
  let fields = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (blankLine.test(line)) continue;
    const match = mapping.exec(line);
    if (!match) return null;
    const [, key = '', text = ''] = match;
    // A key such as `True` is read as a boolean, so names the field `true`: left to js-yaml.
    if (key === '__proto__' || readAsOther.test(key) || Object.hasOwn(data, key)) return null;
    fields++;
    if (text !== '') {
      const value = text.startsWith('[') ? flowList(text) : scalarOf(text);
      if (value === undefined) return null;
      data[key] = value;
      continue;
    }
    // An empty value: a block sequence on the lines below (all at one indentation), or null.
    const items: unknown[] = [];
    let indent: string | null = null;
    for (
      let item = sequenceItem.exec(lines[i + 1] ?? '');
      item;
      item = sequenceItem.exec(lines[i + 1] ?? '')
    ) {
      const [, itemIndent = '', itemText = ''] = item;
      if (indent !== null && itemIndent !== indent) return null;
      indent = itemIndent;
      const value = scalarOf(itemText);
      if (value === undefined) return null;
      items.push(value);
      i++;
    }
    data[key] = indent === null ? null : items;
  }
  return fields > 0 ? data : null;
}

// What js-yaml refuses anywhere in a document (and a little more: its error, or its reading, is left to it):
// control characters but the line feed, U+FFFE, U+FFFF and lone surrogates.
const nonPrintable = /[^\P{Cc}\n]|[\uFFFE\uFFFF]|\p{Cs}/u;
const blankLine = /^ *$/;
const mapping = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))? *$/;
const sequenceItem = /^( *)- +(.*?) *$/;
// Quoted strings with nothing to unescape and no control character (js-yaml refuses some).
const doubleQuoted = /^"([^"\\\p{Cc}]*)"$/u;
const singleQuoted = /^'([^'\p{Cc}]*)'$/u;
// A plain scalar that can only be a string: it opens with a letter (no indicator, number or date)
// and holds no `:`, `#` or flow punctuation; `true`, `null` and the like are told apart below.
const plainText = /^\p{L}[\p{L}\p{N} _.,'()/+-]*$/u;
const readAsOther = /^(?:true|false|null)$/i;
// Leading zeros are octal to js-yaml: left to it. Within the safe integers, so the number is exact.
const integer = /^(?:0|[1-9]\d{0,14})$/;
const day = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|([+-])(\d{2}):(\d{2}))$/;

function scalarOf(text: string): unknown {
  const quoted = doubleQuoted.exec(text) ?? singleQuoted.exec(text);
  if (quoted) return quoted[1];
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (plainText.test(text)) return readAsOther.test(text) ? undefined : text;
  if (integer.test(text)) return Number(text);
  return dateOf(text);
}

/** A date or an offset date-time, built as js-yaml builds it (so a month 13 rolls over, as there). */
function dateOf(text: string): Date | undefined {
  const date = day.exec(text);
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  const match = dateTime.exec(text);
  if (!match) return undefined;
  const [year, month, dayOfMonth, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const at = Date.UTC(year ?? 0, (month ?? 1) - 1, dayOfMonth, hour, minute, second, 0);
  const offset = match[7] ? (Number(match[8]) * 60 + Number(match[9])) * 60000 : 0;
  return new Date(match[7] === '-' ? at + offset : at - offset);
}

// One item of a flow sequence (`[a, "b"]`) and the comma after it, read from where the last one ended.
const flowItem = / *(?:"([^"\\\p{Cc}]*)"|'([^'\p{Cc}]*)'|(\p{L}[\p{L}\p{N} _.'()/+-]*?)) *(,|$)/uy;

/** A one-line flow sequence of strings; undefined for anything else (a trailing comma included). */
function flowList(text: string): unknown[] | undefined {
  if (!text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (blankLine.test(inner)) return [];
  const items: unknown[] = [];
  flowItem.lastIndex = 0;
  while (flowItem.lastIndex < inner.length) {
    const match = flowItem.exec(inner);
    if (!match) return undefined;
    const [, double, single, plain, comma] = match;
    if (plain !== undefined && readAsOther.test(plain)) return undefined;
    items.push(double ?? single ?? plain);
    if (comma === ',' && flowItem.lastIndex === inner.length) return undefined;
  }
  return items;
}
