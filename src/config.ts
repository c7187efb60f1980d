import { readContentConfig } from './config/content.ts';
import { readInsightsConfig } from './config/insights.ts';
import { readApiUrl, readSlack } from './config/slack.ts';
import { readStoreConfig } from './config/store.ts';
import { readTipChannel, readTipSettings } from './config/tips.ts';
import { reader } from './config/values.ts';
import { ConfigError } from './config-error.ts';
import type { GitSettings } from './sources/git-settings.ts';
import type { TipSettings } from './tips/tip-config.ts';

export { readContentConfig } from './config/content.ts';
export { readInsightsConfig } from './config/insights.ts';
export { configSecrets } from './config/secrets.ts';
export { readStoreConfig } from './config/store.ts';
export { readTipSettings, type TipSettingValues, tipSettingsFrom, tipVariables } from './config/tips.ts';
// Each area's reader lives in src/config/; they are re-exported so callers import configuration from one place.
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
  /** The content repository (`CONTENT_GIT_*`), or null when content is the local folder `contentDir`. */
  readonly git: GitSettings | null;
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

/** Reads and checks the configuration from an environment (process.env in production). */
export function readConfig(env: Environment): Config {
  const get = reader(env);
  const slack = readSlack(get);
  // Checked even when tips are off, so a typo is caught before someone turns them on.
  const tipSettings = readTipSettings(env);
  const common: CommonConfig = {
    apiUrl: readApiUrl(get),
    port: port(get('PORT')),
    ...readContentConfig(env),
    tips: readTipChannel(get('TIP_CHANNEL'), tipSettings),
    tipSettings,
    // Locally the one line saying where to look is the whole greeting; warnings (content problems) still show.
    logLevel: logLevel(get('LOG_LEVEL')) ?? (slack.mode === 'local' ? 'warn' : 'info'),
    logFormat: logFormat(get('LOG_FORMAT')),
    store: readStoreConfig(env),
    insights: readInsightsConfig(env),
  };
  return { ...common, ...slack };
}

function port(value: string | null): number {
  if (value === null) return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError('PORT', `"${value}" is not a port number (0–65535)`);
  return n;
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
