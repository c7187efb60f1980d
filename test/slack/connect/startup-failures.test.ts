import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, startupBackoff } from '../../../src/slack/connect/backoff.ts';
import { classifyStartupFailure } from '../../../src/slack/connect/classify.ts';

describe('backoff between attempts to reach Slack', () => {
  it('doubles from half a second up to its cap, never below half the delay', () => {
    const low = [1, 2, 3, 4, 10, 50].map((n) => backoffDelay(n, startupBackoff, () => 0));
    const high = [1, 2, 3, 4, 10, 50].map((n) => backoffDelay(n, startupBackoff, () => 1));
    assert.deepEqual(low, [250, 500, 1000, 2000, 15_000, 15_000]);
    assert.deepEqual(high, [500, 1000, 2000, 4000, 30_000, 30_000]);
  });

  it('spreads instances started together (jitter)', () => {
    const waits = new Set(Array.from({ length: 20 }, () => backoffDelay(5, startupBackoff)));
    assert.ok(waits.size > 1);
  });
});

/** An error shaped as @slack/web-api throws it. */
const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
const request = (cause: object) => ({
  code: 'slack_webapi_request_error',
  original: Object.assign(new TypeError('fetch failed'), { cause }),
});

describe('what a failed startup call means', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    [
      'invalid_auth',
      platform('invalid_auth'),
      'rejected',
      /^SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\): copy it again from OAuth & Permissions/,
    ],
    ['token_revoked', platform('token_revoked'), 'rejected', /\(token_revoked\): it was revoked/],
    [
      'account_inactive',
      platform('account_inactive'),
      'rejected',
      /\(account_inactive\): the workspace or the app's bot user is deactivated/,
    ],
    [
      'a refused connection',
      request({ code: 'ECONNREFUSED' }),
      'unreachable',
      /^connection refused, ECONNREFUSED$/,
    ],
    ['a DNS failure', request({ code: 'ENOTFOUND' }), 'unreachable', /^host not found \(DNS\), ENOTFOUND$/],
    ['a reset connection', request({ code: 'UND_ERR_SOCKET' }), 'unreachable', /closed before an answer/],
    [
      'a message holding a URL with a password',
      request({ message: 'cannot fetch http://u:secret-pw@proxy.example/api/' }),
      'unreachable',
      /^cannot fetch http:\/\/proxy\.example\/api\/$/,
    ],
    [
      'a proxy’s certificate',
      request({ code: 'SELF_SIGNED_CERT_IN_CHAIN' }),
      'unreachable',
      /proxy in the way\? see NODE_EXTRA_CA_CERTS/,
    ],
    [
      'a web page instead of JSON',
      platform('<html>Sign in to the Wi-Fi</html>'),
      'unreachable',
      /not from Slack’s Web API/,
    ],
    ['HTTP 503', { code: 'slack_webapi_http_error', statusCode: 503 }, 'unreachable', /^HTTP 503$/],
    [
      'HTTP 404',
      { code: 'slack_webapi_http_error', statusCode: 404 },
      'fatal',
      /HTTP 404: if SLACK_API_URL is set, check it/,
    ],
    ['Slack’s own trouble', platform('fatal_error'), 'unreachable', /Slack answered fatal_error/],
    [
      'another refusal',
      platform('app_missing_action_url'),
      'fatal',
      /Slack refused auth\.test \(app_missing_action_url\)/,
    ],
  ];
  for (const [name, error, kind, message] of cases) {
    it(`${name}: ${kind}`, () => {
      const failure = classifyStartupFailure(error, 'SLACK_BOT_TOKEN', 'auth.test');
      assert.equal(failure.kind, kind);
      assert.match(failure.kind === 'unreachable' ? failure.reason : failure.error.message, message);
    });
  }

  it('names the app token when apps.connections.open refuses it', () => {
    const failure = classifyStartupFailure(
      platform('invalid_auth'),
      'SLACK_APP_TOKEN',
      'apps.connections.open',
    );
    assert.equal(failure.kind, 'rejected');
    if (failure.kind === 'rejected') {
      assert.equal(failure.error.variable, 'SLACK_APP_TOKEN');
      assert.match(failure.error.message, /App-Level Tokens/);
    }
  });
});
