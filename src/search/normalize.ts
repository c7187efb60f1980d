/** Lower-cases and strips accents, so `Inés` and `ines` compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A tag as a comparable key: folded, with spaces, hyphens and underscores treated alike. */
export function tagKey(tag: string): string {
  return foldText(tag)
    .trim()
    .replace(/[\s_-]+/g, '-');
}
