import type { Definition, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as nodeText } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/** A link as it stands in the Markdown, before URLs are checked or refs resolved. */
export interface RawLink {
  readonly title: string;
  readonly url: string;
  readonly section: string | null;
  /** 1-based line in the body. */
  readonly line: number;
}

/** What talkbot needs from a post's body. */
export interface BodyOutline {
  readonly headings: readonly string[];
  readonly links: readonly RawLink[];
  /** The first paragraph's text, whitespace folded: Hugo's summary when front matter has none. */
  readonly firstParagraph: string;
}

/** Folds runs of white space (a link text spanning lines, say) into single spaces. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Parses a Markdown body as Hugo's Goldmark does (CommonMark with GitHub's extensions, so bare URLs
 * are links too) and lists its headings and links, each link under the nearest heading above it.
 * A thematic break (`---`) ends a section: what follows belongs to no heading.
 */
export function outlineMarkdown(body: string): BodyOutline {
  const tree = fromMarkdown(capIndentation(body), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const definitions = collectDefinitions(tree);
  const headings: string[] = [];
  const links: RawLink[] = [];
  let section: string | null = null;
  let firstParagraph = '';

  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'heading':
        section = foldWhitespace(nodeText(node));
        headings.push(section);
        break;
      case 'thematicBreak':
        section = null;
        break;
      case 'paragraph':
        if (!firstParagraph) firstParagraph = foldWhitespace(nodeText(node));
        break;
      case 'link':
        links.push(rawLink(node.url, node, section));
        return;
      case 'linkReference': {
        const definition = definitions.get(node.identifier);
        if (definition) links.push(rawLink(definition.url, node, section));
        return;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { headings, links, firstParagraph };
}

/** Deepest indentation kept, in characters: far beyond any real post, far below what makes parsing slow. */
const maxIndent = 160;
const excessIndent = new RegExp(`^([ \\t>]{${maxIndent}})[ \\t>]+`, 'gm');

/**
 * Cuts absurd indentation: the parser's cost grows steeply with list nesting (500 nested levels take
 * seconds), so one hostile or broken post could otherwise stall a whole load.
 */
function capIndentation(body: string): string {
  return body.replace(excessIndent, '$1');
}

function collectDefinitions(tree: Root): Map<string, Definition> {
  const found = new Map<string, Definition>();
  const visit = (node: Nodes): void => {
    // CommonMark: the first definition of a label wins.
    if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

function rawLink(url: string, node: Nodes, section: string | null): RawLink {
  const text = foldWhitespace(nodeText(node));
  return { title: text || url, url, section, line: node.position?.start.line ?? 1 };
}
