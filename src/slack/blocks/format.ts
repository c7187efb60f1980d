const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** What a link before any heading, or after a thematic break, is listed under. */
export const NO_SECTION_HEADING = 'The talk';

/** Formats a publication date as `6 Oct 2016`, read in UTC so every server prints the same day; null when invalid. */
export function formatDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Builds a Slack date token shown in each reader's own time zone, with a UTC fallback for clients that cannot; null when invalid. */
export function slackDate(at: Date, format: string): string | null {
  const day = formatDate(at);
  if (day === null) return null;
  const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  const seconds = Math.floor(at.getTime() / 1000);
  // Slack's date token takes only a non-negative Unix time; earlier dates fall back to the UTC text alone.
  return seconds < 0 ? `${day} ${time} UTC` : `<!date^${seconds}^${format}|${day} ${time} UTC>`;
}

/** Names a link section for people: its heading, or `The talk` for links outside any heading. */
export function sectionHeading(section: string | null): string {
  const folded = section?.replace(/\s+/g, ' ').trim() ?? '';
  return folded === '' ? NO_SECTION_HEADING : folded;
}

/** One heading and the items under it. */
export interface SectionGroup<T> {
  readonly heading: string;
  readonly items: readonly T[];
}

/** Groups items by the heading they sit under, headings in order of first appearance, items in their own order. */
export function groupBySection<T extends { readonly section: string | null }>(
  items: readonly T[],
): SectionGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const heading = sectionHeading(item.section);
    const group = groups.get(heading);
    if (group === undefined) groups.set(heading, [item]);
    else group.push(item);
  }
  return [...groups].map(([heading, grouped]) => ({ heading, items: grouped }));
}

/** `1 result`, `3 results`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Folds runs of whitespace, newlines included, into single spaces. */
export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
