import type { Link, Post } from '../../content/types.ts';
import { postNoun } from '../../search/post-noun.ts';
import { escapeMrkdwn, mrkdwnLink } from './escape.ts';
import { foldSpace, formatDate, groupBySection, plural } from './format.ts';
import { fitMessage, largestFitting } from './limits.ts';
import type { Block, Message } from './message.ts';
import { context, divider, linesToSections, postTitle, resourceLink, section } from './parts.ts';

/** Renders every resource of one talk grouped under its headings, as the ephemeral reply to More from this talk. */
export function renderPostResources(post: Post): Message {
  const shown = largestFitting(post.links.length, (count) => renderLinks(post, count));
  return fitMessage(renderLinks(post, shown));
}

function renderLinks(post: Post, count: number): Message {
  const links: readonly Link[] = post.links.slice(0, count);
  const date = post.date === null ? null : formatDate(post.date);
  const meta = [plural(post.links.length, 'resource'), ...(date === null ? [] : [date])].join(' · ');
  const blocks: Block[] = [section(postTitle(post)), context(meta)];
  if (post.links.length === 0) blocks.push(section(`This ${postNoun(post)} lists no resources.`));
  for (const group of groupBySection(links)) {
    blocks.push(
      ...linesToSections([
        `*${escapeMrkdwn(group.heading)}*`,
        ...group.items.map((link) => resourceLink({ ...link, title: link.label })),
      ]),
    );
  }
  const hidden = post.links.length - links.length;
  if (hidden > 0) {
    const where = post.url === null ? 'in the post' : `in ${mrkdwnLink(post.url, 'the post')}`;
    blocks.push(divider(), context(`${plural(hidden, 'more link')} ${where}`));
  }
  return {
    text: escapeMrkdwn(`${plural(post.links.length, 'resource')} from ${foldSpace(post.title)}`),
    blocks,
  };
}
