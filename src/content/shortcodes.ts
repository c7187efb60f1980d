/** A `ref`/`relref` shortcode found in a body, replaced there by a placeholder URL. */
export interface ShortcodeRef {
  /** What the shortcode names: a slug, a file name or a content path, maybe with a `#fragment`. */
  readonly target: string;
}

const placeholderScheme = 'talkbot-ref:';

// Hugo expands shortcodes before Markdown sees the text, so a link destination such as
// `{{< ref "other-post" >}}` (which holds spaces) is only a link after expansion. We expand
// ref/relref into a placeholder URL without spaces or newlines, keeping every line where it was.
const refShortcode =
  /\{\{([<%])\s*(?:ref|relref)\s+(?:"([^"\n]*)"|'([^'\n]*)'|`([^`\n]*)`|([^\s%>]+))\s*[%>]\}\}/g;

/** Replaces `ref`/`relref` shortcodes with placeholder URLs that `placeholderTarget` reads back. */
export function expandRefShortcodes(body: string): { body: string; refs: ShortcodeRef[] } {
  const refs: ShortcodeRef[] = [];
  const expanded = body.replace(refShortcode, (_all, _open, dq, sq, bq, bare) => {
    refs.push({ target: String(dq ?? sq ?? bq ?? bare ?? '').trim() });
    return `${placeholderScheme}${refs.length - 1}`;
  });
  return { body: expanded, refs };
}

/** The index of the ref a placeholder URL stands for, or null when the URL is not a placeholder. */
export function placeholderIndex(url: string): number | null {
  if (!url.startsWith(placeholderScheme)) return null;
  const index = Number(url.slice(placeholderScheme.length));
  return Number.isInteger(index) ? index : null;
}

/** Removes every shortcode call from prose, so a description never shows `{{< youtube … >}}`. */
export function stripShortcodes(text: string): string {
  return text.replace(/\{\{[<%][\s\S]*?[%>]\}\}/g, ' ');
}
