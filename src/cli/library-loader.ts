import type { ContentConfig } from '../config.ts';
import { loadContent } from '../content/load.ts';
import { ParseCache } from '../content/parse-cache.ts';
import { Library } from '../search/library.ts';
import { checkContentFolder } from '../wiring/check-content-folder.ts';
import type { CommandIO } from './commands/io.ts';

/** Where and how a command reads content. */
export interface ContentFlags {
  readonly contentDir: string;
  /** What chose the folder, to name in an error: the `--content` flag or `CONTENT_DIR`. */
  readonly setting: string;
  readonly siteBaseUrl: string | null;
  readonly drafts: boolean;
  readonly future: boolean;
  /** Where the parse cache lives; null for none. */
  readonly cacheDir: string | null;
  /** Hears why the parse cache could not be used (the command goes on without it). */
  readonly warn: (message: string) => void;
}

/** The content options every content command takes (`--content`, `--drafts`, `--future`). */
export interface ContentValues {
  readonly content?: string | undefined;
  readonly drafts: boolean;
  readonly future: boolean;
}

/** A command's content flags: its options over the environment's settings. */
export function contentFlags(
  values: ContentValues,
  config: ContentConfig,
  io: Pick<CommandIO, 'err'>,
): ContentFlags {
  return {
    contentDir: values.content ?? config.contentDir,
    setting: values.content === undefined ? 'CONTENT_DIR' : '--content',
    siteBaseUrl: config.siteBaseUrl,
    drafts: values.drafts,
    future: values.future,
    cacheDir: config.cacheDir,
    warn: (message) => io.err(`talkbot: ${message}\n`),
  };
}

/**
 * Loads a content folder that must be there into a Library, as every command that answers does: answers
 * from a folder that is not there would all be "nothing found", and never say why.
 */
export async function loadExistingLibrary(flags: ContentFlags): Promise<Library> {
  await checkContentFolder(flags.contentDir, flags.setting);
  return loadLibrary(flags);
}

/** Loads a content folder into a Library; a folder that cannot be read becomes its one problem. */
export async function loadLibrary(flags: ContentFlags): Promise<Library> {
  const load = await loadContent(flags.contentDir, {
    baseUrl: flags.siteBaseUrl,
    includeDrafts: flags.drafts,
    includeFuture: flags.future,
    // A command that exits straight after still writes the cache: the write keeps the process alive.
    cache: new ParseCache(flags.contentDir, { dir: flags.cacheDir, warn: flags.warn }),
  });
  return new Library(load);
}
