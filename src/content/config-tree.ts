import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { ConfigFileError, configFormat, parseConfigText } from './config-files.ts';
import { reason } from './walk.ts';

/** What one project folder's configuration files hold, merged, and what was wrong with them. */
export interface ConfigTree {
  /** The configuration files read, in the order merged, relative to the folder. */
  readonly files: readonly string[];
  /** Every file's settings merged, keys lower-cased. */
  readonly data: Record<string, unknown>;
  /** A file that could not be read or parsed, relative to the folder. */
  readonly problems: readonly {
    readonly file: string;
    readonly line: number | null;
    readonly message: string;
  }[];
}

/**
 * The last settings each configuration file (by absolute path) parsed to: a running bot keeps using
 * them while the file is broken, so a typo saved mid-edit does not move every URL.
 */
export type ConfigMemory = Map<string, Record<string, unknown>>;

/** The root file names Hugo looks for, in its order of precedence: only the first found is read. */
export const rootConfigFiles = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.json',
];
// `hugo` builds for production: config/production/ is merged over config/_default/.
const configDirs = ['config/_default', 'config/production'];

/**
 * Reads a project folder's configuration as `hugo` (a production build) merges it: the first
 * `hugo.*` or `config.*` file, then each file of `config/_default/` and `config/production/` in name
 * order, later values winning. In the folders a file's name is the key it sets (`params.toml` →
 * `params`, `menus.de.toml` → `languages.de.menus`) except `hugo.*` and `config.*`, which set the top.
 */
export async function readConfigTree(root: string, memory?: ConfigMemory): Promise<ConfigTree> {
  const problems: { file: string; line: number | null; message: string }[] = [];
  const files: string[] = [];
  let data: Record<string, unknown> = {};

  const read = async (file: string, key: string[]): Promise<boolean> => {
    const format = configFormat(file);
    if (!format) return false;
    const path = join(root, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return false;
      problems.push({ file, line: null, message: `cannot be read: ${reason(error)}` });
      return true;
    }
    files.push(file);
    try {
      const parsed = lowerKeys(parseConfigText(text, format)) as Record<string, unknown>;
      memory?.set(path, parsed);
      data = mergeTables(data, nest(key, parsed));
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      const remembered = memory?.get(path);
      if (remembered) data = mergeTables(data, nest(key, remembered));
      problems.push({
        file,
        line: error.line,
        message: remembered
          ? `${error.message}; its last good version is still used`
          : `${error.message}; the site's configuration is read without this file`,
      });
    }
    return true;
  };

  for (const name of rootConfigFiles) if (await read(name, [])) break;
  for (const dir of configDirs) {
    for (const name of await configFileNames(join(root, dir))) {
      await read(posix.join(dir, name), keyOfConfigFile(name));
    }
  }
  return { files, data, problems };
}

/**
 * Whether a path (absolute, under `root`) is one Hugo would read configuration from, or a folder
 * holding such files: what a watcher of the configuration looks at.
 */
export function isConfigPath(root: string, path: string): boolean {
  const inside = relative(root, path).split(sep).join('/');
  if (inside === '' || inside === 'config' || configDirs.includes(inside)) return true;
  if (rootConfigFiles.includes(inside)) return true;
  const dir = posix.dirname(inside);
  return configDirs.includes(dir) && configFormat(inside) !== null;
}

async function configFileNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && configFormat(e.name) !== null)
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Where a config folder's file puts its table: `params.toml` → params, `menus.de.toml` → languages.de.menus. */
function keyOfConfigFile(name: string): string[] {
  const parts = name.toLowerCase().split('.').slice(0, -1);
  const [key = '', language] = parts;
  if (key === 'hugo' || key === 'config') return [];
  return language ? ['languages', language, key] : [key];
}

function nest(key: readonly string[], data: Record<string, unknown>): Record<string, unknown> {
  return key.reduceRight<Record<string, unknown>>((inner, part) => ({ [part]: inner }), data);
}

/** Deep merge of tables, `over` winning; arrays and scalars are replaced whole, as Hugo does. */
function mergeTables(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] = isTable(before) && isTable(value) ? mergeTables(before, value) : value;
  }
  return out;
}

function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (!isTable(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
}

/** Whether a parsed value is a table of settings (not a list, a date or a scalar). */
export function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
