import type { Post } from '../../content/types.ts';
import { matchesIn, queryTerms } from '../../search/highlight.ts';
import { postNoun } from '../../search/post-noun.ts';
import type { Hit, PostHit, ResourceHit, SearchResult } from '../../search/types.ts';
import { ACTION_IDS, encodeAnswerRef, suggestionActionId } from './answer-ref.ts';
import { escapeMrkdwn, userMention } from './escape.ts';
import { foldSpace, formatDate, groupBySection, plural } from './format.ts';
import { kindLabel } from './kind-label.ts';
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
import { truncateMrkdwn } from './truncate.ts';

/** Links of one post shown in an answer; the rest are a click away, so one talk cannot crowd out the others. */
const LINKS_PER_POST = 15;
/** A description is a teaser here; the post itself has the full text. */
const DESCRIPTION_CHARS = 300;
/** Tags shown beside a post before `+N`. */
const TAGS_SHOWN = 6;
/** Citing posts named under a resource before `and N more`. */
const CITATIONS_SHOWN = 3;
/** How much of the query is echoed back; the rest adds nothing a reader needs. */
const QUERY_SHOWN = 200;
/** How much of a link's context is shown: its sentence or list item, which the index caps about so. */
const CONTEXT_CHARS = 280;

/** How an answer is shown. */
export interface AnswerOptions {
  /** Most hits to show from the page; fewer when Slack's limits leave no room for more. */
  readonly pageSize: number;
  /** True when only the asker sees it; then it offers Share in channel. */
  readonly ephemeral: boolean;
  /** Slack id of the user who shared the answer into the channel. */
  readonly sharedBy?: string;
  /** Close tags or titles to offer when nothing matched. */
  readonly suggestions?: readonly string[];
}

/** Renders one page of search results as the reply to `/talk <query>` or a mention, within Slack's limits. */
export function renderAnswer(result: SearchResult, options: AnswerOptions): Message {
  const pageSize = Number.isFinite(options.pageSize) ? Math.max(1, Math.floor(options.pageSize)) : 1;
  const page = result.hits.slice(0, pageSize);
  if (page.length === 0) {
    return fitMessage(
      result.total > 0 ? renderPastTheEnd(result, options) : renderNoResults(result, options),
    );
  }
  // Counts from the search are trusted only as far as they agree with the hits in hand.
  const offset = Number.isSafeInteger(result.offset) && result.offset > 0 ? result.offset : 0;
  const total = Number.isSafeInteger(result.total)
    ? Math.max(result.total, offset + page.length)
    : offset + page.length;
  const consistent = { ...result, offset, total };
  // Each hit is rendered once, however many page sizes are tried.
  const terms = queryTerms(result.query);
  const rendered = new Map<Hit, Block[]>();
  const blocksOf = (hit: Hit): Block[] =>
    rendered.get(hit) ?? rendered.set(hit, renderHit(hit, terms)).get(hit) ?? [];
  const shown = largestFitting(page.length, (count) =>
    renderPage(consistent, page, count, options, blocksOf),
  );
  return fitMessage(renderPage(consistent, page, shown, options, blocksOf));
}

function renderPage(
  result: SearchResult,
  page: readonly Hit[],
  count: number,
  options: AnswerOptions,
  blocksOf: (hit: Hit) => readonly Block[],
): Message {
  const hits = page.slice(0, count);
  const query = result.query.raw;
  const first = result.offset + 1;
  const last = result.offset + hits.length;
  const counted =
    first === 1 && last >= result.total
      ? plural(result.total, 'result')
      : `${pageOf(result.offset, result.total, options.pageSize)} · results ${first}–${last} of ${result.total}`;
  const blocks: Block[] = [context(headLine(query, options.sharedBy, counted))];
  for (const hit of hits) blocks.push(divider(), ...blocksOf(hit));
  const remaining = result.total - last;
  if (remaining > 0) blocks.push(divider(), context(`${remaining} more – use *More results*`));
  const buttons: Button[] = [];
  if (result.offset > 0) {
    const before = Math.max(0, result.offset - options.pageSize);
    buttons.push(button('Previous', ACTION_IDS.previous, encodeAnswerRef({ query, offset: before })));
  }
  if (options.ephemeral) {
    buttons.push(
      button('Share in channel', ACTION_IDS.share, encodeAnswerRef({ query, offset: result.offset })),
    );
  }
  if (remaining > 0) {
    buttons.push(
      button('More results', ACTION_IDS.more, encodeAnswerRef({ query, offset: last }), 'primary'),
    );
  }
  if (buttons.length > 0) blocks.push(actions('talk_answer_actions', buttons));
  const titles = hits.map((hit) => foldSpace(hit.kind === 'post' ? hit.post.title : hit.resource.title));
  const summary = `${plural(result.total, 'result')} for "${foldSpace(query)}": ${titles.join(', ')}`;
  return { text: escapeMrkdwn(remaining > 0 ? `${summary}, …` : summary), blocks };
}

