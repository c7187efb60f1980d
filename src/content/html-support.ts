import type { BodyOutline } from './markdown.ts';

// htmlparser2 costs a worker a few dozen milliseconds of CPU to load, and most sites have no HTML
// pages: it is loaded when a batch of files holds one (see `loadHtmlSupport`), not at start.
let outliner: ((body: string) => BodyOutline) | null = null;

/** Loads what reads a page written in HTML, when any of `paths` is one; call before parsing them. */
export async function loadHtmlSupport(paths: readonly string[]): Promise<void> {
  if (outliner || !paths.some(isHtmlPage)) return;
  outliner = (await import('./html-outline.ts')).outlineHtml;
}

/** What outlines an HTML page's body; throws when `loadHtmlSupport` was not called for it first. */
export function htmlOutliner(): (body: string) => BodyOutline {
  if (!outliner) throw new Error('an HTML page was parsed before loadHtmlSupport');
  return outliner;
}

/** True for a page written in HTML: its `<a href>` links are links whatever the Markdown settings. */
export function isHtmlPage(path: string): boolean {
  return /\.html?$/i.test(path);
}
