import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error.ts';
import {
  defaultTipSchedule,
  defaultTipSeed,
  defaultTipTimezone,
  type TipSettings,
  tipSettingsProblem,
} from './tips/tip-config.ts';

export { ConfigError };

/** An environment to read from: `process.env` in production (passed in by the entry point), a literal in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** How the bot reaches Slack: Socket Mode, HTTP events, or the local stand-in when no tokens are set. */
export type SlackMode = Config['mode'];
/** Log verbosity, as `LOG_LEVEL` names it. */
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** The reading-tip schedule; present only when `TIP_CHANNEL` is set. */
export interface TipConfig extends TipSettings {
  readonly channel: string;
}

/** Where content comes from: all that the content commands (`ask`, `index`, `blocks`) need. */
export interface ContentConfig {
  readonly contentDir: string;
  readonly siteBaseUrl: string | null;
  /** Where parse caches live (`TALKBOT_CACHE_DIR`); null when turned off. */
  readonly cacheDir: string | null;
}

/** What every mode reads: content, port, tips, logging. New variables that all modes share go here. */
export interface CommonConfig extends ContentConfig {
  /** Web API base URL with a trailing slash, or null for Slack's own. */
  readonly apiUrl: string | null;
  /** HTTP mode: where `/slack/events` is served; local mode: the playground. */
  readonly port: number;
  readonly tips: TipConfig | null;
  /** How tips are chosen, whether or not they are posted (`/talk tip`, the Home tab, the playground). */
  readonly tipSettings: TipSettings;
  readonly logLevel: LogLevelName;
  /** `LOG_FORMAT`: one line of text per message, or one JSON object per line for log shippers. */
  readonly logFormat: LogFormat;
  /** Where state that lasts is kept (`DATABASE_URL`, `TALKBOT_DATA_DIR`). */
  readonly store: StoreConfig;
  /** Feedback and what readers missed (`INSIGHTS_DAYS`, `TALKBOT_ADMINS`, `FEEDBACK_BUTTONS`). */
  readonly insights: InsightsConfig;
}

/** How feedback is collected and who sees what readers missed. */
export interface InsightsConfig {
  /** Days questions and feedback are kept (`INSIGHTS_DAYS`). @default 90 */
  readonly days: number;
  /** Slack user IDs who see the insights on the Home tab (`TALKBOT_ADMINS`). @default none */
  readonly admins: readonly string[];
  /** `element`: Slack's feedback buttons; `buttons`: two plain buttons, for clients that do not draw them. @default 'element' */
  readonly feedbackStyle: 'element' | 'buttons';
}

/** How log lines are written (`LOG_FORMAT`). */
export type LogFormat = 'text' | 'json';

/** The store: PostgreSQL at `databaseUrl` when set (shared by replicas), else SQLite in `dataDir`. */
export interface StoreConfig {
  readonly databaseUrl: string | null;
  readonly dataDir: string;
}

/** Socket Mode: a bot token and an app-level token. */
export interface SocketConfig extends CommonConfig {
  readonly mode: 'socket';
  readonly botToken: string;
  readonly appToken: string;
  /** Not needed in Socket Mode, but a secret to keep out of the logs if it is set. */
  readonly signingSecret: string | null;
}

/** HTTP mode: a bot token and the signing secret that checks Slack's requests. */
export interface HttpConfig extends CommonConfig {
  readonly mode: 'http';
  readonly botToken: string;
  readonly signingSecret: string;
  /** Not used in HTTP mode, but a secret to keep out of the logs if it is set. */
  readonly appToken: string | null;
}

/** Local mode: no Slack variable at all; the stand-in of Slack supplies its own test tokens. */
export interface LocalConfig extends CommonConfig {
  readonly mode: 'local';
}

/** Everything talkbot reads from the environment, checked once at startup: one shape per mode. */
export type Config = SocketConfig | HttpConfig | LocalConfig;

const logLevels: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

/** The environment variable behind each tip setting, so an error names what the user set. */
export const tipVariables = {
  schedule: 'TIP_SCHEDULE',
  timezone: 'TIP_TIMEZONE',
  seed: 'TIP_SEED',
} as const satisfies Record<keyof TipSettings, string>;

