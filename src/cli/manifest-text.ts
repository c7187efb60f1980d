import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/** Finds talkbot's `manifest.yml`: beside package.json, above this module whether it runs from src/ or dist/. */
export async function readManifestTemplate(): Promise<string> {
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const path = join(folder, 'manifest.yml');
    if (existsSync(path) && existsSync(join(folder, 'package.json'))) return readFile(path, 'utf8');
    if (dirname(folder) === folder) throw new Error('cannot find talkbot’s manifest.yml');
  }
}

/** The manifest with `features.unfurl_domains` set to the site's domain; its comments and layout kept. */
export function manifestWithDomain(template: string, domain: string): string {
  const doc = parseDocument(template);
  doc.setIn(['features', 'unfurl_domains'], doc.createNode([domain]));
  return doc.toString({ lineWidth: 0 });
}
