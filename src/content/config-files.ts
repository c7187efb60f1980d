import toml from 'toml';
import { parse as parseYaml, YAMLParseError } from 'yaml';

/** A configuration file that could not be read, with the 1-based line where the parser knows it. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

/** The formats Hugo reads configuration in, by file extension. */
export type ConfigFormat = 'toml' | 'yaml' | 'json';

/** The format of a configuration file from its name, or null when Hugo would not read it. */
export function configFormat(fileName: string): ConfigFormat | null {
  const extension = /\.(toml|ya?ml|json)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'toml' || extension === 'json') return extension;
  return extension === 'yaml' || extension === 'yml' ? 'yaml' : null;
}

/** Parses one configuration file's text into a table; throws ConfigFileError with a line a writer can find. */
export function parseConfigText(text: string, format: ConfigFormat): Record<string, unknown> {
  const data = parseAny(text.startsWith('\uFEFF') ? text.slice(1) : text, format);
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ConfigFileError('must hold a table of settings at its top level', 1);
  return data as Record<string, unknown>;
}

function parseAny(text: string, format: ConfigFormat): unknown {
  if (format === 'toml') {
    try {
      return toml.parse(text);
    } catch (error) {
      const e = error as { location?: { start?: { line?: number } }; found?: string | null };
      const found = e.found === null || e.found === undefined ? 'end of input' : JSON.stringify(e.found);
      throw new ConfigFileError(
        `invalid TOML: unexpected ${found} (is a quote or bracket left open above it?)`,
        e.location?.start?.line ?? null,
      );
    }
  }
  if (format === 'yaml') {
    try {
      return parseYaml(text);
    } catch (error) {
      if (!(error instanceof YAMLParseError)) throw error;
      throw yamlError(error, text, 0);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonError(error, text, 0);
  }
}

/**
 * A YAML error as a writer can act on it: its line (moved by `lineOffset`, the lines before the text),
 * and for the commonest slip (`title: Pony: the good parts`) the fix: quote the value.
 */
export function yamlError(error: YAMLParseError, text: string, lineOffset: number): ConfigFileError {
  const line = error.linePos?.[0]?.line ?? null;
  const summary = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
  const hint = line === null ? null : quoteHint(text.split('\n')[line - 1] ?? '');
  return new ConfigFileError(
    `invalid YAML: ${summary}${hint ?? ''}`,
    line === null ? null : line + lineOffset,
  );
}

/** For a YAML line whose unquoted value holds `: ` (`title: Pony: the good parts`), how to fix it; else null. */
export function quoteHint(source: string): string | null {
  const colonValue = /^\s*(?:-\s+)?([\w.-]+):\s+([^'"\s|>].*:\s.*)$/.exec(source);
  if (!colonValue) return null;
  const [, key, value = ''] = colonValue;
  return `: the value of \`${key}\` holds ": "; put it in quotes, e.g. ${key}: "${value.trim().replace(/"/g, '\\"')}"`;
}

/** A JSON error with its line and column (the engine gives a character position, or a snippet). */
export function jsonError(error: unknown, text: string, lineOffset: number): ConfigFileError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const at = position === undefined ? snippetPosition(message, text) : Number(position);
  const summary = message
    .replace(/\s*(?:in JSON )?at position \d+.*$/, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '');
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return new ConfigFileError(
    `invalid JSON: ${summary || 'syntax error'} at line ${line + lineOffset}, column ${column}`,
    line + lineOffset,
  );
}

/**
 * Where V8's "Unexpected token 'x', …"snippet"… is not valid JSON" points: it quotes about ten
 * characters either side of the token instead of giving a position. The end of the text when unknown.
 */
function snippetPosition(message: string, text: string): number {
  const m = /Unexpected token '(.)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!m) return text.length;
  const [, token = '', cut, snippet = ''] = m;
  const start = text.indexOf(snippet);
  if (start === -1) return text.length;
  const inSnippet = cut ? Math.min(10, snippet.length - 1) : snippet.indexOf(token);
  return start + Math.max(0, inSnippet);
}
