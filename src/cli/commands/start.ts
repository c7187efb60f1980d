import { readContentConfig } from '../../config.ts';
import { askCommand } from './ask.ts';
import type { CommandIO } from './io.ts';

/** `talkbot start`: until the Slack app lands, an interactive `ask` loop on standard input. */
export async function startCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  return askCommand(argv, readContentConfig(io.env), io);
}
