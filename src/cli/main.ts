import { ConfigError, readContentConfig } from '../config.ts';
import { QueryError } from '../search/query.ts';
import { StartupError } from '../startup-error.ts';
import { StoreError } from '../store/errors.ts';
import { askCommand } from './commands/ask.ts';
import { blocksCommand } from './commands/blocks.ts';
import { indexCommand } from './commands/index-command.ts';
import { insightsCommand } from './commands/insights.ts';
import type { CommandIO } from './commands/io.ts';
import { startCommand } from './commands/start.ts';
import { tipCommand } from './commands/tip.ts';
import { UsageError } from './errors.ts';

/** Top-level usage of `talkbot`. */
export const mainUsage = `Usage: talkbot <command> [options]

Commands:
  ask [QUERY...]     answer queries from the content folder (--json for tools)
  index              list what the content folder holds and any problems
  blocks QUERY...    print the Block Kit payload /talk QUERY would send
  tip [--at TIME]    print the reading tip the schedule posts at TIME
  insights           what readers looked for and missed (--since 30d, --json)
  start              run the Slack app (with no Slack tokens: the local playground)

Run "talkbot <command> --help" for a command's options.`;

type Command = (argv: readonly string[], io: CommandIO) => Promise<number>;

const commands: Record<string, Command> = {
  ask: (argv, io) => askCommand(argv, readContentConfig(io.env), io),
  index: (argv, io) => indexCommand(argv, readContentConfig(io.env), io),
  blocks: (argv, io) => blocksCommand(argv, readContentConfig(io.env), io),
  tip: (argv, io) => tipCommand(argv, io),
  insights: (argv, io) => insightsCommand(argv, io),
  start: (argv, io) => startCommand(argv, io),
};

/** Runs the CLI and returns its exit code: the one error boundary of the command line. */
export async function runCli(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(`${mainUsage}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(`talkbot: unknown command "${name}"\n\n${mainUsage}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`talkbot ${name}: ${error.message}\n\n${error.usage}\n`);
      return 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof QueryError ||
      error instanceof StartupError ||
      error instanceof StoreError
    ) {
      io.err(`talkbot ${name}: ${error.message}\n`);
      return 1;
    }
    io.err(`talkbot ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
