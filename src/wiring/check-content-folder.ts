import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { StartupError } from '../startup-error.ts';

/**
 * Refuses a content folder that is not there (or not a folder), naming the setting that chose it: a bot
 * started on nothing would answer "I found nothing" to everyone without anyone noticing why.
 */
export async function checkContentFolder(dir: string, setting: string): Promise<void> {
  const where = `"${dir}"${resolve(dir) === dir ? '' : ` (${resolve(dir)})`}`;
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'no such folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (code ?? 'cannot be read');
    throw new StartupError(
      setting,
      `${setting} is ${where}: ${why}; set it to your Hugo site's content folder (the one holding posts/)`,
    );
  }
  if (!isFolder) {
    throw new StartupError(
      setting,
      `${setting} is ${where}: that is a file, not a folder; set it to your Hugo site's content folder`,
    );
  }
}
