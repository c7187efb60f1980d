import type { ResourceKind } from './types.ts';

/** What the writer wrote around one link, read from the text of the block holding it. */
export interface LinkSurroundings {
  /** The list item's (or table cell's) text, else the sentence the link sits in; capped, white space folded. */
  readonly context: string;
  /** In a list item: its words before its first link (`QCon NY 2017` in `QCon NY 2017 - [Slides] | [Video]`); else ''. */
  readonly lead: string;
  /** The few words right after the link that go on with it (`presentation about …` after `[Will Wilson's]`). */
  readonly follow: string;
}

/** Where a link's text sits in the plain text of its block. */
export interface LinkSpan {
  readonly start: number;
  readonly end: number;
}

/** Longest context kept: a sentence or two, so that one long paragraph never floods an answer or the index. */
export const contextLimit = 240;
/** Words after a link that may complete a possessive title ("Will Wilson's" + "Strange Loop talk"). */
const followWords = 6;
/** Characters after a link read for those words: six long words and the spaces between. */
const followChars = 120;

/**
 * Reads what surrounds each of `spans` in `text`, in order: the whole of a list item, or the sentence
 * in prose. The item's folded text and its lead are the same for each of its links, so worked out once.
 */
export function surroundingsOf(
  text: string,
  spans: readonly LinkSpan[],
  inItem: boolean,
): LinkSurroundings[] {
  const found: LinkSurroundings[] = new Array(spans.length);
  let folded: string | null = null;
  let lead: string | null = null;
  for (let at = 0; at < spans.length; at++) {
    const span = spans[at] as LinkSpan;
    // A list item that is only its link says nothing more than the link (most items, so checked first).
    if (!hasTextOutside(text, span)) {
      found[at] = nothingAround;
      continue;
    }
    const linkText = text.slice(span.start, span.end);
    // Only a text that says nothing alone needs the words around it for its label.
    const bare = isGenericText(linkText) || isPossessive(linkText) || /^https?:/.test(linkText);
    if (inItem && bare) lead ??= leadOf(text, spans);
    const leadHere = inItem && bare ? (lead ?? '') : '';
    const follow = bare ? followOf(text, spans, at) : '';
    if (inItem) folded ??= fold(text);
    const context =
      folded !== null && folded.length <= contextLimit
        ? folded
        : capAround(text, sentenceStart(text, span.start), sentenceEnd(text, span.end), span);
    found[at] = { context, lead: leadHere, follow };
  }
  return found;
}

const nothingAround: LinkSurroundings = { context: '', lead: '', follow: '' };
const blank = /^\s*$/;

function hasTextOutside(text: string, span: LinkSpan): boolean {
  return !blank.test(text.slice(0, span.start)) || !blank.test(text.slice(span.end));
}

const separators = /^[\s\-–—:|,;/·•()[\]]+|[\s\-–—:|,;/·•()[\].]+$/gu;

// Words a lead cannot end on ("The paper is [here]"): what is left names the thing.
const danglingWords =
  /(?:\s+(?:is|are|was|were|be|the|a|an|of|to|in|on|at|by|for|from|with|and|or|see|read|watch|here|via|as|its|my|our))+$/iu;

/** The item's words before its first link, shorn of separators and dangling small words. */
function leadOf(text: string, spans: readonly LinkSpan[]): string {
  const first = spans[0] as LinkSpan;
  const shorn = ` ${fold(text.slice(0, first.start)).replace(separators, '')}`;
  const folded = (endsInShortWord(shorn) ? shorn.replace(danglingWords, '') : shorn).trim();
  return folded.length > contextLimit / 2 ? '' : folded;
}

/**
 * Whether the text's last word (after its last white space) has one to five characters, as every
 * dangling word has: most leads end in a longer word, and the pattern, anchored at the end, would
 * otherwise be tried from every space in the text.
 */
function endsInShortWord(text: string): boolean {
  let letters = 0;
  for (let at = text.length - 1; at >= 0; at--) {
    if (space.test(text[at] ?? '')) return letters > 0;
    if (++letters > 5) return false;
  }
  return false;
}

const space = /\s/;

