import type { TagCount } from '../../search/library.ts';
import { tagFilter } from '../../search/query.ts';
import { escapeMrkdwn } from './escape.ts';
import { foldSpace, plural } from './format.ts';
import { fitMessage, largestFitting } from './limits.ts';
import type { Block, Message } from './message.ts';
import { context, linesToSections, section } from './parts.ts';

/** Tags listed before "and N more": a list to scan, not the whole index of a large site. */
const TAGS_LISTED = 100;

/** Tags on one line of the list. */
const TAGS_PER_LINE = 5;

function rows<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Renders the tags people can filter by, most used first, each as the query to type and its count. */
export function renderTags(tags: readonly TagCount[]): Message {
  const listed = tags.slice(0, TAGS_LISTED);
  const shown = largestFitting(listed.length, (count) => renderList(tags, listed.slice(0, count)));
  return fitMessage(renderList(tags, listed.slice(0, shown)));
}

function renderList(all: readonly TagCount[], listed: readonly TagCount[]): Message {
  if (all.length === 0) {
    return {
      text: 'No post has a tag yet.',
      blocks: [section('No post has a tag yet: search by words instead, e.g. `/talk jepsen`.')],
    };
  }
  // Inside a code span nothing is formatted, but a backtick would end it early.
  const entries = listed.map(
    ({ tag, posts }) => `\`${escapeMrkdwn(tagFilter(foldSpace(tag))).replaceAll('`', 'ʼ')}\` ${posts}`,
  );
  const blocks: Block[] = [
    section(
      `*Tags you can use* (${plural(all.length, 'tag')}, most used first, with how many talks have each)`,
    ),
    ...linesToSections(rows(entries, TAGS_PER_LINE).map((row) => row.join('  ·  '))),
  ];
  const hidden = all.length - listed.length;
  blocks.push(
    context(
      (hidden > 0 ? `and ${plural(hidden, 'more tag')}. ` : '') +
        'Combine a tag with words: `/talk tag:testing distributed`.',
    ),
  );
  const top = listed.slice(0, 10).map(({ tag, posts }) => `${foldSpace(tag)} (${posts})`);
  return {
    text: escapeMrkdwn(
      `${plural(all.length, 'tag')}: ${top.join(', ')}${all.length > top.length ? ', …' : ''}`,
    ),
    blocks,
  };
}
