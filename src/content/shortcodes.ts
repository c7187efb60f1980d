import { embedOf, type ShortcodeEmbed } from './embeds.ts';

/** A `ref`/`relref` shortcode found in a body, replaced there by a placeholder URL. */
export interface ShortcodeRef {
  /** What the shortcode names: a slug, a file name or a content path, maybe with a `#fragment`. */
  readonly target: string;
}

/** A shortcode call in a body: its name and the 1-based body line it opens on. */
export interface ShortcodeUse {
  readonly name: string;
  readonly line: number;
}

/** A body with its shortcodes read: refs and embeds replaced by placeholders, every call listed. */
export interface ExpandedBody {
  readonly body: string;
  readonly refs: readonly ShortcodeRef[];
  readonly embeds: readonly ShortcodeEmbed[];
  /** Every shortcode opened (closing tags aside), for telling unknown ones. */
  readonly uses: readonly ShortcodeUse[];
  /** 1-based body lines of `{{<` or `{{%` that are never closed before the next shortcode or the end. */
  readonly unclosed: readonly number[];
}

const placeholderScheme = 'talkbot-ref:';
const embedScheme = 'talkbot-embed:';
const opening = /\{\{[<%]/g;
const argument = /\s*(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'`=]+))/y;

/**
 * Reads the shortcodes of a body as Hugo does before Markdown sees the text. A `ref`/`relref` becomes a
 * placeholder URL (a destination such as `{{< ref "other post" >}}` holds spaces, so is only a link
 * once expanded); a built-in embed (`youtube`, `vimeo`, `x`, `tweet`, `instagram`, `gist`) or
 * `speakerdeck` becomes a placeholder autolink, so it lands under its heading like any link. Lines stay
 * where they were. A call whose inside opens with `/*` (Hugo's way to show a shortcode as text) is left alone.
 */
export function expandShortcodes(body: string): ExpandedBody {
  const refs: ShortcodeRef[] = [];
  const embeds: ShortcodeEmbed[] = [];
  const uses: ShortcodeUse[] = [];
  const unclosed: number[] = [];
  if (!body.includes('{{')) return { body, refs, embeds, uses, unclosed };
  let out = '';
  let copied = 0;
  let line = 1;
  let counted = 0;
  const lineAt = (at: number) => {
    line += countNewlines(body, counted, at);
    counted = at;
    return line;
  };
  opening.lastIndex = 0;
  for (let match = opening.exec(body); match; match = opening.exec(body)) {
    const start = match.index;
    const end = closingOf(body, start + 3);
    if (end === -1) {
      unclosed.push(lineAt(start));
      continue;
    }
    opening.lastIndex = end + 3;
    const inner = body.slice(start + 3, end).trim();
    if (inner.startsWith('/*')) continue;
    const name = inner.startsWith('/') ? null : /^[\w.-]+/.exec(inner)?.[0];
    // What a shortcode renders is its template's business: the call itself (a closing one too) is no
    // text of the post, and its arguments (`link="https://…"`) must not read as bare URLs.
    let replacement = ' ';
    let until = end + 3;
    if (name) {
      uses.push({ name, line: lineAt(start) });
      const args = readArguments(inner.slice(name.length));
      if (name === 'ref' || name === 'relref') {
        const target = args.named.path ?? args.positional[0] ?? '';
        refs.push({ target: target.trim() });
        replacement = `${placeholderScheme}${refs.length - 1}`;
      } else if (hiddenInside.has(name.toLowerCase())) {
        // Code shown by `highlight`, a writer's note in `comment`: neither is prose, nor its URLs links.
        until = closingTagEnd(body, name, until) ?? until;
        opening.lastIndex = until;
      } else {
        const embed = embedOf(name, args);
        if (embed) {
          embeds.push(embed);
          replacement = `<${embedScheme}${embeds.length - 1}>`;
        }
      }
    }
    const lines = countNewlines(body, start, until);
    out += body.slice(copied, start) + replacement + '\n'.repeat(lines);
    copied = until;
  }
  return { body: copied === 0 ? body : out + body.slice(copied), refs, embeds, uses, unclosed };
}

/** Shortcodes whose inner text is not the post's prose. */
const hiddenInside = new Set(['highlight', 'comment']);

/** Where the closing call of `name` (`{{< /highlight >}}`) after `from` ends, or null when it is never closed. */
function closingTagEnd(body: string, name: string, from: number): number | null {
  const closing = new RegExp(`\\{\\{[<%]\\s*/\\s*${name.replace(/[.]/g, '\\.')}\\s*[%>]\\}\\}`, 'gi');
  closing.lastIndex = from;
  const found = closing.exec(body);
  return found ? found.index + found[0].length : null;
}

/** The arguments of a shortcode call: positional ones in order, and named ones. */
export interface ShortcodeArguments {
  readonly positional: readonly string[];
  readonly named: Readonly<Record<string, string>>;
}

function readArguments(text: string): ShortcodeArguments {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  argument.lastIndex = 0;
  for (let m = argument.exec(text); m; m = argument.exec(text)) {
    const value = (m[2]?.replace(/\\(.)/g, '$1') ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
    if (m[1]) named[m[1].toLowerCase()] = value;
    else positional.push(value);
    if (argument.lastIndex >= text.length) break;
  }
  return { positional, named };
}

/** Where the `>}}` or `%}}` closing the shortcode opened before `from` is, or -1 when it is never closed. */
function closingOf(body: string, from: number): number {
  const next = body.indexOf('{{', from);
  const limit = next === -1 ? body.length : next;
  for (let at = body.indexOf('}}', from); at !== -1 && at < limit; at = body.indexOf('}}', at + 1)) {
    const before = body[at - 1];
    if (before === '>' || before === '%') return at - 1;
  }
  return -1;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Replaces `ref`/`relref` shortcodes with placeholder URLs that `placeholderIndex` reads back. */
export function expandRefShortcodes(body: string): { body: string; refs: readonly ShortcodeRef[] } {
  const { body: expanded, refs } = expandShortcodes(body);
  return { body: expanded, refs };
}

/** The index of the ref a placeholder URL stands for, or null when the URL is not a placeholder. */
export function placeholderIndex(url: string): number | null {
  return indexAfter(url, placeholderScheme);
}

/** The index of the embed a placeholder URL stands for, or null when the URL is not an embed placeholder. */
export function embedIndex(url: string): number | null {
  return indexAfter(url, embedScheme);
}

/** Whether a paragraph's text is only embed placeholders (an embed alone on its line): no summary. */
export function isOnlyEmbeds(text: string): boolean {
  return /^(?:\s*talkbot-embed:\d+)+\s*$/.test(text);
}

function indexAfter(url: string, scheme: string): number | null {
  if (!url.startsWith(scheme)) return null;
  const index = Number(url.slice(scheme.length));
  return Number.isInteger(index) ? index : null;
}

/** Removes every shortcode call from prose, so a description never shows `{{< youtube … >}}`. */
export function stripShortcodes(text: string): string {
  return text.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, ' ').replace(/<?talkbot-embed:\d+>?/g, ' ');
}
