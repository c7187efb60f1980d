import { loadContent } from '../content/load.ts';
import { Library } from '../search/library.ts';

/** Where and how a command reads content. */
export interface ContentFlags {
  readonly contentDir: string;
  readonly siteBaseUrl: string | null;
  readonly drafts: boolean;
  readonly future: boolean;
}

/** Loads a content folder into a Library, as every command that answers queries does. */
export async function loadLibrary(flags: ContentFlags): Promise<Library> {
  const load = await loadContent(flags.contentDir, {
    baseUrl: flags.siteBaseUrl,
    includeDrafts: flags.drafts,
    includeFuture: flags.future,
  });
  return new Library(load);
}
