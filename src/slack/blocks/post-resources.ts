import type { Link, Post } from '../../content/types.ts';
import { postNoun } from '../../search/post-noun.ts';
import { ACTION_IDS, encodePostPage } from './answer-ref.ts';
import { escapeMrkdwn } from './escape.ts';
import { foldSpace, formatDate, groupBySection, plural } from './format.ts';
import { fitMessage, largestFitting } from './limits.ts';
import type { Block, Button, Message } from './message.ts';
import {
  actions,
  button,
  context,
  divider,
  linesToSections,
  postTitle,
  resourceLink,
  section,
} from './parts.ts';

/** Renders the resources of one talk grouped under their headings, from `offset` on, as many as Slack allows. */
export function renderPostResources(post: Post, offset = 0): Message {
  const from = Number.isSafeInteger(offset) && offset > 0 && offset < post.links.length ? offset : 0;
  const left = post.links.length - from;
  const shown = largestFitting(left, (count) => renderLinks(post, from, count));
  return fitMessage(renderLinks(post, from, shown));
}

function renderLinks(post: Post, from: number, count: number): Message {
  const links: readonly Link[] = post.links.slice(from, from + count);
  const total = post.links.length;
  const date = post.date === null ? null : formatDate(post.date);
  const whole = from === 0 && links.length === total;
  const range = whole
    ? plural(total, 'resource')
    : `resources ${from + 1}–${from + links.length} of ${total}`;
  const meta = [range, ...(date === null ? [] : [date])].join(' · ');
  const blocks: Block[] = [section(postTitle(post)), context(meta)];
  if (total === 0) blocks.push(section(`This ${postNoun(post)} lists no resources.`));
  for (const group of groupBySection(links)) {
    blocks.push(
      ...linesToSections([
        `*${escapeMrkdwn(group.heading)}*`,
        ...group.items.map((link) => resourceLink({ ...link, title: link.label })),
      ]),
    );
  }
  // Every link is a click away: a talk with hundreds of links is paged, never cut short.
  const buttons: Button[] = [];
  if (from > 0) {
    const before = encodePostPage({ post: post.id, offset: Math.max(0, from - links.length) });
    buttons.push(button('Previous links', ACTION_IDS.postResourcesBack, before));
  }
  const after = total - from - links.length;
  if (after > 0) {
    const next = encodePostPage({ post: post.id, offset: from + links.length });
    buttons.push(button(`Next links (${after} more)`, ACTION_IDS.postResources, next, 'primary'));
  }
  if (buttons.length > 0) blocks.push(divider(), actions('post_resources_pages', buttons));
  return {
    text: escapeMrkdwn(`${range} from ${foldSpace(post.title)}`),
    blocks,
  };
}
