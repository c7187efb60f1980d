import type { InsightRows } from './insights.ts';

/** `talkbot insights --json`: its shape does not change without a major version. */
export interface InsightsSummary {
  /** The start of the period, ISO 8601. */
  readonly since: string;
  /** Questions asked in the period. */
  readonly questions: number;
  /** Questions nothing answered, grouped (case and spacing aside), most asked first. */
  readonly unanswered: readonly { query: string; count: number }[];
  readonly feedback: { readonly helpful: number; readonly unhelpful: number };
  /** Answers marked unhelpful, newest first: what was asked, what was shown, and the reader's note. */
  readonly unhelpful: readonly { query: string; urls: string[]; note: string | null }[];
  /** The most asked queries, answered or not. */
  readonly top: readonly { query: string; count: number }[];
}

/** How many queries `top` lists. */
const topShown = 10;

/** Summarises what readers asked and thought since a time: pure, from the rows the store returns. */
export function summariseInsights(rows: InsightRows, since: Date): InsightsSummary {
  const feedback = rows.feedback;
  return {
    since: since.toISOString(),
    questions: rows.questions.length,
    unanswered: grouped(rows.questions.filter((q) => !q.answered).map((q) => q.query)),
    feedback: {
      helpful: feedback.filter((f) => f.outcome === 'helpful').length,
      unhelpful: feedback.filter((f) => f.outcome === 'unhelpful').length,
    },
    unhelpful: feedback
      .filter((f) => f.outcome === 'unhelpful')
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .map((f) => ({ query: f.query, urls: f.urls, note: f.note })),
    top: grouped(rows.questions.map((q) => q.query)).slice(0, topShown),
  };
}

/** Queries counted alike whatever their case and spacing, each shown as first asked; most asked first. */
function grouped(queries: readonly string[]): { query: string; count: number }[] {
  const groups = new Map<string, { query: string; count: number }>();
  for (const query of queries) {
    const key = query.trim().replace(/\s+/g, ' ').toLowerCase();
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { query: query.trim(), count: 1 });
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0),
  );
}

/** The summary as `talkbot insights` prints it for people. */
export function renderInsightsText(summary: InsightsSummary): string {
  const lines = [
    `Since ${summary.since.slice(0, 10)}: ${summary.questions} questions, 👍 ${summary.feedback.helpful}, 👎 ${summary.feedback.unhelpful}`,
    '',
    'Asked, and nothing answered (most asked first):',
    ...(summary.unanswered.length === 0
      ? ['  (none)']
      : summary.unanswered.map((u) => `  ${String(u.count).padStart(4)}  ${u.query}`)),
    '',
    'Answers marked unhelpful:',
    ...(summary.unhelpful.length === 0
      ? ['  (none)']
      : summary.unhelpful.flatMap((u) => [
          `  "${u.query}"${u.note ? ` (looking for: ${u.note})` : ''}`,
          ...(u.urls.length === 0 ? ['      showed nothing'] : u.urls.map((url) => `      showed ${url}`)),
        ])),
    '',
    'Top queries:',
    ...(summary.top.length === 0
      ? ['  (none)']
      : summary.top.map((t) => `  ${String(t.count).padStart(4)}  ${t.query}`)),
  ];
  return `${lines.join('\n')}\n`;
}
