// What the parsers' errors say, turned into messages a writer can act on. No parser is loaded
// here: parse workers use this without loading the configuration's YAML parser.

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

/** For a YAML line whose unquoted value holds `: ` (`title: Pony: the good parts`), how to fix it; else null. */
export function quoteHint(source: string): string | null {
  const colonValue = /^\s*(?:-\s+)?([\w.-]+):\s+([^'"\s|>].*:\s.*)$/.exec(source);
  if (!colonValue) return null;
  const [, key, value = ''] = colonValue;
  return `: the value of \`${key}\` holds ": "; put it in quotes, e.g. ${key}: "${value.trim().replace(/"/g, '\\"')}"`;
}

/** A JSON error with its line and column (the engine gives a character position, or a snippet). */
export function jsonError(error: unknown, text: string): ConfigFileError {
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
    `invalid JSON: ${summary || 'syntax error'} at line ${line}, column ${column}`,
    line,
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
