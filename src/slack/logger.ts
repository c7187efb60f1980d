import type { Logger, LogLevel } from '@slack/bolt';
import type { LogFormat, LogLevelName } from '../config.ts';

// Levels by name: Bolt's LogLevel enum holds the same strings, but importing it would load all of Bolt
// with the logger, long before the app needs it (startup loads the content meanwhile).
const order: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/**
 * A Bolt-compatible logger that writes one line per message to standard error and replaces every
 * configured secret (tokens, signing secret, database password) with `[redacted]`, whatever a library
 * chose to log. With the `json` format each line is one object (`time`, `level`, `name`, `msg`).
 */
export class RedactingLogger implements Logger {
  #level: LogLevelName;
  #name = 'talkbot';
  readonly #secrets: readonly string[];
  readonly #write: (line: string) => void;
  readonly #format: LogFormat;

  constructor(
    level: LogLevelName,
    secrets: readonly (string | null | undefined)[],
    write: (line: string) => void = (line) => {
      process.stderr.write(line);
    },
    format: LogFormat = 'text',
  ) {
    this.#format = format;
    this.#level = level;
    // Short values could match innocent text; real tokens and secrets are far longer.
    const kept = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
    // Objects are logged as JSON, where a secret holding a quote or backslash appears escaped: both forms go.
    this.#secrets = [...new Set(kept.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))];
    this.#write = write;
  }

  debug(...msg: unknown[]): void {
    this.#log('debug', msg);
  }
  info(...msg: unknown[]): void {
    this.#log('info', msg);
  }
  warn(...msg: unknown[]): void {
    this.#log('warn', msg);
  }
  error(...msg: unknown[]): void {
    this.#log('error', msg);
  }
  setLevel(level: LogLevel): void {
    this.#level = level;
  }
  getLevel(): LogLevel {
    return this.#level as LogLevel;
  }
  setName(name: string): void {
    this.#name = name;
  }

  #log(level: LogLevelName, msg: readonly unknown[]): void {
    if (order.indexOf(level) < order.indexOf(this.#level)) return;
    let text = msg.map(describe).join(' ');
    // Redacted before any encoding, so a secret JSON would escape cannot slip through in its escaped form.
    for (const secret of this.#secrets) text = text.replaceAll(secret, '[redacted]');
    const time = new Date().toISOString();
    this.#write(
      this.#format === 'json'
        ? `${JSON.stringify({ time, level, name: this.#name, msg: text })}\n`
        : `${time} ${level.toUpperCase()} [${this.#name}] ${text}\n`,
    );
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
