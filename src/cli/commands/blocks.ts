import type { ContentConfig } from '../../config.ts';
import { answerQuery } from '../../slack/answer-query.ts';
import { contentOptions, parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import { contentFlags, loadExistingLibrary } from '../library-loader.ts';
import type { CommandIO } from './io.ts';

/** Usage of `talkbot blocks`. */
export const blocksUsage = `Usage: talkbot blocks [--content DIR] QUERY...

Prints the exact message payload ({"text", "blocks"}) that /talk QUERY would send,
ready to paste into Slack's Block Kit Builder. The words of QUERY form one query.

  --content DIR  the Hugo content folder (default: $CONTENT_DIR or ./content)
  --drafts       include draft posts      --future  include future-dated posts`;

/** `talkbot blocks`: the Block Kit payload of an answer, as JSON. */
export async function blocksCommand(
  argv: readonly string[],
  config: ContentConfig,
  io: CommandIO,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, contentOptions, blocksUsage);
  if (values.help) {
    io.out(`${blocksUsage}\n`);
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('give a query, e.g. talkbot blocks "testing distributed"', blocksUsage);
  const library = await loadExistingLibrary(contentFlags(values, config, io));
  const message = answerQuery(library, positionals.join(' '), { ephemeral: true });
  io.out(`${JSON.stringify(message, null, 2)}\n`);
  return 0;
}
