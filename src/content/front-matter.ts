import matter from 'gray-matter';
import toml from 'toml';
import { impossibleDate } from './hugo.ts';
import { jsonError, quoteHint } from './syntax-errors.ts';
import { readSimpleToml } from './toml-lines.ts';
import { readSimpleYaml } from './yaml-lines.ts';

/** Front matter parsed from one file: its fields, the Markdown body, and where that body starts. */
export interface FrontMatter {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of the file on which the body starts, so body positions map back to file lines. */
  readonly bodyLine: number;
  readonly format: 'toml' | 'yaml' | 'json' | 'none';
}

/** Front matter that could not be read, with the 1-based file line where that is known. */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

interface Format {
  readonly name: 'toml' | 'yaml';
  readonly open: string;
  readonly close: string;
  readonly label: string;
}

const formats: readonly Format[] = [
  { name: 'toml', open: '+++', close: '+++', label: 'TOML' },
  { name: 'yaml', open: '---', close: '---', label: 'YAML' },
];

// gray-matter's typings leave out the engines it exports; its YAML one is js-yaml's safeLoad.
const grayMatterEngines = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } })
  .engines;
// Simple lines read here; beyond them, gray-matter's own YAML engine (its pinned js-yaml) and the toml package.
const engines: Readonly<Record<'toml' | 'yaml', (text: string) => unknown>> = {
  toml: (text) => readSimpleToml(text) ?? toml.parse(text),
  yaml: (text) => readSimpleYaml(text) ?? grayMatterEngines.yaml.parse(text),
};

/** Splits a Hugo content file into front matter (TOML `+++`, YAML `---` or JSON `{`) and body. */
export function parseFrontMatter(source: string): FrontMatter {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  // `{{<` opens a shortcode, not a JSON object: such a file has no front matter.
  if (text.startsWith('{') && !text.startsWith('{{')) return jsonFrontMatter(text);
  const format = formats.find((f) => firstLine(text).trimEnd() === f.open);
  if (!format) {
    if (/^(\+\+\+|---)/.test(text)) {
      throw new FrontMatterError(
        'the front matter fence must stand alone on the first line (`+++` or `---`)',
        1,
      );
    }
    return { data: {}, body: text, bodyLine: 1, format: 'none' };
  }
  if (!hasClosingFence(text, format.close)) {
    throw new FrontMatterError(
      `${format.label} front matter opened with \`${format.open}\` on line 1 is never closed: add a line holding only \`${format.close}\``,
      1,
    );
  }
  const { block, body } = splitFenced(text, format);
  let data: unknown;
  try {
    // A block of only comments is no front matter to parse: gray-matter's rule, kept.
    data = block.replace(/^\s*#[^\n]+/gm, '').trim() === '' ? {} : (engines[format.name](block) ?? {});
  } catch (error) {
    throw describeParseError(error, format, text);
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError(`${format.label} front matter must be a table of fields`, 2);
  }
  const bodyStart = text.length - body.length;
  return {
    data: data as Record<string, unknown>,
    body,
    bodyLine: countLines(text.slice(0, bodyStart)) + 1,
    format: format.name,
  };
}

/**
 * The block between the fences and the body after, split exactly as gray-matter splits them (the
 * first later line starting with the fence closes it; one line break after it is dropped). Done here
 * because gray-matter also copies each file into a Buffer and looks the whole text up in its cache,
 * which cost more than the split.
 */
function splitFenced(text: string, { open, close }: Format): { block: string; body: string } {
  // What follows the opening fence on line 1 is white space (the caller checked): part of the block, as in gray-matter.
  const rest = text.slice(open.length);
  const end = rest.indexOf(`\n${close}`);
  if (end === -1) return { block: rest, body: '' };
  let body = rest.slice(end + 1 + close.length);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  return { block: rest.slice(0, end), body };
}

/**
 * Hugo's JSON front matter: a JSON object at the top of the file, its own braces the fence, so it
 * may open with `{ "title": …` on the first line and close mid-line. The body follows the object.
 */
function jsonFrontMatter(text: string): FrontMatter {
  const end = objectEnd(text);
  if (end === -1) {
    throw new FrontMatterError(
      'JSON front matter opened with `{` on line 1 is never closed: end the object with a matching `}`',
      1,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.slice(0, end + 1));
  } catch (error) {
    const located = jsonError(error, text.slice(0, end + 1));
    throw new FrontMatterError(
      located.message.replace(/^invalid JSON/, 'invalid JSON front matter'),
      located.line,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new FrontMatterError('JSON front matter must be an object of fields', 1);
  }
  const rest = text.slice(end + 1);
  const body = rest.replace(/^[ \t]*\r?\n/, '');
  return {
    data: data as Record<string, unknown>,
    body,
    bodyLine: countLines(text.slice(0, text.length - body.length)) + 1,
    format: 'json',
  };
}

/** The index of the `}` closing the object that opens the text, strings skipped; -1 when it never closes. */
function objectEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The 1-based file line on which a front matter field is set, or null when it is not found. */
export function fieldLine(source: string, field: string, bodyLine: number): number | null {
  const lines = source.split('\n', bodyLine);
  const pattern = new RegExp(`^\\s*["']?${field}["']?\\s*[:=]`, 'i');
  const index = lines.findIndex((line) => pattern.test(line));
  return index === -1 ? null : index + 1;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

function hasClosingFence(text: string, close: string): boolean {
  // A later line holding only the fence (trailing white space allowed), found without splitting the file.
  for (let at = text.indexOf(`\n${close}`); at !== -1; at = text.indexOf(`\n${close}`, at + 1)) {
    const end = text.indexOf('\n', at + 1);
    if (text.slice(at + 1 + close.length, end === -1 ? undefined : end).trim() === '') return true;
  }
  return false;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Turns an engine's error into a message a writer can act on, with the file line where the engine gave one. */
function describeParseError(error: unknown, format: Format, text: string): FrontMatterError {
  // The block handed to an engine starts right after the opening fence, on file line 1.
  const e = error as {
    message?: string;
    location?: { start?: { line?: number } };
    found?: string | null;
    mark?: { line?: number };
    reason?: string;
  };
  if (format.name === 'toml' && e.location?.start?.line !== undefined) {
    const found = e.found === null || e.found === undefined ? 'end of input' : JSON.stringify(e.found);
    return new FrontMatterError(
      `invalid TOML front matter: unexpected ${found} (is a quote or bracket left open above it?)`,
      e.location.start.line,
    );
  }
  if (format.name === 'toml' && /date/i.test(e.message ?? '')) {
    // The toml package refuses 2026-13-45 without saying where: the line is the one holding it.
    const lines = text.split('\n');
    const at = lines.findIndex((line) => impossibleDate(line) !== null);
    const written = at === -1 ? null : impossibleDate(lines[at] ?? '');
    if (written)
      return new FrontMatterError(`invalid TOML front matter: "${written}" is not a real date`, at + 1);
  }
  if (format.name === 'yaml' && e.mark?.line !== undefined) {
    const line = e.mark.line + 1;
    const hint = quoteHint(text.split('\n')[line - 1] ?? '') ?? quoteHint(text.split('\n')[line - 2] ?? '');
    return new FrontMatterError(
      `invalid YAML front matter: ${e.reason ?? 'syntax error'}${hint ?? ''}`,
      hint && !quoteHint(text.split('\n')[line - 1] ?? '') ? line - 1 : line,
    );
  }
  return new FrontMatterError(`invalid ${format.label} front matter: ${e.message ?? String(error)}`, null);
}
