import { defuseMrkdwn } from './escape.ts';
import type { Block, Button, HomeView, Message, SectionBlock } from './message.ts';
import { truncateMrkdwn, truncatePlain } from './truncate.ts';

type TextObject = NonNullable<SectionBlock['text']>;
type ContextElement = Extract<Block, { type: 'context' }>['elements'][number];
type ActionsElement = Extract<Block, { type: 'actions' }>['elements'][number];

/** Slack's limits on what a message or Home view may hold, from the Block Kit reference, plus one measured budget. */
export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a Home tab (or modal) view. */
  viewBlocks: 100,
  /** A section's `text`. */
  sectionText: 3_000,
  /** Items in a section's `fields`. */
  sectionFields: 10,
  /** Each section field's text. */
  fieldText: 2_000,
  /** A header's plain text. */
  headerText: 150,
  /** Image and text elements in a context block. */
  contextElements: 10,
  /** A context text element: the Block Kit text object's own maximum, as the context block sets none lower. */
  contextText: 3_000,
  /** Elements in an actions block. */
  actionsElements: 25,
  /** A button's label. */
  buttonText: 75,
  /** A button's `value`, handed back to the app on a click. */
  buttonValue: 2_000,
  /** A link button's `url`. */
  buttonUrl: 3_000,
  /** `action_id` of an interactive element. */
  actionId: 255,
  /** `block_id` of a block; also unique within a message. */
  blockId: 255,
  /** Top-level `text`: Slack cuts at 40,000 characters and asks for at most 4,000, which is what notifications show. */
  messageText: 4_000,
  /**
   * All of a message's blocks together. Slack rejects a larger message with `msg_blocks_too_long` while every block
   * is within its own limit; the cap is undocumented, was measured near 13,200 characters and falls with each block
   * (slackapi/bolt-js#2509, #2867). Measured here as the blocks' JSON length plus `blockOverhead` per block.
   */
  messageSize: 12_000,
  /** What each block costs towards `messageSize` beyond its JSON: a divider alone costs about 125 in Slack's measure. */
  blockOverhead: 100,
} as const;

/** Options for fitting a message. */
export interface FitOptions {
  /** Most blocks to keep, at most Slack's own limit. @default LIMITS.messageBlocks, or LIMITS.viewBlocks for a view */
  readonly maxBlocks?: number;
  /** The mrkdwn line put where `n` trailing result groups were dropped. @default defaultMoreNotice */
  readonly moreNotice?: (n: number) => string;
}

/** The notice for results that did not fit: answers page on with their More results button. */
export function defaultMoreNotice(n: number): string {
  return `${n} more – use *More results*`;
}

/** Lists every way a message or Home view breaks Slack's limits or lets text form a live token; empty when it is fine. */
export function checkMessage(message: Message | HomeView): string[] {
  const problems: string[] = [];
  const isView = 'type' in message && message.type === 'home';
  if (!isView) {
    const text = (message as Message).text;
    if (typeof text !== 'string' || text.trim() === '') problems.push('text: missing or blank fallback text');
    else {
      if (text.length > LIMITS.messageText)
        problems.push(`text: ${text.length} chars > ${LIMITS.messageText}`);
      if (defuseMrkdwn(text) !== text)
        problems.push('text: holds a live token or unescaped control character');
    }
  }
  const maxBlocks = isView ? LIMITS.viewBlocks : LIMITS.messageBlocks;
  if (message.blocks.length > maxBlocks) problems.push(`blocks: ${message.blocks.length} > ${maxBlocks}`);
  if (!isView) {
    const size = measure(message.blocks);
    if (size > LIMITS.messageSize) problems.push(`blocks: size ${size} > ${LIMITS.messageSize}`);
  }
  const blockIds = new Set<string>();
  message.blocks.forEach((block, index) => {
    const at = `blocks[${index}]`;
    if (block.block_id !== undefined) {
      if (block.block_id.length > LIMITS.blockId)
        problems.push(`${at}.block_id: longer than ${LIMITS.blockId}`);
      if (blockIds.has(block.block_id)) problems.push(`${at}.block_id: "${block.block_id}" repeats`);
      blockIds.add(block.block_id);
    }
    problems.push(...checkBlock(block, at));
  });
  return problems;
}