/** `page 2 of 3`, counted in pages of the answer's size. */
function pageOf(offset: number, total: number, pageSize: number): string {
  const size = Math.max(1, Math.floor(pageSize));
  return `page ${Math.floor(offset / size) + 1} of ${Math.max(1, Math.ceil(total / size))}`;
}

function renderNoResults(result: SearchResult, options: AnswerOptions): Message {
  const query = result.query.raw;
  const shown = shownQuery(query);
  const blocks: Block[] = [];
  const head = headLine(query, options.sharedBy, 'no results');
  if (options.sharedBy !== undefined) blocks.push(context(head));
  blocks.push(section(shown === '' ? 'I found nothing for that.' : `I found nothing for ${shown}.`));
  const suggestions = (options.suggestions ?? []).map(foldSpace).filter((s) => s !== '');
  if (suggestions.length > 0) {
    // Buttons that run each suggestion: a title ending in "?" no longer gets a second one.
    blocks.push(
      section('Did you mean one of these?'),
      actions(
        'talk_suggestions',
        suggestions.map((suggestion, i) =>
          button(
            // A label is plain text, but `<!channel>` from content must not even look live; the value keeps it whole.
            suggestion.replace(/</g, '‹').replace(/>/g, '›'),
            suggestionActionId(i),
            encodeAnswerRef({ query: suggestion, offset: 0 }),
          ),
        ),
      ),
    );
  }
  blocks.push(context('Try fewer words, or a tag: `/talk tag:testing`. `/talk help` shows more examples.'));
  const offered = suggestions.length > 0 ? `. Did you mean: ${suggestions.join(' / ')}` : '';
  return { text: escapeMrkdwn(`No results for "${foldSpace(query)}"${offered}`), blocks };
}

function renderPastTheEnd(result: SearchResult, options: AnswerOptions): Message {
  const query = result.query.raw;
  return {
    text: escapeMrkdwn(`No more results for "${foldSpace(query)}"`),
    blocks: [
      context(headLine(query, options.sharedBy, plural(result.total, 'result'))),
      section(`That was all: every one of the ${plural(result.total, 'result')} has been shown.`),
    ],
  };
}

/** `Shared by <@U1> · 🔎 “jepsen” · 3 results`. */
function headLine(query: string, sharedBy: string | undefined, count: string): string {
  const parts: string[] = [];
  const mention = sharedBy === undefined ? null : userMention(sharedBy);
  if (mention !== null) parts.push(`Shared by ${mention}`);
  const shown = shownQuery(query);
  if (shown !== '') parts.push(`🔎 ${shown}`);
  parts.push(count);
  return parts.join(' · ');
}

function shownQuery(query: string): string {
  const folded = foldSpace(query);
  return folded === '' ? '' : `“${truncateMrkdwn(escapeMrkdwn(folded), QUERY_SHOWN)}”`;
}

function renderHit(hit: Hit, terms: ReadonlySet<string>): Block[] {
  return hit.kind === 'post' ? renderPostHit(hit) : renderResourceHit(hit, terms);
}