/** A variable's value, trimmed; null when unset or blank. */
function reader(env: Environment) {
  return (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
}

/** Reads only the content settings, so a stray Slack variable never stops `talkbot ask`. */
export function readContentConfig(env: Environment): ContentConfig {
  const get = reader(env);
  return {
    contentDir: get('CONTENT_DIR') ?? './content',
    siteBaseUrl: httpUrl(get('SITE_BASE_URL'), 'SITE_BASE_URL', false),
    cacheDir: cacheDir(get('TALKBOT_CACHE_DIR'), env),
  };
}

/** Tip settings given some other way than the environment (`talkbot tip`'s flags); undefined where not given. */
export type TipSettingValues = { readonly [K in keyof TipSettings]?: string | undefined };

/**
 * The tip settings as set in the environment (`TIP_SCHEDULE`, `TIP_TIMEZONE`, `TIP_SEED`), each replaced by
 * `chosen` where given, unchecked: `talkbot tip`'s flags override them, then check the result.
 */
export function tipSettingsFrom(env: Environment, chosen: TipSettingValues = {}): TipSettings {
  const get = reader(env);
  return {
    schedule: chosen.schedule ?? get(tipVariables.schedule) ?? defaultTipSchedule,
    timezone: chosen.timezone ?? get(tipVariables.timezone) ?? defaultTipTimezone,
    seed: chosen.seed ?? get(tipVariables.seed) ?? defaultTipSeed,
  };
}

/** Reads and checks `TIP_SCHEDULE`, `TIP_TIMEZONE` and `TIP_SEED`; a bad value is a ConfigError naming it. */
export function readTipSettings(env: Environment): TipSettings {
  const settings = tipSettingsFrom(env);
  const problem = tipSettingsProblem(settings);
  if (problem !== null) throw new ConfigError(tipVariables[problem.setting], problem.reason);
  return settings;
}

/** `off` turns the cache off; unset, it goes where the XDG convention puts caches (~/.cache/talkbot). */
function cacheDir(value: string | null, env: Environment): string | null {
  if (value?.toLowerCase() === 'off') return null;
  if (value) return value;
  const home = env.HOME?.trim() || env.USERPROFILE?.trim();
  const base = env.XDG_CACHE_HOME?.trim() || (home ? join(home, '.cache') : join(tmpdir(), 'talkbot-cache'));
  return join(base, 'talkbot');
}

/** Reads and checks the configuration from an environment (process.env in production). */
export function readConfig(env: Environment): Config {
  const get = reader(env);
  const slack = readSlack(get);
  // Checked even when tips are off, so a typo is caught before someone turns them on.
  const tipSettings = readTipSettings(env);
  const common: CommonConfig = {
    apiUrl: withoutCredentials(httpUrl(get('SLACK_API_URL'), 'SLACK_API_URL', true), 'SLACK_API_URL'),
    port: port(get('PORT')),
    ...readContentConfig(env),
    tips: tips(get('TIP_CHANNEL'), tipSettings),
    tipSettings,
    // Locally the one line saying where to look is the whole greeting; warnings (content problems) still show.
    logLevel: logLevel(get('LOG_LEVEL')) ?? (slack.mode === 'local' ? 'warn' : 'info'),
    logFormat: logFormat(get('LOG_FORMAT')),
    store: readStoreConfig(env),
    insights: readInsightsConfig(env),
  };
  return { ...common, ...slack };
}

/** Reads only where the store is (`DATABASE_URL`, `TALKBOT_DATA_DIR`): what `talkbot insights` needs. */
export function readStoreConfig(env: Environment): StoreConfig {
  const get = reader(env);
  return { databaseUrl: databaseUrl(get('DATABASE_URL')), dataDir: dataDir(get('TALKBOT_DATA_DIR'), env) };
}

/** The longest retention `INSIGHTS_DAYS` allows: ten years. */
const maxInsightDays = 3650;

/** Reads `INSIGHTS_DAYS`, `TALKBOT_ADMINS` and `FEEDBACK_BUTTONS`; a bad value is a ConfigError naming it. */
export function readInsightsConfig(env: Environment): InsightsConfig {
  const get = reader(env);
  const daysText = get('INSIGHTS_DAYS');
  const days = daysText === null ? 90 : Number(daysText);
  if (!Number.isInteger(days) || days < 1 || days > maxInsightDays) {
    throw new ConfigError(
      'INSIGHTS_DAYS',
      `"${daysText}" is not a number of days from 1 to ${maxInsightDays}; e.g. 90`,
    );
  }
  const admins = (get('TALKBOT_ADMINS') ?? '').split(/[\s,]+/).filter((id) => id !== '');
  const bad = admins.find((id) => !/^[UW][A-Z0-9]{2,}$/.test(id));
  if (bad !== undefined) {
    throw new ConfigError(
      'TALKBOT_ADMINS',
      `"${bad}" is not a Slack user ID; list IDs such as U0123ABCD, separated by commas (a profile's ⋮ menu → Copy member ID)`,
    );
  }
  const style = get('FEEDBACK_BUTTONS') ?? 'element';
  if (style !== 'element' && style !== 'buttons') {
    throw new ConfigError(
      'FEEDBACK_BUTTONS',
      `"${style}" is neither "element" (Slack's feedback buttons) nor "buttons"`,
    );
  }
  return { days, admins, feedbackStyle: style };
}

/** Every secret a configuration holds, for the logger to redact: none of them is ever printed. */
export function configSecrets(config: Config): string[] {
  const password = databasePassword(config.store.databaseUrl);
  const slack = config.mode === 'local' ? [] : [config.botToken, config.appToken, config.signingSecret];
  return [...slack, password].filter((s): s is string => s !== null);
}

function databasePassword(url: string | null): string | null {
  if (url === null) return null;
  const password = new URL(url).password;
  return password ? decodeURIComponent(password) : null;
}

type SlackPart =
  | Pick<SocketConfig, 'mode' | 'botToken' | 'appToken' | 'signingSecret'>
  | Pick<HttpConfig, 'mode' | 'botToken' | 'appToken' | 'signingSecret'>
  | Pick<LocalConfig, 'mode'>;

/** The Slack variables: which mode they select, and that the mode has every token it needs. */
function readSlack(get: (name: string) => string | null): SlackPart {
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
  const requested = get('SLACK_MODE');
  if (requested !== null && requested !== 'socket' && requested !== 'http') {
    throw new ConfigError('SLACK_MODE', `is "${requested}"; use "socket" or "http" (or leave it unset)`);
  }
  if (requested === null && botToken === null && appToken === null && signingSecret === null) {
    return { mode: 'local' };
  }
  if (botToken === null) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      'is missing; copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, or unset every SLACK_ variable to run locally',
    );
  }
  if (requested === null && appToken === null && signingSecret === null) {
    // Whoever followed the Socket Mode steps most likely forgot the app token: name both ways out.
    throw new ConfigError(
      'SLACK_APP_TOKEN',
      'is missing, and so is SLACK_SIGNING_SECRET; set SLACK_APP_TOKEN (xapp-…, Basic Information → App-Level Tokens, scope connections:write) for Socket Mode, or SLACK_SIGNING_SECRET (Basic Information → App Credentials) for HTTP mode',
    );
  }
  const mode = requested ?? (appToken ? 'socket' : 'http');
  if (mode === 'socket') {
    if (appToken === null) {
      throw new ConfigError(
        'SLACK_APP_TOKEN',
        'is missing for Socket Mode; create an app-level token (xapp-…) with connections:write under Basic Information',
      );
    }
    return { mode, botToken, appToken, signingSecret };
  }
  if (signingSecret === null) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'is missing for HTTP mode; copy it from Basic Information → App Credentials',
    );
  }
  return { mode, botToken, appToken, signingSecret };
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