// Where the words going on with a link stop: punctuation, a dash, the next link, or a new clause.
const followStop =
  /[.,;:!?()[\]"“”\n]|\s[-–—]\s|\s(?:where|which|that|who|when|because|since|so|but|and)\s/iu;

/** The words right after the link, up to punctuation, a new clause or the next link. */
function followOf(text: string, spans: readonly LinkSpan[], at: number): string {
  const span = spans[at] as LinkSpan;
  // Six words fit in far fewer characters than a paragraph's rest: only those are looked at.
  const until = spans[at + 1]?.start ?? text.length;
  const cut = text.slice(span.end, Math.min(until, span.end + followChars));
  // A word cut in two at the end is left out, not shown in part.
  const rest = until > span.end + followChars ? cut.replace(/\S+$/u, '') : cut;
  if (!/^\s/u.test(rest)) return '';
  const stop = rest.search(followStop);
  return capWords(fold(stop === -1 ? rest : rest.slice(0, stop)), followWords);
}

function capWords(text: string, count: number): string {
  // Most texts (every empty lead) are single-spaced and within the cap: those are returned as they are.
  let spaces = 0;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) {
    if (++spaces >= count || at === 0 || at === text.length - 1 || text[at + 1] === ' ')
      return text.split(' ').filter(Boolean).slice(0, count).join(' ');
  }
  return text;
}

