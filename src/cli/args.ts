import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The shared `--content`, `--drafts` and `--future` flags of every command that reads content. */
export const contentOptions = {
  content: { type: 'string' },
  drafts: { type: 'boolean', default: false },
  future: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** Parses a command's arguments, turning every mistake into a UsageError that carries the usage text. */
export function parseCommandArgs<const O extends Options>(
  argv: readonly string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

/** Reads a flag that must be a positive whole number. */
export function positiveInteger(
  value: string | undefined,
  flag: string,
  fallback: number,
  usage: string,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a whole number of at least 1, not "${value}"`, usage);
  return n;
}