/** A URL with `user:password@` is refused: Node's fetch will not send one, and printing it would leak the password. */
function withoutCredentials(url: string | null, name: string): string | null {
  if (url === null) return null;
  const parsed = new URL(url);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ConfigError(
      name,
      'carries a user name or password, which is never sent; give the proxy its credentials another way (HTTPS_PROXY), and the URL without them',
    );
  }
  return url;
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
  const level = logLevels.find((name) => name === value.toLowerCase());
  if (level === undefined) {
    throw new ConfigError('LOG_LEVEL', `is "${value}"; use one of ${logLevels.join(', ')}`);
  }
  return level;
}

function logFormat(value: string | null): LogFormat {
  if (value === null) return 'text';
  const format = value.toLowerCase();
  if (format !== 'text' && format !== 'json') {
    throw new ConfigError('LOG_FORMAT', `is "${value}"; use text (the default) or json`);
  }
  return format;
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

/** Unset, it goes where the XDG convention puts an application's data (~/.local/share/talkbot). */
function dataDir(value: string | null, env: Environment): string {
  if (value) return value;
  const home = env.HOME?.trim() || env.USERPROFILE?.trim();
  const base =
    env.XDG_DATA_HOME?.trim() || (home ? join(home, '.local', 'share') : join(tmpdir(), 'talkbot-data'));
  return join(base, 'talkbot');
}
