import type { Post, ResourceKind } from '../../content/types.ts';
import { escapeMrkdwn, mrkdwnLink } from './escape.ts';
import { kindLabel } from './kind-label.ts';
import { LIMITS } from './limits.ts';
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from './message.ts';
import { truncateMrkdwn } from './truncate.ts';

// `verbatim` stops Slack auto-linking channel names and parsing mentions in content; our own links still work.

/** A mrkdwn text object that Slack does not pre-process. */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** A plain text object with emoji shortcodes rendered. */
export function plainText(text: string): PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

/** A mrkdwn section, optionally with a button beside it. */
export function section(text: string, accessory?: Button): SectionBlock {
  return accessory === undefined
    ? { type: 'section', text: mrkdwn(text) }
    : { type: 'section', text: mrkdwn(text), accessory };
}

/** A context line of mrkdwn parts, each its own element. */
export function context(...parts: readonly string[]): ContextBlock {
  return { type: 'context', elements: parts.map(mrkdwn) };
}

/** A divider between results. */
export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** A header of plain text. */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: plainText(text) };
}

/** A button that reports `actionId` and `value` to the app. */
export function button(label: string, actionId: string, value: string, style?: 'primary'): Button {
  const base: Button = { type: 'button', text: plainText(label), action_id: actionId, value };
  return style === undefined ? base : { ...base, style };
}

/** A row of buttons. */
export function actions(blockId: string, buttons: readonly Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: [...buttons] };
}

/** A post's title in bold, linked to the post when it has a permalink. */
export function postTitle(post: Post): string {
  return `*${post.url === null ? escapeMrkdwn(foldTitle(post.title)) : mrkdwnLink(post.url, foldTitle(post.title))}*`;
}

/** A resource as `🎬 <url|title>`: its kind's emoji and its link. */
export function resourceLink(resource: {
  readonly title: string;
  readonly url: string;
  readonly kind: ResourceKind;
}): string {
  return `${kindLabel(resource.kind).emoji} ${mrkdwnLink(resource.url, resource.title)}`;
}

/** Packs lines into as few sections as Slack's section limit allows, each line kept whole unless it alone is too long. */
export function linesToSections(lines: readonly string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncateMrkdwn(raw, LIMITS.sectionText);
    if (current !== '' && current.length + 1 + line.length > LIMITS.sectionText) {
      sections.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current.trim() !== '') sections.push(section(current));
  return sections;
}

function foldTitle(title: string): string {
  const folded = title.replace(/\s+/g, ' ').trim();
  return folded === '' ? 'Untitled' : folded;
}
