import type { Link, Post, ResourceKind } from '../../content/types.ts';
import { escapeMrkdwn, mrkdwnLink } from './escape.ts';
import { foldSpace, formatDate, plural } from './format.ts';
import { kindLabel } from './kind-label.ts';
import { fitMessage } from './limits.ts';
import type { Block, Message } from './message.ts';
import { context, postTitle, section } from './parts.ts';
import { truncateMrkdwn } from './truncate.ts';

/** The kinds a card lists, in this order: what a reader of a talk post looks for first. */
const CARD_KINDS: readonly ResourceKind[] = ['video', 'slides', 'paper'];
/** Links listed per kind: a card is a preview, the post has the rest. */
const PER_KIND = 3;
/** A card's description is a glance long, as Slack's own previews are. */
const DESCRIPTION_CHARS = 300;
/** Tags shown beside the date. */
const TAGS_SHOWN = 5;

const kindHeadings: Readonly<Record<string, string>> = { video: 'Video', slides: 'Slides', paper: 'Papers' };

/**
 * Renders the card `chat.unfurl` attaches under a link to one of the blog's posts: its title and
 * date, its description, and its main resources by kind (video, slides, papers), within Slack's limits.
 */
export function renderUnfurl(post: Post): Message {
  const date = post.date === null ? null : formatDate(post.date);
  const tags = post.tags.slice(0, TAGS_SHOWN).map((tag) => escapeMrkdwn(foldSpace(tag)));
  const meta = [...(date === null ? [] : [date]), ...(tags.length > 0 ? [tags.join(', ')] : [])];
  const description = foldSpace(post.description);
  const blocks: Block[] = [
    section(
      description === ''
        ? postTitle(post)
        : `${postTitle(post)}\n${truncateMrkdwn(escapeMrkdwn(description), DESCRIPTION_CHARS)}`,
    ),
  ];
  if (meta.length > 0) blocks.push(context(meta.join(' · ')));
  const lines: string[] = [];
  let listed = 0;
  for (const kind of CARD_KINDS) {
    const links = uniqueByUrl(post.links.filter((link) => link.kind === kind));
    if (links.length === 0) continue;
    const shown = links.slice(0, PER_KIND);
    listed += shown.length;
    const more = links.length - shown.length;
    lines.push(
      `${kindLabel(kind).emoji} *${kindHeadings[kind] ?? kind}:* ` +
        shown.map((link) => mrkdwnLink(link.url, link.label)).join(' · ') +
        (more > 0 ? ` · _${plural(more, 'more')}_` : ''),
    );
  }
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  const others = post.links.length - listed;
  if (others > 0 && post.url !== null) {
    blocks.push(context(`${plural(others, 'more link')} in ${mrkdwnLink(post.url, 'the post')}`));
  }
  const text = [foldSpace(post.title), date, description].filter((part) => part).join(' · ');
  return fitMessage({ text: escapeMrkdwn(text), blocks });
}

function uniqueByUrl(links: readonly Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url));
}