const sentenceBreak = /[.!?]["”’)]*\s+(?=[\p{Lu}\p{N}"“([])|\n\s*\n/gu;

function sentenceStart(text: string, from: number): number {
  let start = 0;
  sentenceBreak.lastIndex = 0;
  for (let m = sentenceBreak.exec(text); m !== null && m.index < from; m = sentenceBreak.exec(text)) {
    start = m.index + m[0].length;
  }
  return start;
}

function sentenceEnd(text: string, from: number): number {
  sentenceBreak.lastIndex = from;
  const m = sentenceBreak.exec(text);
  return m === null ? text.length : m.index + 1;
}

/** The sentence, cut to `contextLimit` around the link at word boundaries, with `…` where cut. */
function capAround(text: string, start: number, end: number, span: LinkSpan): string {
  if (end - start <= contextLimit) return fold(text.slice(start, end));
  const room = Math.max(0, contextLimit - (span.end - span.start));
  let from = Math.max(start, span.start - Math.floor(room / 2));
  const to = Math.min(end, from + contextLimit);
  from = Math.max(start, to - contextLimit);
  let cut = text.slice(from, to);
  if (from > start) cut = `…${cut.replace(/^\S*\s/u, '')}`;
  if (to < end) cut = `${cut.replace(/\s\S*$/u, '')}…`;
  return fold(cut);
}

const foldable = /[^\S ]| {2}|^ | $/;

function fold(text: string): string {
  // Most texts have nothing to fold: skip building a copy of each.
  return foldable.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

// Words that, alone or together, say nothing of what a link is: "Slides", "Video", "here", "My Twitter".
const genericWords = new Set(
  `a an the this that these those my our his her their its your full original official here here's there
  click see also read more watch listen link links url page slides slide deck decks video videos recording
  recorded youtube vimeo version talk talks keynote presentation paper pdf article post blog website site
  homepage home twitter x github gitlab mastodon linkedin bluesky interview podcast episode transcript audio
  source code repo repository demo docs documentation notes write up writeup thread summary report part i ii
  iii 1 2 3 and or of on in at resources resource references reference further reading materials media
  elsewhere related`.split(/\s+/),
);

// A word of a link text: a run of letters, digits and apostrophes.
const word = /[\p{L}\p{N}']+/gu;

/** The text's first `word`, read by hand while the text is ASCII. */
function firstWordOf(text: string): string | undefined {
  let start = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 128) {
      word.lastIndex = 0;
      return word.exec(text)?.[0];
    }
    const inWord =
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 39;
    if (inWord && start === -1) start = at;
    else if (!inWord && start !== -1) return text.slice(start, at);
  }
  return start === -1 ? undefined : text.slice(start);
}

/** True when the link text alone says nothing of what it points at ("Slides", "here", "YouTube version"). */
export function isGenericText(text: string): boolean {
  // Four generic words are never this long: most link texts are decided here.
  if (text.length > 48) return false;
  const first = firstWordOf(text);
  if (first !== undefined && !genericWords.has(first.toLowerCase())) return false;
  // Word by word, stopping at the first that names something: no array of words.
  const lower = text.toLowerCase();
  let words = 0;
  word.lastIndex = 0;
  for (let m = word.exec(lower); m !== null; m = word.exec(lower)) {
    if (++words > 4 || !genericWords.has(m[0])) return false;
  }
  return true;
}

/** A possessive alone ("Will Wilson's"): whose it is, not what it is. */
export function isPossessive(text: string): boolean {
  const trimmed = text.trim();
  // Only a text ending in `s`, `'` or `’` can be one: most are decided before the pattern is tried.
  const last = trimmed.at(-1);
  return (last === 's' || last === "'" || last === '’') && possessive.test(trimmed);
}

const possessive = /^[\p{L}\p{N} .-]+(?:['’]s|s['’])$/u;

/** Each kind of resource as a plain word: in built titles ("QCon NY 2017 · slides") and the CLI's text. */
export const kindWords: Readonly<Record<ResourceKind, string>> = {
  video: 'video',
  slides: 'slides',
  paper: 'paper',
  profile: 'profile',
  article: 'article',
  other: 'link',
};

/** What `labelOf` reads about one link. */
export interface LabelInput {
  /** The link text (the URL itself for a bare URL). */
  readonly title: string;
  readonly url: string;
  readonly titleAttribute: string | null;
  readonly lead: string;
  readonly follow: string;
  readonly section: string | null;
}

/** Longest label built from context: a title, not a paragraph. */
const labelWords = 10;

/**
 * The title to show for a link: its text when that says what the thing is; else one built from what
 * surrounds it ("QCon NY 2017 · slides", "Will Wilson's presentation about deterministic testing").
 */
export function labelOf(link: LabelInput, kind: ResourceKind, postTitle: string): string {
  const { title } = link;
  const bare = title === link.url;
  if (!bare && isPossessive(title)) {
    if (link.follow) return capWords(`${title} ${link.follow}`, labelWords);
    return `${title} ${kindWords[kind]}`;
  }
  if (!bare && !isGenericText(title)) return title;
  const attribute = link.titleAttribute?.trim() ?? '';
  if (attribute && !isGenericText(attribute) && attribute !== link.url) return attribute;
  const lead = capWords(link.lead, labelWords);
  if (bare) return lead || title;
  const named = title.toLowerCase().replace(determiners, '');
  const what = /^(here|click here|this|link|see here|read more|more|)$/.test(named) ? kindWords[kind] : named;
  if (lead) return `${lead} · ${what}`;
  // "[Interview] with Ravi Kumar after the conference": the words after it say whose and which.
  if (goesOn.test(link.follow)) return capWords(`${title} ${link.follow}`, labelWords);
  // A heading that only says what kind of list follows ("Links", "Further reading") names nothing: the post does.
  const base = link.section && !isGenericText(link.section) ? link.section : postTitle;
  return base ? `${base} · ${what}` : title;
}

const determiners = /^(?:(?:the|this|that|a|an|my|our|his|her|their|its|your)\s+)+/u;
const goesOn = /^(?:from|with|at|by|on|about|for|of|in)\s/iu;

/**
 * How descriptive a link is: a text of its own beats any label built for it, and among those, the one
 * with more words that name something (not "talk", not a possessive) says more of what the thing is.
 */
export function descriptiveness(link: { readonly title: string; readonly label: string }): number {
  return (link.label === link.title ? 100 : 0) + namingWordsOf(link.label);
}

// Labels repeat across a site ("Slides", "Video", a speaker's name): each is counted once.
const namingWords = new Map<string, number>();
/** Labels remembered before the map starts afresh, so that reloads of an ever-changing site cannot grow it without end. */
const namingWordsKept = 100_000;

/** How many of a label's words name something (at most `labelWords`). */
function namingWordsOf(label: string): number {
  let naming = namingWords.get(label);
  if (naming === undefined) {
    naming = 0;
    for (const word of label.toLowerCase().split(/[^\p{L}\p{N}'’]+/u)) {
      if (word && !genericWords.has(word) && !/['’]s$/u.test(word)) naming++;
    }
    naming = Math.min(labelWords, naming);
    if (namingWords.size >= namingWordsKept) namingWords.clear();
    namingWords.set(label, naming);
  }
  return naming;
}
