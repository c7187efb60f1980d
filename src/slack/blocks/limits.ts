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
  return Math.max(
    Math.min(count, 1),
    mostThatFit(count, (shown) => fitsWhole(render(shown))),
  );
}

/**
 * The largest n in 0..count for which `fitsWith(n)` holds, given that it holds for every smaller n: the one way
 * talkbot shrinks a message, whether a renderer is choosing how many items to show or `fitMessage` how many
 * result groups to keep.
 */
function mostThatFit(count: number, fitsWith: (n: number) => boolean): number {
  let low = 0;
  let high = Math.max(count, 0);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fitsWith(mid)) low = mid;
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
  const whole = mostThatFit(groups.length, (n) =>
    fits([...groups.slice(0, n).flat(), ...tail()], maxBlocks, budget),
  );
  const first = groups[0] ?? [];
  const kept =
    whole > 0
      ? groups.slice(0, whole).flat()
      : first.slice(
          0,
          mostThatFit(first.length, (n) => fits([...first.slice(0, n), ...tail()], maxBlocks, budget)),
        );
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

/** How each kind of block is cut to Slack's limits (null: nothing left to show); kinds not named go out as they are. */
type BlockFitter<T extends Block['type']> = (block: Extract<Block, { type: T }>) => Block | null;

/** The rulebook: one entry per kind of block talkbot renders, each applying that kind's limits from `LIMITS`. */
const blockFitters: { readonly [T in 'section' | 'context' | 'header' | 'actions']: BlockFitter<T> } = {
  section: (block) => {
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
  },
  context: (block) => {
    const elements = block.elements.slice(0, LIMITS.contextElements).flatMap((element): ContextElement[] => {
      const fitted = fitText(element, LIMITS.contextText);
      return fitted === null ? [] : [fitted];
    });
    return elements.length === 0 ? null : { ...block, elements };
  },
  header: (block) => {
    const text = truncatePlain(block.text.text.replace(/\s+/g, ' ').trim(), LIMITS.headerText);
    return text === '' ? null : { ...block, text: { ...block.text, type: 'plain_text', text } };
  },
  actions: (block) => {
    const elements = block.elements.slice(0, LIMITS.actionsElements).flatMap((element): ActionsElement[] => {
      if (element.type !== 'button') return [element];
      const fitted = fitButton(element);
      return fitted === null ? [] : [fitted];
    });
    return elements.length === 0 ? null : { ...block, elements };
  },
};

function fitBlockBody(block: Block): Block | null {
  switch (block.type) {
    case 'section':
      return blockFitters.section(block);
    case 'context':
      return blockFitters.context(block);
    case 'header':
      return blockFitters.header(block);
    case 'actions':
      return blockFitters.actions(block);
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
