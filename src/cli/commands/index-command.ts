import { join } from 'node:path';
import type { ContentConfig } from '../../config.ts';
import { formatProblem } from '../../content/format-problem.ts';
import type { LeftOut } from '../../content/types.ts';
import { contentOptions, parseCommandArgs } from '../args.ts';
import { postToJson } from '../json.ts';
import { contentFlags, loadLibrary, resolveContent } from '../library-loader.ts';
import type { CommandIO } from './io.ts';

/** Usage of `talkbot index`. */
export const indexUsage = `Usage: talkbot index [--content DIR] [--json] [--strict]

Loads the content folder and reports what it holds and every problem found,
one per line as path:line: message.

  --content DIR  the Hugo content folder (default: $CONTENT_DIR or ./content)
  --json         print {"posts": [...], "problems": [...]}
  --strict       exit 1 when any problem was found (for a content repository's CI)
  --drafts       include draft posts      --future  include future-dated posts

The first line counts what Hugo would not build either: drafts, future and expired posts.`;

/** `talkbot index`: what a content folder holds and what is wrong with it. */
export async function indexCommand(
  argv: readonly string[],
  config: ContentConfig,
  io: CommandIO,
): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      ...contentOptions,
      json: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
    indexUsage,
  );
  if (values.help) {
    io.out(`${indexUsage}\n`);
    return 0;
  }
  const flags = await resolveContent(contentFlags(values, config, io));
  const contentDir = flags.contentDir;
  const library = await loadLibrary(flags);
  if (values.json) {
    io.out(
      `${JSON.stringify({ posts: library.posts.map(postToJson), problems: library.problems, leftOut: library.leftOut }, null, 2)}\n`,
    );
  } else {
    const links = library.posts.reduce((n, p) => n + p.links.length, 0);
    io.out(
      `${contentDir}: ${plural(library.posts.length, 'post')}, ${plural(library.resources.length, 'resource')} ` +
        `(${plural(links, 'link')}), ${plural(library.problems.length, 'problem')}${leftOutText(library.leftOut)}\n`,
    );
    for (const p of library.problems)
      io.out(`${formatProblem(p, p.path === contentDir ? p.path : join(contentDir, p.path))}\n`);
  }
  return values.strict && library.problems.length > 0 ? 1 : 0;
}

/** `; 8 drafts and 2 future posts left out`: what Hugo would not build either, so no problem. */
function leftOutText(leftOut: LeftOut | null): string {
  if (!leftOut) return '';
  const parts = [
    leftOut.drafts ? plural(leftOut.drafts, 'draft') : '',
    leftOut.future ? plural(leftOut.future, 'future post') : '',
    leftOut.expired ? plural(leftOut.expired, 'expired post') : '',
    leftOut.unrendered
      ? plural(leftOut.unrendered, 'page Hugo does not render', 'pages Hugo does not render')
      : '',
    leftOut.otherFormats
      ? plural(
          leftOut.otherFormats,
          'page in Org, AsciiDoc, Pandoc or reStructuredText (talkbot reads Markdown and HTML)',
          'pages in Org, AsciiDoc, Pandoc or reStructuredText (talkbot reads Markdown and HTML)',
        )
      : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `; ${list} left out`;
}

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}
