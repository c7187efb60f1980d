import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error.ts';
import { readTipSettings, type TipSettings } from './tips/tip-config.ts';

export { ConfigError };

/** How the bot reaches Slack: Socket Mode, HTTP events, or the local stand-in when no tokens are set. */
export type SlackMode = 'socket' | 'http' | 'local';
/** Log verbosity, as `LOG_LEVEL` names it. */
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** The reading-tip schedule; present only when `TIP_CHANNEL` is set. */
export interface TipConfig extends TipSettings {
  readonly channel: string;
}

/** Everything talkbot reads from the environment, checked once at startup. */
export interface Config extends ContentConfig {
  readonly mode: SlackMode;
  readonly botToken: string | null;
  readonly appToken: string | null;
  readonly signingSecret: string | null;
  /** Web API base URL with a trailing slash, or null for Slack's own. */
  readonly apiUrl: string | null;
  readonly port: number;
  readonly tips: TipConfig | null;
  /** How tips are chosen, whether or not they are posted (`/talk tip`, the Home tab, the playground). */
  readonly tipSettings: TipSettings;
  readonly logLevel: LogLevelName;
}

const logLevels: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** Where content comes from: all that the content commands (`ask`, `index`, `blocks`) need. */
export interface ContentConfig {
  readonly contentDir: string;
  readonly siteBaseUrl: string | null;
  /** Where parse caches live (`TALKBOT_CACHE_DIR`); null when turned off. */
  readonly cacheDir: string | null;
}

function reader(env: NodeJS.ProcessEnv) {
  return (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
}

/** Reads only the content settings, so a stray Slack variable never stops `talkbot ask`. */
export function readContentConfig(env: NodeJS.ProcessEnv): ContentConfig {
  const get = reader(env);
  return {
    contentDir: get('CONTENT_DIR') ?? './content',
    siteBaseUrl: httpUrl(get('SITE_BASE_URL'), 'SITE_BASE_URL', false),
    cacheDir: cacheDir(get('TALKBOT_CACHE_DIR'), env),
  };
}

/** `off` turns the cache off; unset, it goes where the XDG convention puts caches (~/.cache/talkbot). */
function cacheDir(value: string | null, env: NodeJS.ProcessEnv): string | null {
  if (value?.toLowerCase() === 'off') return null;
  if (value) return value;
  const home = env.HOME?.trim() || env.USERPROFILE?.trim();
  const base = env.XDG_CACHE_HOME?.trim() || (home ? join(home, '.cache') : join(tmpdir(), 'talkbot-cache'));
  return join(base, 'talkbot');
}

/** Reads and checks the configuration from an environment (process.env in production). */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const get = reader(env);
  const botToken = token(
    get('SLACK_BOT_TOKEN'),
    'SLACK_BOT_TOKEN',
    'xoxb-',
    'OAuth & Permissions → Bot User OAuth Token',
  );
  const appToken = token(
    get('SLACK_APP_TOKEN'),
    'SLACK_APP_TOKEN',
    'xapp-',
    'Basic Information → App-Level Tokens (scope connections:write)',
  );
  const signingSecret = get('SLACK_SIGNING_SECRET');
  if (signingSecret !== null && !/^[0-9a-f]{16,}$/i.test(signingSecret)) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'is not a signing secret (hex digits); copy it from Basic Information → App Credentials',
    );
  }
  const mode = slackMode(get('SLACK_MODE'), { botToken, appToken, signingSecret });
  // Checked even when tips are off, so a typo is caught before someone turns them on.
  const tipSettings = readTipSettings(env);

  return {
    mode,
    botToken,
    appToken,
    signingSecret,
    apiUrl: httpUrl(get('SLACK_API_URL'), 'SLACK_API_URL', true),
    port: port(get('PORT')),
    ...readContentConfig(env),
    tips: tips(get('TIP_CHANNEL'), tipSettings),
    tipSettings,
    // Locally the one line saying where to look is the whole greeting; warnings (content problems) still show.
    logLevel: logLevel(get('LOG_LEVEL')) ?? (mode === 'local' ? 'warn' : 'info'),
  };
}

function token(value: string | null, name: string, prefix: string, where: string): string | null {
  if (value === null) return null;
  if (!value.startsWith(prefix) || /\s/.test(value)) {
    throw new ConfigError(
      name,
      `must start with "${prefix}"; copy it from your app's settings at api.slack.com/apps (${where})`,
    );
  }
  return value;
}

function slackMode(
  requested: string | null,
  set: { botToken: string | null; appToken: string | null; signingSecret: string | null },
): SlackMode {
  if (requested !== null && requested !== 'socket' && requested !== 'http') {
    throw new ConfigError('SLACK_MODE', `is "${requested}"; use "socket" or "http" (or leave it unset)`);
  }
  const anyToken = set.botToken ?? set.appToken ?? set.signingSecret;
  if (requested === null && anyToken === null) return 'local';
  if (set.botToken === null) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      'is missing; copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, or unset every SLACK_ variable to run locally',
    );
  }
  if (requested === null && set.appToken === null && set.signingSecret === null) {
    // Whoever followed the Socket Mode steps most likely forgot the app token: name both ways out.
    throw new ConfigError(
      'SLACK_APP_TOKEN',
      'is missing, and so is SLACK_SIGNING_SECRET; set SLACK_APP_TOKEN (xapp-…, Basic Information → App-Level Tokens, scope connections:write) for Socket Mode, or SLACK_SIGNING_SECRET (Basic Information → App Credentials) for HTTP mode',
    );
  }
  const mode = requested ?? (set.appToken ? 'socket' : 'http');
  if (mode === 'socket' && set.appToken === null) {
    throw new ConfigError(
      'SLACK_APP_TOKEN',
      'is missing for Socket Mode; create an app-level token (xapp-…) with connections:write under Basic Information',
    );
  }
  if (mode === 'http' && set.signingSecret === null) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'is missing for HTTP mode; copy it from Basic Information → App Credentials',
    );
  }
  return mode;
}

function httpUrl(value: string | null, name: string, trailingSlash: boolean): string | null {
  if (value === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL; write it in full, e.g. https://example.com/`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(name, 'must be an http:// or https:// URL');
  }
  const text = parsed.toString();
  return trailingSlash ? (text.endsWith('/') ? text : `${text}/`) : text.replace(/\/+$/, '');
}

function port(value: string | null): number {
  if (value === null) return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError('PORT', `"${value}" is not a port number (0–65535)`);
  return n;
}

function tips(channel: string | null, settings: TipSettings): TipConfig | null {
  if (channel === null) return null;
  if (!/^[CGD][A-Z0-9]{2,}$/.test(channel)) {
    throw new ConfigError(
      'TIP_CHANNEL',
      `"${channel}" is not a channel ID; copy the ID (C…) from the channel's details in Slack`,
    );
  }
  return { channel, ...settings };
}

function logLevel(value: string | null): LogLevelName | null {
  if (value === null) return null;
  const lower = value.toLowerCase();
  if (!(logLevels as readonly string[]).includes(lower)) {
    throw new ConfigError('LOG_LEVEL', `is "${value}"; use one of ${logLevels.join(', ')}`);
  }
  return lower as LogLevelName;
}
