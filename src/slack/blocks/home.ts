import type { Post } from '../../content/types.ts';
import type { Citation, Resource } from '../../search/types.ts';
import { escapeMrkdwn } from './escape.ts';
import { foldSpace, formatDate, plural, slackDate } from './format.ts';
import { fitView, largestFitting } from './limits.ts';
import type { Block, HomeView } from './message.ts';
import { context, divider, header, postTitle, resourceLink, section } from './parts.ts';
import { truncateMrkdwn } from './truncate.ts';

/** Latest posts listed on the Home tab. */
const LATEST_SHOWN = 10;
/** A post's description on the Home tab is one glance long. */
const DESCRIPTION_CHARS = 200;

/** What the Home tab shows. */
export interface HomeInput {
  /** Posts, latest first; the first ten are listed. */
  readonly posts: readonly Post[];
  readonly totalPosts: number;
  readonly totalResources: number;
  /** The blog's name (its configuration's `title`), or null to say "the blog". */
  readonly siteTitle?: string | null;
  /** Content problems found at the last load, shown so a writer notices them. */
  readonly problems?: number;
  /** The next scheduled reading tip, or null when tips are off. */
  readonly nextTip?: { readonly resource: Resource; readonly at: Date } | null;
  /** The channels with reading tips (when talkbot has a store): each one's schedule and next tip, or why it stopped. */
  readonly channelTips?: readonly HomeChannelTips[];
  /** What readers missed, for the people in `TALKBOT_ADMINS`. */
  readonly insights?: HomeInsightsInput | null;
  /** The content repository's commit being served, or null for a local folder. */
  readonly source?: ContentSourceLine | null;
}

/** One channel's tips on the Home tab. */
export interface HomeChannelTips {
  readonly channelName: string;
  readonly schedule: string;
  readonly next: { readonly resource: Resource; readonly citation: Citation; readonly at: Date } | null;
  /** A note when tips there stopped or are paused. */
  readonly note: string | null;
}

/** The insights summary an admin sees. */
export interface HomeInsightsInput {
  readonly days: number;
  readonly questions: number;
  readonly questionsThisWeek: number;
  readonly helpful: number;
  readonly unhelpful: number;
  readonly unanswered: readonly { query: string; count: number }[];
}

/** What the Home tab says of the content repository: the commit served, since when, and whether updates fail. */
export interface ContentSourceLine {
  readonly url: string;
  readonly ref: string | null;
  readonly commit: { readonly sha: string; readonly subject: string };
  readonly since: Date;
  readonly failingSince: Date | null;
}

/** Renders the Home tab: how to ask, the latest posts, and the next reading tip or that tips are off. */
export function renderHome(input: HomeInput): HomeView {
  const latest = input.posts.slice(0, LATEST_SHOWN);
  const shown = largestFitting(latest.length, (count) => renderView(input, latest.slice(0, count)));
  return fitView(renderView(input, latest.slice(0, shown)));
}

function renderView(input: HomeInput, latest: readonly Post[]): HomeView {
  const counts = [plural(input.totalPosts, 'post'), plural(input.totalResources, 'resource')];
  if (input.problems !== undefined && input.problems > 0) {
    counts.push(`⚠️ ${plural(input.problems, 'content problem')} (see \`talkbot index\`)`);
  }
  const blocks: Block[] = [
    header('talkbot'),
    section(
      `I find conference talks from ${input.siteTitle ? `*${escapeMrkdwn(foldSpace(input.siteTitle))}*` : 'the blog'}, and the papers, videos and people they cite.\n` +
        'Ask with `/talk jepsen` or `/talk tag:testing`, or mention me in a channel: `@talkbot jepsen?`',
    ),
    context(counts.join(' · ')),
    ...(input.source ? [context(sourceLine(input.source))] : []),
    divider(),
    section('*Latest posts*'),
  ];
  if (input.totalPosts === 0) {
    // Said loudly: a bot on an empty folder answers "nothing found" to everyone, and nobody would know why.
    blocks.push(
      section(
        '⚠️ *No posts yet*: the content folder holds no posts, so every answer is "I found nothing". ' +
          'Add posts to the folder `CONTENT_DIR` names; they are picked up without a restart.',
      ),
    );
  }
  for (const post of latest) blocks.push(section(postLine(post)));
  if (input.channelTips !== undefined && input.channelTips.length > 0) {
    blocks.push(divider(), section('*Reading tips in channels*'));
    for (const tips of input.channelTips.slice(0, CHANNELS_SHOWN))
      blocks.push(section(channelTipsLine(tips)));
  } else {
    blocks.push(divider(), section(tipLine(input.nextTip ?? null)));
  }
  if (input.insights) blocks.push(divider(), ...insightBlocks(input.insights));
  return { type: 'home', blocks };
}

