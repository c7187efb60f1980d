import type { FileOutcome } from './parse-file.ts';
import type { ParsedLink, ParsedPost } from './parse-post.ts';
import type { ResourceKind } from './types.ts';

/**
 * A batch of outcomes as a parse worker sends them: the posts without their links, and every link of
 * the batch in parallel arrays. A large site has twenty links a post; copied between threads as
 * objects, they cost the receiving thread about twice what these arrays do.
 */
export interface PackedOutcomes {
  /** The outcomes, each post's `links` left empty. */
  readonly outcomes: readonly FileOutcome[];
  /** How many links each outcome's post has (0 for no post). */
  readonly linkCounts: Int32Array;
  readonly titles: readonly string[];
  readonly labels: readonly string[];
  readonly contexts: readonly string[];
  readonly titleAttributes: readonly (string | null)[];
  readonly urls: readonly string[];
  readonly keys: readonly (string | null)[];
  /** The heading a link sits under, as its index in the post's `headings`; -1 for none. */
  readonly sections: Int32Array;
  readonly lines: Int32Array;
  /** Index in `kinds` plus one; 0 for null. */
  readonly kinds: Uint8Array;
  /** Sections that are none of the post's headings, as `-2 - i` in `sections` (never so today). */
  readonly strays: readonly string[];
}

const kinds: readonly ResourceKind[] = ['video', 'slides', 'paper', 'profile', 'article', 'other'];

/** Packs outcomes for sending to another thread; `unpackOutcomes` gives them back as they were. */
export function packOutcomes(outcomes: readonly FileOutcome[]): PackedOutcomes {
  let total = 0;
  for (const outcome of outcomes) total += outcome.post?.links.length ?? 0;
  const linkCounts = new Int32Array(outcomes.length);
  const titles: string[] = new Array(total);
  const labels: string[] = new Array(total);
  const contexts: string[] = new Array(total);
  const titleAttributes: (string | null)[] = new Array(total);
  const urls: string[] = new Array(total);
  const keys: (string | null)[] = new Array(total);
  const sections = new Int32Array(total);
  const lines = new Int32Array(total);
  const kindCodes = new Uint8Array(total);
  const strays: string[] = [];
  const bare: FileOutcome[] = new Array(outcomes.length);
  let at = 0;
  for (let o = 0; o < outcomes.length; o++) {
    const outcome = outcomes[o] as FileOutcome;
    const post = outcome.post;
    if (!post) {
      bare[o] = outcome;
      continue;
    }
    linkCounts[o] = post.links.length;
    // Links come in document order, so each one's heading is at or after the previous one's.
    let heading = 0;
    for (const link of post.links) {
      titles[at] = link.title;
      labels[at] = link.label;
      contexts[at] = link.context;
      titleAttributes[at] = link.titleAttribute;
      urls[at] = link.url;
      keys[at] = link.key;
      lines[at] = link.line;
      kindCodes[at] = link.kind === null ? 0 : kinds.indexOf(link.kind) + 1;
      if (link.section === null) sections[at] = -1;
      else {
        if (post.headings[heading] !== link.section) heading = post.headings.indexOf(link.section, heading);
        if (heading === -1) heading = post.headings.indexOf(link.section);
        if (heading === -1) {
          heading = 0;
          sections[at] = -2 - strays.length;
          strays.push(link.section);
        } else sections[at] = heading;
      }
      at++;
    }
    bare[o] = { ...outcome, post: { ...post, links: [] } };
  }
  return {
    outcomes: bare,
    linkCounts,
    titles,
    labels,
    contexts,
    titleAttributes,
    urls,
    keys,
    sections,
    lines,
    kinds: kindCodes,
    strays,
  };
}

/** The outcomes `packOutcomes` packed, links and all. */
export function unpackOutcomes(packed: PackedOutcomes): FileOutcome[] {
  const { linkCounts, titles, labels, contexts, titleAttributes, urls, keys, sections, lines, strays } =
    packed;
  let at = 0;
  return packed.outcomes.map((outcome, o) => {
    const post = outcome.post;
    if (!post) return outcome;
    const count = linkCounts[o] as number;
    const links: ParsedLink[] = new Array(count);
    for (let i = 0; i < count; i++, at++) {
      const section = sections[at] as number;
      const kind = packed.kinds[at] as number;
      links[i] = {
        title: titles[at] as string,
        label: labels[at] as string,
        context: contexts[at] as string,
        titleAttribute: titleAttributes[at] ?? null,
        url: urls[at] as string,
        section:
          section >= 0
            ? (post.headings[section] as string)
            : section === -1
              ? null
              : (strays[-2 - section] as string),
        line: lines[at] as number,
        kind: kind === 0 ? null : (kinds[kind - 1] as ResourceKind),
        key: keys[at] as string | null,
      };
    }
    return { ...outcome, post: { ...post, links } satisfies ParsedPost };
  });
}
