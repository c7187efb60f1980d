import type { CommandIO } from './io.ts';

/** `talkbot tip`: placeholder until reading tips land. */
export async function tipCommand(_argv: readonly string[], io: CommandIO): Promise<number> {
  io.err('talkbot tip: reading tips are not available yet\n');
  return 1;
}
