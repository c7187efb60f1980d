import { checkBlocks, MAX_MESSAGE_BLOCKS, MAX_VIEW_BLOCKS } from '../../src/local/index.ts';

/**
 * Slack's cap on a message's blocks taken together (`msg_blocks_too_long`), as measured and reported in
 * slackapi/bolt-js#2509: about 13,200 characters of JSON, and each block costs about 100 more.
 */
const measuredBlocksSize = 13_200;
const measuredBlockCost = 100;

/**
 * The `<…>` tokens a message may mean: links, user and channel mentions, and dates, in the forms Slack's
 * "Formatting text for app surfaces" gives. Broadcasts (`<!here>`, `<!channel>`) and anything else are not meant.
 */
const meantToken =
  /<(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+(?:\|[^<>]*)?|(?:https?|mailto):[^<>|\s]+(?:\|[^<>]*)?|!date\^\d+\^[^<>|]+\|[^<>]+)>/g;

/** Whether mrkdwn would do something the writer did not mean: a token not meant, or `<`, `>`, `&` left unescaped. */
function holdsLiveToken(text: string): boolean {
  return /[<>]|&(?!(?:amp|lt|gt);)/.test(text.replace(meantToken, ''));
}

/** Every mrkdwn text in blocks, with where it is. */
function mrkdwnTexts(value: unknown, at: string): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => mrkdwnTexts(item, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const own: Array<[string, string]> =
    object.type === 'mrkdwn' && typeof object.text === 'string' ? [[`${at}/text`, object.text]] : [];
  return [...own, ...Object.entries(object).flatMap(([key, inner]) => mrkdwnTexts(inner, `${at}/${key}`))];
}

/**
 * What Slack would refuse in a message or Home view, checked by the stand-in of Slack's own rules
 * (`src/local/block-rules.ts`), not by talkbot's fitter: the blocks' limits, a message's fallback text (present,
 * at most the 4,000 characters Slack asks for), the measured size cap, and no text that would ping a channel or
 * act as a link the writer did not mean. Empty when the message is fine.
 */
export function slackProblems(message: {
  readonly text?: unknown;
  readonly blocks: unknown;
  readonly type?: unknown;
}): string[] {
  const isView = message.type === 'home';
  const problems = checkBlocks(message.blocks, isView ? MAX_VIEW_BLOCKS : MAX_MESSAGE_BLOCKS);
  if (!isView) {
    const text = message.text;
    if (typeof text !== 'string' || text.trim() === '') problems.push('text: missing or blank fallback');
    else {
      if (text.length > 4_000) problems.push(`text: ${text.length} characters > 4000`);
      if (holdsLiveToken(text)) problems.push('text: holds a live token');
    }
    if (Array.isArray(message.blocks)) {
      const size = JSON.stringify(message.blocks).length + measuredBlockCost * message.blocks.length;
      if (size > measuredBlocksSize)
        problems.push(`blocks: size ${size} > ${measuredBlocksSize} (msg_blocks_too_long)`);
    }
  }
  for (const [at, text] of mrkdwnTexts(message.blocks, '/blocks')) {
    if (holdsLiveToken(text)) problems.push(`${at}: holds a live token`);
    if (text.trim() === '') problems.push(`${at}: blank text`);
  }
  return problems;
}
