import { postNoun } from '../../search/post-noun.ts';
import type { Citation, Resource } from '../../search/types.ts';
import { ACTION_IDS } from './answer-ref.ts';
import { escapeMrkdwn } from './escape.ts';
import { foldSpace, slackDate } from './format.ts';
import { kindLabel } from './kind-label.ts';
import { fitMessage } from './limits.ts';
import type { Block, Message } from './message.ts';
import { actions, button, context, header, postTitle, resourceLink, section } from './parts.ts';

/** What a scheduled reading tip shows: one resource, where it is cited, and when the tip is for. */
export interface TipInput {
  readonly resource: Resource;
  readonly citation: Citation;
  readonly at: Date;
}

/** Renders the scheduled reading tip: the resource, the section and talk it comes from, and More from this talk. */
export function renderTip({ resource, citation, at }: TipInput): Message {
  const label = kindLabel(resource.kind);
  const from =
    citation.section === null || foldSpace(citation.section) === ''
      ? `From ${postTitle(citation.post)}`
      : `From *${escapeMrkdwn(foldSpace(citation.section))}* in ${postTitle(citation.post)}`;
  const when = slackDate(at, '{date_short_pretty} at {time}');
  const blocks: Block[] = [
    header('📚 Reading tip'),
    section(`*${resourceLink(resource)}*  _${label.word}_`),
    context(when === null ? from : `${from} · ${when}`),
    actions('tip_actions', [
      button(`More from this ${postNoun(citation.post)}`, ACTION_IDS.postResources, citation.post.id),
    ]),
  ];
  const text = `Reading tip: ${foldSpace(resource.title)} (${label.word}) from ${foldSpace(citation.post.title)}`;
  return fitMessage({ text: escapeMrkdwn(text), blocks });
}