function renderPostHit({ post }: PostHit): Block[] {
  const description = foldSpace(post.description);
  const title = postTitle(post);
  const intro =
    description === '' ? title : `${title}\n${truncateMrkdwn(escapeMrkdwn(description), DESCRIPTION_CHARS)}`;
  const hidden = post.links.length - LINKS_PER_POST;
  const moreLabel = `More from this ${postNoun(post)}`;
  const more = hidden > 0 ? button(moreLabel, ACTION_IDS.postResources, post.id) : undefined;
  const blocks: Block[] = [section(intro, more)];
  const meta = postMeta(post);
  if (meta !== '') blocks.push(context(meta));
  const lines = groupBySection(post.links.slice(0, LINKS_PER_POST)).map(
    (group) =>
      `*${escapeMrkdwn(group.heading)}*  ${group.items.map((link) => resourceLink({ ...link, title: link.label })).join('  ·  ')}`,
  );
  if (hidden > 0) lines.push(`_and ${plural(hidden, 'more link')}: use *${moreLabel}*_`);
  blocks.push(...linesToSections(lines));
  return blocks;
}

/** `6 Oct 2016 · by Sean T. Allen · 🏷 talks, testing, +4`. */
function postMeta(post: Post): string {
  const parts: string[] = [];
  const date = post.date === null ? null : formatDate(post.date);
  if (date !== null) parts.push(date);
  const author = foldSpace(post.author ?? '');
  if (author !== '') parts.push(`by ${escapeMrkdwn(author)}`);
  const tags = post.tags.map(foldSpace).filter((tag) => tag !== '');
  if (tags.length > 0) {
    const shown = tags.slice(0, TAGS_SHOWN).map(escapeMrkdwn);
    if (tags.length > TAGS_SHOWN) shown.push(`+${tags.length - TAGS_SHOWN}`);
    parts.push(`🏷 ${shown.join(', ')}`);
  }
  return parts.join(' · ');
}

function renderResourceHit({ resource, context: around }: ResourceHit, terms: ReadonlySet<string>): Block[] {
  const label = kindLabel(resource.kind);
  const head = `*${resourceLink(resource)}*  _${label.word}_`;
  const shown = around === null ? '' : foldSpace(around);
  const blocks: Block[] = [
    section(
      shown === '' || shown === foldSpace(resource.title) ? head : `${head}\n${highlighted(shown, terms)}`,
    ),
  ];
  // A link of a large site may be cited by thousands of posts: one pass, and only as far as is shown.
  const sections = new Set<string>();
  const posts = new Map<string, Post>();
  for (const { section, post } of resource.citations) {
    if (section !== null && sections.size < CITATIONS_SHOWN) {
      const folded = foldSpace(section);
      if (folded !== '') sections.add(folded);
    }
    if (!posts.has(post.id)) posts.set(post.id, post);
  }
  const named = [...posts.values()].slice(0, CITATIONS_SHOWN).map(postTitle);
  if (posts.size > CITATIONS_SHOWN) named.push(`${posts.size - CITATIONS_SHOWN} more`);
  const parts: string[] = [];
  if (sections.size > 0) parts.push([...sections].map(escapeMrkdwn).join(', '));
  if (named.length > 0) parts.push(`from ${joinWords(named)}`);
  if (parts.length > 0) blocks.push(context(parts.join(' · ')));
  return blocks;
}

/** A context cut to `CONTEXT_CHARS`, escaped for mrkdwn, with the words that matched the query in bold. */
function highlighted(text: string, terms: ReadonlySet<string>): string {
  let cut = text;
  if (cut.length > CONTEXT_CHARS) {
    cut = cut.slice(0, CONTEXT_CHARS - 1);
    const space = cut.lastIndexOf(' ');
    cut = `${space > CONTEXT_CHARS / 2 ? cut.slice(0, space) : cut}…`;
  }
  let shown = '';
  let last = 0;
  for (const { start, end } of matchesIn(cut, terms)) {
    shown += `${escapeMrkdwn(cut.slice(last, start))}*${escapeMrkdwn(cut.slice(start, end))}*`;
    last = end;
  }
  return `${shown}${escapeMrkdwn(cut.slice(last))}`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