function checkBlock(block: Block, at: string): string[] {
  const problems: string[] = [];
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && (block.fields === undefined || block.fields.length === 0)) {
        problems.push(`${at}: section has neither text nor fields`);
      }
      if (block.text !== undefined) problems.push(...checkText(block.text, LIMITS.sectionText, `${at}.text`));
      if (block.fields !== undefined) {
        if (block.fields.length > LIMITS.sectionFields) {
          problems.push(`${at}.fields: ${block.fields.length} > ${LIMITS.sectionFields}`);
        }
        block.fields.forEach((field, i) => {
          problems.push(...checkText(field, LIMITS.fieldText, `${at}.fields[${i}]`));
        });
      }
      if (block.accessory?.type === 'button')
        problems.push(...checkButton(block.accessory, `${at}.accessory`));
      break;
    }
    case 'context': {
      if (block.elements.length === 0) problems.push(`${at}.elements: empty`);
      if (block.elements.length > LIMITS.contextElements) {
        problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.contextElements}`);
      }
      block.elements.forEach((element, i) => {
        if (element.type === 'mrkdwn' || element.type === 'plain_text') {
          problems.push(...checkText(element, LIMITS.contextText, `${at}.elements[${i}]`));
        }
      });
      break;
    }
    case 'header': {
      if (block.text.type !== 'plain_text') problems.push(`${at}.text: header text must be plain_text`);
      problems.push(...checkText(block.text, LIMITS.headerText, `${at}.text`));
      break;
    }
    case 'actions': {
      if (block.elements.length === 0) problems.push(`${at}.elements: empty`);
      if (block.elements.length > LIMITS.actionsElements) {
        problems.push(`${at}.elements: ${block.elements.length} > ${LIMITS.actionsElements}`);
      }
      const actionIds = new Set<string>();
      block.elements.forEach((element, i) => {
        if (element.action_id !== undefined) {
          if (actionIds.has(element.action_id)) problems.push(`${at}.elements[${i}].action_id: repeats`);
          actionIds.add(element.action_id);
        }
        if (element.type === 'button') problems.push(...checkButton(element, `${at}.elements[${i}]`));
      });
      break;
    }
    case 'context_actions': {
      if (block.elements.length === 0 || block.elements.length > 5) {
        problems.push(`${at}.elements: ${block.elements.length} not within 1 to 5`);
      }
      block.elements.forEach((element, i) => {
        if (element.type !== 'feedback_buttons') return;
        for (const side of ['positive_button', 'negative_button'] as const) {
          const button = element[side];
          if (button.text.text.length > LIMITS.buttonText)
            problems.push(`${at}.elements[${i}].${side}.text: too long`);
          if (button.value.length === 0 || button.value.length > LIMITS.buttonValue) {
            problems.push(
              `${at}.elements[${i}].${side}.value: ${button.value.length} chars not within 1 to ${LIMITS.buttonValue}`,
            );
          }
        }
      });
      break;
    }
    default:
      // Dividers have nothing to check; other kinds are not rendered here.
      break;
  }
  return problems;
}

function checkText(text: TextObject | ContextElement, max: number, at: string): string[] {
  if (text.type !== 'mrkdwn' && text.type !== 'plain_text') return [];
  const problems: string[] = [];
  if (text.text.trim() === '') problems.push(`${at}: blank text`);
  if (text.text.length > max) problems.push(`${at}: ${text.text.length} chars > ${max}`);
  if (text.type === 'mrkdwn' && defuseMrkdwn(text.text) !== text.text) {
    problems.push(`${at}: holds a live token or unescaped control character`);
  }
  return problems;
}

function checkButton(button: Button, at: string): string[] {
  const problems = checkText(button.text, LIMITS.buttonText, `${at}.text`);
  if (button.text.type !== 'plain_text') problems.push(`${at}.text: button text must be plain_text`);
  if (button.value !== undefined && button.value.length > LIMITS.buttonValue) {
    problems.push(`${at}.value: ${button.value.length} chars > ${LIMITS.buttonValue}`);
  }
  if (button.url !== undefined && button.url.length > LIMITS.buttonUrl) {
    problems.push(`${at}.url: ${button.url.length} chars > ${LIMITS.buttonUrl}`);
  }
  if (button.action_id !== undefined && button.action_id.length > LIMITS.actionId) {
    problems.push(`${at}.action_id: longer than ${LIMITS.actionId}`);
  }
  return problems;
}

/** Makes a message fit Slack: every text cut cleanly, live tokens defused, and whole trailing result groups dropped. */
export function fitMessage(message: Message, options: FitOptions = {}): Message {
  const maxBlocks = clampBlocks(options.maxBlocks, LIMITS.messageBlocks);
  const blocks = fitBlocks(fitEach(message.blocks), maxBlocks, LIMITS.messageSize, options.moreNotice);
  return { text: fitFallback(message.text), blocks };
}

/** Makes a Home view fit Slack, as `fitMessage` does for a message; views have no size budget beyond 100 blocks. */
export function fitView(view: HomeView, options: FitOptions = {}): HomeView {
  const maxBlocks = clampBlocks(options.maxBlocks, LIMITS.viewBlocks);
  return { type: 'home', blocks: fitBlocks(fitEach(view.blocks), maxBlocks, null, options.moreNotice) };
}

/** Says whether a message or view would go out whole, with nothing dropped, once each block's texts are cut to fit. */
export function fitsWhole(message: Message | HomeView): boolean {
  const isView = 'type' in message && message.type === 'home';
  const blocks = fitEach(message.blocks);
  return isView ? blocks.length <= LIMITS.viewBlocks : fits(blocks, LIMITS.messageBlocks, LIMITS.messageSize);
}

/** Finds the most items (1 to `count`) whose rendering goes out whole, for renderers that show what fits and say the rest. */
export function largestFitting(count: number, render: (shown: number) => Message | HomeView): number {
  if (count <= 1) return Math.max(count, 0);
  let low = 1;
  let high = count;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsWhole(render(mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}

function clampBlocks(wanted: number | undefined, limit: number): number {
  if (wanted === undefined || !Number.isFinite(wanted)) return limit;
  return Math.max(1, Math.min(limit, Math.floor(wanted)));
}

function measure(blocks: readonly Block[]): number {
  return JSON.stringify(blocks).length + LIMITS.blockOverhead * blocks.length;
}

function fits(blocks: readonly Block[], maxBlocks: number, budget: number | null): boolean {
  return blocks.length <= maxBlocks && (budget === null || measure(blocks) <= budget);
}

function fitFallback(text: string): string {
  const folded = typeof text === 'string' ? defuseMrkdwn(text) : '';
  const fitted = truncateMrkdwn(folded, LIMITS.messageText);
  return fitted.trim() === '' ? 'A message from talkbot' : fitted;
}

/**
 * Keeps whole groups (the runs between dividers) from the top while they fit, then a notice and the trailing
 * actions; when even the first group is too big, keeps as many of its blocks as fit.
 */
function fitBlocks(
  blocks: Block[],
  maxBlocks: number,
  budget: number | null,
  moreNotice: (n: number) => string = defaultMoreNotice,
): Block[] {
  if (fits(blocks, maxBlocks, budget)) return blocks;
  let footerStart = blocks.length;
  while (footerStart > 0 && blocks[footerStart - 1]?.type === 'actions') footerStart--;
  let footer = blocks.slice(footerStart);
  const groups = splitGroups(blocks.slice(0, footerStart));
  const notice = (n: number): Block => {
    const fitted = fitBlock(
      { type: 'context', elements: [{ type: 'mrkdwn', text: moreNotice(n), verbatim: true }] },
      new Set(),
    );
    return fitted ?? { type: 'divider' };
  };
  // Size with the widest notice so the notice that is finally written fits too.
  const tail = (): Block[] => [notice(groups.length), ...footer];
  if (!fits(tail(), maxBlocks, budget)) footer = [];
  const kept: Block[] = [];
  let whole = 0;
  for (const group of groups) {
    if (!fits([...kept, ...group, ...tail()], maxBlocks, budget)) break;
    kept.push(...group);
    whole++;
  }
  if (whole === 0) {
    for (const block of groups[0] ?? []) {
      if (!fits([...kept, block, ...tail()], maxBlocks, budget)) break;
      kept.push(block);
    }
  }
  const out = [...kept, notice(groups.length - whole), ...footer];
  while (out.length > 0 && !fits(out, maxBlocks, budget)) out.pop();
  return out;
}

function splitGroups(blocks: readonly Block[]): Block[][] {
  const groups: Block[][] = [];
  for (const block of blocks) {
    const current = groups.at(-1);
    if (current === undefined || (block.type === 'divider' && current.length > 0)) groups.push([block]);
    else current.push(block);
  }
  return groups;
}

/** Cuts each block's parts to Slack's limits; a block left with nothing to show is dropped. */
function fitEach(blocks: readonly Block[]): Block[] {
  const seen = new Set<string>();
  return blocks.flatMap((block) => {
    const fitted = fitBlock(block, seen);
    return fitted === null ? [] : [fitted];
  });
}

function fitBlock(block: Block, seenIds: Set<string>): Block | null {
  const fitted = fitBlockBody(block);
  if (fitted === null || fitted.block_id === undefined) return fitted;
  if (fitted.block_id.length > LIMITS.blockId || seenIds.has(fitted.block_id)) {
    const { block_id: _dropped, ...rest } = fitted;
    return rest as Block;
  }
  seenIds.add(fitted.block_id);
  return fitted;
}

function fitBlockBody(block: Block): Block | null {
  switch (block.type) {
    case 'section': {
      const text = block.text === undefined ? null : fitText(block.text, LIMITS.sectionText);
      const fields = (block.fields ?? [])
        .slice(0, LIMITS.sectionFields)
        .flatMap((field) => fitText(field, LIMITS.fieldText) ?? []);
      const accessory = block.accessory?.type === 'button' ? fitButton(block.accessory) : block.accessory;
      if (text === null && fields.length === 0) return null;
      const { text: _text, fields: _fields, accessory: _accessory, ...rest } = block;
      return {
        ...rest,
        ...(text === null ? {} : { text }),
        ...(fields.length === 0 ? {} : { fields }),
        ...(accessory === null || accessory === undefined ? {} : { accessory }),
      };
    }
    case 'context': {
      const elements = block.elements
        .slice(0, LIMITS.contextElements)
        .flatMap((element): ContextElement[] => {
          if (element.type !== 'mrkdwn' && element.type !== 'plain_text') return [element];
          const fitted = fitText(element, LIMITS.contextText);
          return fitted === null ? [] : [fitted];
        });
      return elements.length === 0 ? null : { ...block, elements };
    }
    case 'header': {
      const text = truncatePlain(block.text.text.replace(/\s+/g, ' ').trim(), LIMITS.headerText);
      return text === '' ? null : { ...block, text: { ...block.text, type: 'plain_text', text } };
    }
    case 'actions': {
      const elements = block.elements
        .slice(0, LIMITS.actionsElements)
        .flatMap((element): ActionsElement[] => {
          if (element.type !== 'button') return [element];
          const fitted = fitButton(element);
          return fitted === null ? [] : [fitted];
        });
      return elements.length === 0 ? null : { ...block, elements };
    }
    default:
      return block;
  }
}

function fitText<T extends TextObject | ContextElement>(text: T, max: number): T | null {
  if (text.type !== 'mrkdwn' && text.type !== 'plain_text') return text;
  const safe = text.type === 'mrkdwn' ? defuseMrkdwn(text.text) : text.text;
  const cut = text.type === 'mrkdwn' ? truncateMrkdwn(safe, max) : truncatePlain(safe, max);
  if (cut.trim() === '') return null;
  return { ...text, text: cut };
}

/** A button whose value or action_id would be cut is dropped: a cut value would only fail later, in the listener. */
function fitButton(button: Button): Button | null {
  if (button.value !== undefined && button.value.length > LIMITS.buttonValue) return null;
  if (button.action_id !== undefined && button.action_id.length > LIMITS.actionId) return null;
  const label = truncatePlain(button.text.text.replace(/\s+/g, ' ').trim(), LIMITS.buttonText);
  const { url, ...rest } = button;
  return {
    ...rest,
    text: {
      type: 'plain_text',
      text: label === '' ? '…' : label,
      ...(button.text.emoji === undefined ? {} : { emoji: button.text.emoji }),
    },
    ...(url === undefined || url.length > LIMITS.buttonUrl ? {} : { url }),
  };
}