/** Channels with tips listed on the Home tab, at most. */
const CHANNELS_SHOWN = 15;
/** Unanswered questions listed for admins, at most. */
const UNANSWERED_SHOWN = 5;

function channelTipsLine(tips: HomeChannelTips): string {
  const name = `*#${escapeMrkdwn(foldSpace(tips.channelName) || 'a channel')}* · ${escapeMrkdwn(tips.schedule)}`;
  if (tips.note !== null) return `${name}\n⚠️ ${escapeMrkdwn(tips.note)}`;
  if (tips.next === null) return `${name}\nNo tip to post: nothing in the blog is worth one yet.`;
  const when = slackDate(tips.next.at, '{date_short_pretty} at {time}') ?? '';
  return `${name}\nNext ${when}: ${resourceLink(tips.next.resource)} from ${postTitle(tips.next.citation.post)}`;
}

function insightBlocks(insights: HomeInsightsInput): Block[] {
  const lines = [
    `*What readers looked for* (last ${plural(insights.days, 'day')})`,
    `${plural(insights.questions, 'question')}, ${insights.questionsThisWeek} this week · 👍 ${insights.helpful} · 👎 ${insights.unhelpful}`,
  ];
  const missed = insights.unanswered.slice(0, UNANSWERED_SHOWN);
  if (missed.length > 0) {
    lines.push(
      `No answer for: ${missed.map((u) => `“${escapeMrkdwn(truncatePlainQuery(u.query))}” (${u.count})`).join(', ')}`,
    );
  }
  return [section(lines.join('\n')), context('`talkbot insights` prints the whole report')];
}

function truncatePlainQuery(query: string): string {
  const folded = foldSpace(query);
  return folded.length > 60 ? `${folded.slice(0, 59)}…` : folded;
}

function sourceLine(source: ContentSourceLine): string {
  const since = slackDate(source.since, '{date_short_pretty} at {time}');
  const subject = truncateMrkdwn(escapeMrkdwn(foldSpace(source.commit.subject)), 80);
  const where = escapeMrkdwn(source.ref ? `${source.url} (${source.ref})` : source.url);
  const line = `Serving commit \`${source.commit.sha.slice(0, 7)}\` “${subject}” of ${where}${since ? ` since ${since}` : ''}`;
  if (source.failingSince === null) return line;
  const failing = slackDate(source.failingSince, '{date_short_pretty} at {time}');
  return `${line}\n⚠️ The repository cannot be reached${failing ? ` since ${failing}` : ''}: still serving this commit, retrying`;
}

function postLine(post: Post): string {
  const date = post.date === null ? null : formatDate(post.date);
  const title = date === null ? postTitle(post) : `${postTitle(post)}  ·  ${date}`;
  const description = foldSpace(post.description);
  return description === ''
    ? title
    : `${title}\n${truncateMrkdwn(escapeMrkdwn(description), DESCRIPTION_CHARS)}`;
}

function tipLine(next: NonNullable<HomeInput['nextTip']> | null): string {
  if (next === null) return '*Reading tips are off.*';
  const when = slackDate(next.at, '{date_short_pretty} at {time}');
  const from = next.resource.citations[0]?.post;
  const source = from === undefined ? '' : ` · from ${postTitle(from)}`;
  return `*Next reading tip*${when === null ? '' : ` · ${when}`}\n${resourceLink(next.resource)}${source}`;
}
