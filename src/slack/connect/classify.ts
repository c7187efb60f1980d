import { StartupError } from '../../startup-error.ts';

/** The token a startup call was made with, and so the variable to blame when Slack rejects it. */
export type TokenVariable = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

/** What a failed startup call means: a token to fix (stop), Slack out of reach (retry), or a setup to fix (stop). */
export type StartupFailure =
  | { readonly kind: 'rejected'; readonly error: StartupError }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'fatal'; readonly error: StartupError };

/** Where a good token of each kind is found in the app's settings at api.slack.com/apps. */
const tokenHome: Record<TokenVariable, string> = {
  SLACK_BOT_TOKEN: 'OAuth & Permissions (Bot User OAuth Token, xoxb-…)',
  SLACK_APP_TOKEN: 'Basic Information → App-Level Tokens (a token with connections:write, xapp-…)',
};

/** Slack's error codes for a token it will not accept, with what each means for the person fixing it. */
const rejections: Record<string, (variable: TokenVariable) => string> = {
  invalid_auth: (v) => `copy it again from ${tokenHome[v]}`,
  not_authed: (v) => `copy it again from ${tokenHome[v]}`,
  token_revoked: (v) =>
    v === 'SLACK_BOT_TOKEN'
      ? `it was revoked (the app uninstalled?); reinstall the app and copy the new one from ${tokenHome[v]}`
      : `it was revoked; create a new one under ${tokenHome[v]}`,
  token_expired: (v) => `it has expired; copy a current one from ${tokenHome[v]}`,
  account_inactive: (v) =>
    `the workspace or the app's bot user is deactivated; install the app in an active workspace and copy the token from ${tokenHome[v]}`,
  not_allowed_token_type: (v) => `it is not the right kind of token; copy it from ${tokenHome[v]}`,
  missing_scope: (v) => `it lacks a scope it needs; copy it from ${tokenHome[v]}`,
  team_access_not_granted: (v) =>
    `the app has no access to this workspace; copy the token from ${tokenHome[v]}`,
};

/** Slack's own codes for trouble on its side: worth another try later. */
const slackSideTrouble = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** Network error codes (Node's and undici's) in plain words. */
const networkReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'host not found (DNS lookup failed for now)',
  ECONNRESET: 'the connection was closed before an answer',
  UND_ERR_SOCKET: 'the connection was closed before an answer',
  EPIPE: 'the connection was closed before an answer',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for an answer',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'no network',
  SELF_SIGNED_CERT_IN_CHAIN:
    'its TLS certificate is not trusted (a proxy in the way? see NODE_EXTRA_CA_CERTS)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its TLS certificate is not trusted (a proxy in the way? see NODE_EXTRA_CA_CERTS)',
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'its TLS certificate is not trusted (a proxy in the way? see NODE_EXTRA_CA_CERTS)',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired (a proxy in the way?)',
};

interface ErrorShape {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly original?: unknown;
  readonly statusCode?: unknown;
  readonly data?: { readonly error?: unknown };
}

/** The plain-words reason of a request that never got an answer: the innermost known network code. */
function networkReason(error: unknown): string {
  let current = error as ErrorShape | undefined;
  let last = 'no answer';
  for (let depth = 0; current && depth < 6; depth += 1) {
    if (typeof current.code === 'string') {
      const known = networkReasons[current.code];
      if (known) return `${known}, ${current.code}`;
    }
    if (current.name === 'TimeoutError' || current.name === 'AbortError') return 'timed out';
    // A URL in a message may carry `user:password@`: that part is never printed.
    if (typeof current.message === 'string' && current.message !== '')
      last = current.message.replace(/\/\/[^/@\s]*@/g, '//');
    current = (current.cause ?? current.original) as ErrorShape | undefined;
  }
  return last;
}

/**
 * Sorts out why a startup call to Slack failed, from the Web API client's error (its `code` strings, so
 * that Bolt need not be loaded to tell): a rejected token names its variable and where to get a good one.
 */
export function classifyStartupFailure(
  error: unknown,
  variable: TokenVariable,
  method: string,
): StartupFailure {
  const e = (error ?? {}) as ErrorShape;
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const code = typeof e.data?.error === 'string' ? e.data.error : '';
      const advice = rejections[code];
      if (advice) {
        return {
          kind: 'rejected',
          error: new StartupError(
            variable,
            `${variable} was rejected by Slack (${code}): ${advice(variable)}`,
          ),
        };
      }
      if (slackSideTrouble.has(code)) return { kind: 'unreachable', reason: `Slack answered ${code}` };
      // A proxy or captive portal answering with a web page instead of Slack's JSON.
      if (!/^[a-z_]+$/.test(code))
        return {
          kind: 'unreachable',
          reason: 'the answer was not from Slack’s Web API (a proxy in the way?)',
        };
      return {
        kind: 'fatal',
        error: new StartupError(
          variable,
          `Slack refused ${method} (${code}) with ${variable}; see https://api.slack.com/methods/${method}`,
        ),
      };
    }
    case 'slack_webapi_rate_limited_error':
      return { kind: 'unreachable', reason: 'rate limited' };
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      if (status >= 500 || status === 429 || status === 408)
        return { kind: 'unreachable', reason: `HTTP ${status}` };
      return {
        kind: 'fatal',
        error: new StartupError(
          'SLACK_API_URL',
          `Slack's Web API answered ${method} with HTTP ${status}: if SLACK_API_URL is set, check it (it ends in /api/, e.g. https://slack.com/api/)`,
        ),
      };
    }
    default:
      return { kind: 'unreachable', reason: networkReason(error) };
  }
}
