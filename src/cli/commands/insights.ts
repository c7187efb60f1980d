import { readInsightsConfig, readStoreConfig } from '../../config.ts';
import { renderInsightsText, summariseInsights } from '../../store/insights-summary.ts';
import { openStore } from '../../store/store.ts';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from './io.ts';

/** Usage of `talkbot insights`. */
export const insightsUsage = `Usage: talkbot insights [--since 30d] [--json]

What readers looked for and missed, from the store the bot writes to (DATABASE_URL, else the SQLite file
in TALKBOT_DATA_DIR); it runs while the bot runs.

  --since N      the last N days (30d), weeks (4w), or since a date (2026-11-01); default 30d
  --json         print {"since", "questions", "unanswered": [{"query", "count"}],
                 "feedback": {"helpful", "unhelpful"}, "unhelpful": [{"query", "urls", "note"}],
                 "top": [{"query", "count"}]}`;

const dayMs = 86_400_000;

/** `talkbot insights`: the questions asked, those unanswered, the answers marked unhelpful, the top queries. */
export async function insightsCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      since: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    insightsUsage,
  );
  if (values.help) {
    io.out(`${insightsUsage}\n`);
    return 0;
  }
  const since = parseSince(values.since ?? '30d', new Date());
  if (since === null) {
    throw new UsageError(
      `--since: "${values.since}" is neither days (30d), weeks (4w) nor a date (2026-11-01)`,
      insightsUsage,
    );
  }
  const { days } = readInsightsConfig(io.env);
  const store = await openStore(readStoreConfig(io.env));
  try {
    const summary = summariseInsights(await store.insights.since(since), since);
    io.out(values.json ? `${JSON.stringify(summary, null, 2)}\n` : renderInsightsText(summary));
    if (Date.now() - since.getTime() > days * dayMs) {
      io.err(`talkbot insights: only the last ${days} days are kept (INSIGHTS_DAYS)\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** `30d`, `4w` or a date (`2026-11-01`): the start of the period, or null. */
export function parseSince(text: string, now: Date): Date | null {
  const relative = /^(\d{1,4})\s*([dw])$/i.exec(text.trim());
  if (relative) {
    const n = Number(relative[1]) * (relative[2]?.toLowerCase() === 'w' ? 7 : 1);
    return new Date(now.getTime() - n * dayMs);
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return null;
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? null : new Date(t);
}
