import type { Environment } from '../config.ts';
import { ConfigError } from '../config-error.ts';

/** Looks a variable up by name: its value trimmed, null when unset or blank. */
export type VariableReader = (name: string) => string | null;

/** A variable's value, trimmed; null when unset or blank. */
export function reader(env: Environment): VariableReader {
  return (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
}

/** An http(s) URL in full, with or without a trailing slash as the caller wants; a bad one is a ConfigError naming `name`. */
export function httpUrl(value: string | null, name: string, trailingSlash: boolean): string | null {
  if (value === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL; write it in full, e.g. https://example.com/`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(name, 'must be an http:// or https:// URL');
  }
  const text = parsed.toString();
  return trailingSlash ? (text.endsWith('/') ? text : `${text}/`) : text.replace(/\/+$/, '');
}
