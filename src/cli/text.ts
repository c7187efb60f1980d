import { kindWords } from '../content/link-context.ts';
import type { Post } from '../content/types.ts';
import { postNoun } from '../search/post-noun.ts';
import type { Hit, SearchResult } from '../search/types.ts';

/** Formats a date as the bot shows it: `6 Oct 2016`, in UTC so every reader sees the same day. */
export function shortDate(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A readable terminal rendering of one answer: what `/talk` would say, without Slack's formatting. */
export function renderAnswerText(result: SearchResult): string {
  const { query, hits, total } = result;
  if (total === 0) return `No posts or resources match "${query.raw}".\n`;
  const lines = [`${total} result${total === 1 ? '' : 's'} for "${query.raw}":`, ''];
  hits.forEach((hit, i) => {
    lines.push(...renderHit(hit, result.offset + i + 1), '');
  });
  if (result.offset + hits.length < total)
    lines.push(`… ${total - result.offset - hits.length} more (use --limit)`, '');
  return lines.join('\n');
}

/** Citations a resource hit lists in the text output; `--json` lists them all. */
const citationsListed = 5;

function renderHit(hit: Hit, position: number): string[] {
  if (hit.kind === 'post') return renderPost(hit.post, position);
  const { resource } = hit;
  // A link cited by every post of a large site must not print a line for each.
  const from = resource.citations
    .slice(0, citationsListed)
    .map((c) => (c.section ? `${c.section} · from ${c.post.title}` : `from ${c.post.title}`));
  const unlisted = resource.citations.length - citationsListed;
  if (unlisted > 0) from.push(`and ${unlisted} more ${unlisted === 1 ? 'post' : 'posts'}`);
  return [
    `${position}. ${resource.title} [${kindWords[resource.kind]}]`,
    `   ${resource.url}`,
    ...(hit.context === null ? [] : [`   “${hit.context}”`]),
    ...from.map((f) => `   ${f}`),
  ];
}

function renderPost(post: Post, position: number): string[] {
  const meta = [
    post.date ? shortDate(post.date) : null,
    post.author,
    post.tags.length ? post.tags.join(', ') : null,
  ];
  const lines = [`${position}. ${post.title} [${postNoun(post)}]`];
  if (post.url) lines.push(`   ${post.url}`);
  lines.push(`   ${meta.filter(Boolean).join(' · ')}`);
  if (post.description) lines.push(`   ${post.description}`);
  let section: string | null | undefined;
  for (const link of post.links) {
    if (link.section !== section) {
      section = link.section;
      lines.push(`   ${section ?? post.title}:`);
    }
    lines.push(`     - ${link.label} [${kindWords[link.kind]}] ${link.url}`);
  }
  return lines;
}
