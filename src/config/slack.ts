import type { HttpConfig, LocalConfig, SocketConfig } from '../config.ts';
import { ConfigError } from '../config-error.ts';
import { httpUrl, type VariableReader } from './values.ts';

/** The Slack part of a configuration: the mode and the tokens it needs. */
export type SlackPart =
  | Pick<SocketConfig, 'mode' | 'botToken' | 'appToken' | 'signingSecret'>
  | Pick<HttpConfig, 'mode' | 'botToken' | 'appToken' | 'signingSecret'>
  | Pick<LocalConfig, 'mode'>;

/** The Slack variables: which mode they select, and that the mode has every token it needs. */
export function readSlack(get: VariableReader): SlackPart {
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

/** `SLACK_API_URL`: the Web API base URL with a trailing slash, or null for Slack's own. */
export function readApiUrl(get: VariableReader): string | null {
  return withoutCredentials(httpUrl(get('SLACK_API_URL'), 'SLACK_API_URL', true), 'SLACK_API_URL');
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
