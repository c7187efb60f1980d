import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Environment, StoreConfig } from '../config.ts';
import { ConfigError } from '../config-error.ts';
import { reader } from './values.ts';

/** Reads only where the store is (`DATABASE_URL`, `TALKBOT_DATA_DIR`): what `talkbot insights` needs. */
export function readStoreConfig(env: Environment): StoreConfig {
  const get = reader(env);
  return { databaseUrl: databaseUrl(get('DATABASE_URL')), dataDir: dataDir(get('TALKBOT_DATA_DIR'), env) };
}

/** A PostgreSQL URL; the error never repeats the value, which may hold a password. */
function databaseUrl(value: string | null): string | null {
  if (value === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      'is not a URL; write it as postgres://user:password@host:5432/database (or unset it for the embedded store)',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(
      'DATABASE_URL',
      `must be a postgres:// URL, not ${parsed.protocol}//; unset it to keep state in TALKBOT_DATA_DIR instead`,
    );
  }
  return value;
}

/** Where state that lasts (the store, the content repository's checkout) is kept; unset, where the XDG convention puts an application's data (~/.local/share/talkbot). */
export function dataDir(value: string | null, env: Environment): string {
  if (value) return value;
  const home = env.HOME?.trim() || env.USERPROFILE?.trim();
  const base =
    env.XDG_DATA_HOME?.trim() || (home ? join(home, '.local', 'share') : join(tmpdir(), 'talkbot-data'));
  return join(base, 'talkbot');
}
