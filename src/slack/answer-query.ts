import type { Library } from '../search/library.ts';
import { parseQuery, QueryError } from '../search/query.ts';
import type { Greeting } from './blocks/help.ts';
import { renderAnswer, renderError, renderHelp, renderTags } from './blocks/index.ts';
import type { Message } from './blocks/message.ts';

/** How many hits one answer shows before offering More results. */
export const answerPageSize = 5;

/** How an answer is asked for: which page, and whether only the asker sees it. */
export interface AnswerRequest {
  readonly offset?: number;
  readonly ephemeral: boolean;
  /** The user who shared it into the channel, for a shared answer. */
  readonly sharedBy?: string;
}

/** Whether a query text asks for help rather than for talks. */
export function isHelpRequest(text: string): boolean {
  return /^(help|\?|)$/i.test(text.trim());
}

/** Whether a query text asks which tags there are: `tags`, or `tag:` with nothing after it. */
export function isTagListRequest(text: string): boolean {
  return /^(?:tags|list tags|tags?:\s*(?:""|'')?)$/i.test(text.trim());
}

/** A greeting or a thanks, which deserves a word back rather than a search for "hi". */
export function greetingIn(text: string): Greeting | undefined {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[!.,?…:)(\s]+$/u, '')
    .replace(/\s*(?:talkbot|bot|there|all|everyone|team)$/u, '')
    .trim();
  if (
    /^(?:hi|hello|hey|hiya|howdy|yo|hallo|hej|hola|good (?:morning|afternoon|evening)|greetings|:wave:)$/u.test(
      words,
    )
  )
    return 'hello';
  if (
    /^(?:thanks|thank you|thx|ty|cheers|merci|danke|ta|thanks a lot|thank you (?:so|very) much|many thanks)$/u.test(
      words,
    )
  )
    return 'thanks';
  return undefined;
}

/**
 * Slack sends typed text with `&`, `<` and `>` as entities (`R&amp;D`); the query is the text as typed.
 * Real links and mentions (`<@U1>`, `<!channel>`) arrive as bracketed sequences and stay as they are.
 */
export function decodeSlackText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_all, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** Turns what a user typed (decoded: see decodeSlackText) into the message talkbot answers with: help, an answer page, or a query error. */
export function answerQuery(library: Library, text: string, request: AnswerRequest): Message {
  return answerQueryShown(library, text, request).message;
}

/** An answer and what it showed: the hits' URLs, or null when it was help, a greeting, the tag list or a query error. */
export interface ShownAnswer {
  readonly message: Message;
  readonly urls: readonly string[] | null;
}

/** As `answerQuery`, also saying which URLs the answer showed, for feedback and insights. */
export function answerQueryShown(library: Library, text: string, request: AnswerRequest): ShownAnswer {
  if (isHelpRequest(text)) return { message: renderHelp(), urls: null };
  const greeting = greetingIn(text);
  if (greeting) return { message: renderHelp(greeting), urls: null };
  if (isTagListRequest(text)) return { message: renderTags(library.tagCounts()), urls: null };
  let query: ReturnType<typeof parseQuery>;
  try {
    query = parseQuery(text);
  } catch (error) {
    if (error instanceof QueryError)
      return { message: renderError(error.message, 'For example `/talk testing distributed`.'), urls: null };
    throw error;
  }
  const result = library.search(query, { offset: request.offset ?? 0, limit: answerPageSize });
  const urls = result.hits.map((hit) =>
    hit.kind === 'resource' ? hit.resource.url : (hit.post.url ?? hit.post.path),
  );
  return { message: renderAnswerPage(library, query, result, request), urls };
}

function renderAnswerPage(
  library: Library,
  query: ReturnType<typeof parseQuery>,
  result: ReturnType<Library['search']>,
  request: AnswerRequest,
): Message {
  return renderAnswer(result, {
    pageSize: answerPageSize,
    ephemeral: request.ephemeral,
    ...(request.sharedBy ? { sharedBy: request.sharedBy } : {}),
    ...(result.total === 0 ? { suggestions: library.suggest(query) } : {}),
  });
}

/** The query in a mention or DM: the text without any mention of the bot. */
export function queryFromMessage(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.replaceAll(`<@${botUserId}>`, ' ') : text;
  // A mention that arrives with its label (`<@U123|talkbot>`) is stripped the same way.
  return (
    botUserId ? withoutBot.replace(new RegExp(`<@${botUserId}\\|[^>]*>`, 'g'), ' ') : withoutBot
  ).trim();
}
