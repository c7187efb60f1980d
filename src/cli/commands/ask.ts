import { createInterface } from 'node:readline';
import type { ContentConfig } from '../../config.ts';
import type { Library } from '../../search/library.ts';
import { QueryError } from '../../search/query.ts';
import { contentOptions, parseCommandArgs, positiveInteger } from '../args.ts';
import { hitToJson } from '../json.ts';
import { contentFlags, loadExistingLibrary } from '../library-loader.ts';
import { renderAnswerText } from '../text.ts';
import type { CommandIO } from './io.ts';

/** Usage of `talkbot ask`. */
export const askUsage = `Usage: talkbot ask [--content DIR] [--json] [--limit N] [QUERY...]

Answers each QUERY (quote a query of several words) as /talk would.
With --json, prints one JSON object per query; with --json and no QUERY, reads
queries from standard input, one a line, and prints one JSON line for each.
Without --json and no QUERY, asks for queries interactively.

  --content DIR  the Hugo content folder (default: $CONTENT_DIR or ./content)
  --json         machine-readable output (see README: "The JSON contract")
  --limit N      at most N hits per query (default 10)
  --drafts       include draft posts      --future  include future-dated posts`;

/** `talkbot ask`: answers queries from the content folder, as text or as the JSON contract. */
export async function askCommand(
  argv: readonly string[],
  config: ContentConfig,
  io: CommandIO,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...contentOptions, json: { type: 'boolean', default: false }, limit: { type: 'string' } },
    askUsage,
  );
  if (values.help) {
    io.out(`${askUsage}\n`);
    return 0;
  }
  const limit = positiveInteger(values.limit, '--limit', 10, askUsage);
  const library = await loadExistingLibrary(contentFlags(values, config, io));
  const answer = (query: string): string => {
    if (values.json) return `${JSON.stringify(answerJson(library, query, limit))}\n`;
    try {
      return renderAnswerText(library.search(query, { limit }));
    } catch (error) {
      if (error instanceof QueryError) return `${error.message}\n`;
      throw error;
    }
  };

  // In text, a blank line between answers shows where one ends; JSON stays one line per query.
  let answered = 0;
  const say = (query: string): void => {
    io.out(`${answered > 0 && !values.json ? '\n' : ''}${answer(query)}`);
    answered += 1;
  };
  if (positionals.length > 0) {
    for (const query of positionals) say(query);
    return 0;
  }
  const lines = createInterface({ input: io.input, terminal: false });
  // Only a person at a terminal is prompted: queries piped in are simply answered, one after another.
  if (!values.json && (io.input as { isTTY?: boolean }).isTTY === true)
    io.err('Type a query and press Enter (Ctrl-D to quit).\n');
  for await (const line of lines) say(line);
  return 0;
}

/** One line of the JSON contract; a query that cannot run keeps its line, with an `error`. */
function answerJson(library: Library, query: string, limit: number) {
  try {
    const result = library.search(query, { limit });
    return { query: result.query.raw, hits: result.hits.map(hitToJson) };
  } catch (error) {
    if (error instanceof QueryError) return { query: query.trim(), hits: [], error: error.message };
    throw error;
  }
}
