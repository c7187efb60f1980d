import type { ContentConfig } from '../../config.ts';
import type { CommandIO } from './io.ts';

/** `talkbot blocks`: placeholder until the Slack renderers land. */
export async function blocksCommand(
  _argv: readonly string[],
  _config: ContentConfig,
  io: CommandIO,
): Promise<number> {
  io.err('talkbot blocks: not available yet\n');
  return 1;
}
