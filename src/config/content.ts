import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentConfig, Environment } from '../config.ts';
import { gitSettings } from '../sources/git-settings.ts';
import { dataDir } from './store.ts';
import { httpUrl, reader } from './values.ts';

/** Reads only the content settings, so a stray Slack variable never stops `talkbot ask`. */
export function readContentConfig(env: Environment): ContentConfig {
  const get = reader(env);
  return {
    contentDir: get('CONTENT_DIR') ?? './content',
    siteBaseUrl: httpUrl(get('SITE_BASE_URL'), 'SITE_BASE_URL', false),
    cacheDir: cacheDir(get('TALKBOT_CACHE_DIR'), env),
    git: gitSettings({
      url: get('CONTENT_GIT_URL'),
      ref: get('CONTENT_GIT_REF'),
      token: get('CONTENT_GIT_TOKEN'),
      poll: get('CONTENT_GIT_POLL'),
      webhookSecret: get('CONTENT_GIT_WEBHOOK_SECRET'),
      contentDir: get('CONTENT_DIR'),
      dataDir: dataDir(get('TALKBOT_DATA_DIR'), env),
      env,
    }),
  };
}

/** `off` turns the cache off; unset, it goes where the XDG convention puts caches (~/.cache/talkbot). */
function cacheDir(value: string | null, env: Environment): string | null {
  if (value?.toLowerCase() === 'off') return null;
  if (value) return value;
  const home = env.HOME?.trim() || env.USERPROFILE?.trim();
  const base = env.XDG_CACHE_HOME?.trim() || (home ? join(home, '.cache') : join(tmpdir(), 'talkbot-cache'));
  return join(base, 'talkbot');
}
