// Hugo's content formats, by file extension (Hugo's documentation, "Content formats"). talkbot reads
// the two that Hugo renders on its own and that need no outside tool: Markdown and HTML. Emacs Org
// Mode is built in too, and AsciiDoc, Pandoc and reStructuredText need a tool installed beside Hugo;
// such pages are counted as left out, so that `talkbot index` says why they are missing.

const readFormats = 'md|markdown|mdown|html?';
const unreadFormats = 'org|adoc|asciidoc|ad|pandoc|pdc|rst';

/**
 * The extension of a content file talkbot reads: Markdown (`.md`, `.markdown`, `.mdown`) or HTML
 * (`.html`, `.htm`); also what is cut off a name for its URL (`talk.de.md` → `talk.de`).
 */
export const pageExtension = new RegExp(`\\.(?:${readFormats})$`, 'i');

/** A page in a format Hugo renders but talkbot does not read. */
export const unreadPage = new RegExp(`\\.(?:${unreadFormats})$`, 'i');

/** A leaf bundle's content file, in any of Hugo's formats (`index.md`, `index.html`, `index.org`). */
export const bundleIndex = new RegExp(`^index\\.(?:${readFormats}|${unreadFormats})$`, 'i');

/** A leaf bundle's content file or one of its translations (`index.md`, `index.de.md`). */
export const bundleIndexOrTranslation = new RegExp(
  `^index(?:\\.[a-z]{2,3}(?:-[a-z0-9]+)?)?\\.(?:${readFormats}|${unreadFormats})$`,
  'i',
);

/** A translation's language suffix before a readable extension (`talk.de.md`: `de`, then `md`). */
export const translationSuffix = new RegExp(`\\.([a-z]{2,3}(?:-[a-z0-9]+)?)\\.(${readFormats})$`, 'i');
