import toml from 'toml';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ConfigFileError, jsonError, quoteHint } from './syntax-errors.ts';

export { ConfigFileError };

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
      throw yamlError(error, text);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonError(error, text);
  }
}

/** A YAML error as a writer can act on it: its line, and for `title: Pony: the good parts` the fix (quote it). */
function yamlError(error: YAMLParseError, text: string): ConfigFileError {
  const line = error.linePos?.[0]?.line ?? null;
  const summary = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
  const hint = line === null ? null : quoteHint(text.split('\n')[line - 1] ?? '');
  return new ConfigFileError(`invalid YAML: ${summary}${hint ?? ''}`, line);
}
