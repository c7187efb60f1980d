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
  /** The heading a link sits under, as its index in the post's `headings` (every section is one); -1 for none. */
  readonly sections: Int32Array;
  readonly lines: Int32Array;
  /** Index in `kinds` plus one; 0 for null. */
  readonly kinds: Uint8Array;
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
  const bare: FileOutcome[] = new Array(outcomes.length);
  let at = 0;
  for (const [o, outcome] of outcomes.entries()) {
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
        // The outline lists every heading it puts a link under; a parser that broke that must not lose the link.
        if (heading === -1)
          throw new Error(`${post.path}: a link's section "${link.section}" is not a heading`);
        sections[at] = heading;
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
  };
}

/** The value at an index of packed arrays, which always hold it: a miss means the packing is corrupt, so say so. */
function valueAt<T>(values: ArrayLike<T>, index: number): T {
  const value = values[index];
  if (value === undefined)
    throw new RangeError(`packed outcomes hold nothing at ${index} of ${values.length}`);
  return value;
}

/** The outcomes `packOutcomes` packed, links and all. */
export function unpackOutcomes(packed: PackedOutcomes): FileOutcome[] {
  const { linkCounts, titles, labels, contexts, titleAttributes, urls, keys, sections, lines } = packed;
  let at = 0;
  return packed.outcomes.map((outcome, o) => {
    const post = outcome.post;
    if (!post) return outcome;
    const count = valueAt(linkCounts, o);
    const links: ParsedLink[] = new Array(count);
    for (let i = 0; i < count; i++, at++) {
      const section = valueAt(sections, at);
      const kind = valueAt(packed.kinds, at);
      links[i] = {
        title: valueAt(titles, at),
        label: valueAt(labels, at),
        context: valueAt(contexts, at),
        titleAttribute: valueAt(titleAttributes, at),
        url: valueAt(urls, at),
        section: section === -1 ? null : valueAt(post.headings, section),
        line: valueAt(lines, at),
        kind: kind === 0 ? null : valueAt(kinds, kind - 1),
        key: valueAt(keys, at),
      };
    }
    return { ...outcome, post: { ...post, links } satisfies ParsedPost };
  });
}
