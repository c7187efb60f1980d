import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, configSecrets, readConfig } from '../src/config.ts';

const bot = 'xoxb-1111-2222-abcdefabcdef';
const app = 'xapp-1-A0001-3333-abcdefabcdef';
const secret = '8f742231b10e8888abc1233cd2b85a55';

describe('readConfig', () => {
  it('runs locally when no Slack variable is set, with sensible defaults', () => {
    const config = readConfig({});
    assert.equal(config.mode, 'local');
    assert.equal(config.port, 3000);
    assert.equal(config.contentDir, './content');
    assert.equal(config.tips, null);
    assert.equal(config.logLevel, 'warn', 'locally only warnings join the one line saying where to look');
    assert.equal(readConfig({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app }).logLevel, 'info');
  });

  it('keeps parse caches where XDG puts caches, or in TALKBOT_CACHE_DIR, or nowhere when it is off', () => {
    assert.equal(readConfig({ HOME: '/home/ana' }).cacheDir, '/home/ana/.cache/talkbot');
    assert.equal(
      readConfig({ HOME: '/home/ana', XDG_CACHE_HOME: '/var/cache/ana' }).cacheDir,
      '/var/cache/ana/talkbot',
    );
    assert.equal(
      readConfig({ HOME: '/home/ana', TALKBOT_CACHE_DIR: '/srv/talkbot' }).cacheDir,
      '/srv/talkbot',
    );
    assert.equal(readConfig({ HOME: '/home/ana', TALKBOT_CACHE_DIR: 'OFF' }).cacheDir, null);
    assert.match(readConfig({}).cacheDir ?? '', /talkbot-cache\/talkbot$/);
  });

  it('picks Socket Mode when an app token is set, HTTP when only a signing secret is', () => {
    assert.equal(readConfig({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app }).mode, 'socket');
    assert.equal(readConfig({ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret }).mode, 'http');
    assert.equal(
      readConfig({
        SLACK_BOT_TOKEN: bot,
        SLACK_APP_TOKEN: app,
        SLACK_SIGNING_SECRET: secret,
        SLACK_MODE: 'http',
      }).mode,
      'http',
    );
  });

  it('gives each mode exactly the tokens it needs, and lists every secret set for the logger to redact', () => {
    const socket = readConfig({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app });
    assert.equal(socket.mode, 'socket');
    if (socket.mode !== 'socket') return;
    assert.equal(socket.appToken, app);
    assert.equal(socket.signingSecret, null);
    assert.deepEqual(configSecrets(socket), [bot, app]);

    const http = readConfig({ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret });
    assert.equal(http.mode, 'http');
    if (http.mode !== 'http') return;
    assert.equal(http.signingSecret, secret);
    assert.deepEqual(configSecrets(http), [bot, secret]);

    const local = readConfig({});
    assert.deepEqual(
      Object.keys(local).filter((key) => /token|secret/i.test(key)),
      [],
    );
    assert.deepEqual(configSecrets(local), []);
  });

  it('reads the API URL with a trailing slash, and tips with their defaults', () => {
    const config = readConfig({ SLACK_API_URL: 'https://slack-gov.com/api', TIP_CHANNEL: 'C0123ABC' });
    assert.equal(config.apiUrl, 'https://slack-gov.com/api/');
    assert.deepEqual(config.tips, {
      channel: 'C0123ABC',
      schedule: '0 9 * * 1-5',
      timezone: 'UTC',
      seed: 'talkbot',
    });
  });

  const bad: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-user-token-secret' }, /must start with "xoxb-"/],
    [
      'SLACK_APP_TOKEN',
      { SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: 'xoxb-wrong-kind-secret' },
      /must start with "xapp-"/,
    ],
    ['SLACK_BOT_TOKEN', { SLACK_APP_TOKEN: app }, /is missing/],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: bot, SLACK_MODE: 'socket' }, /missing for Socket Mode/],
    [
      'SLACK_APP_TOKEN',
      { SLACK_BOT_TOKEN: bot },
      /^is missing, and so is SLACK_SIGNING_SECRET; set SLACK_APP_TOKEN .* for Socket Mode, or SLACK_SIGNING_SECRET .* for HTTP mode/,
    ],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: bot, SLACK_MODE: 'http' }, /missing for HTTP mode/],
    [
      'SLACK_SIGNING_SECRET',
      { SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: 'not hex at all, secret!' },
      /not a signing secret/,
    ],
    ['SLACK_MODE', { SLACK_MODE: 'carrier-pigeon' }, /use "socket" or "http"/],
    ['SLACK_API_URL', { SLACK_API_URL: 'slack-gov.com/api' }, /not a URL/],
    ['SITE_BASE_URL', { SITE_BASE_URL: 'ftp://example.com' }, /http/],
    ['PORT', { PORT: 'eighty' }, /not a port number/],
    ['TIP_CHANNEL', { TIP_CHANNEL: '#general' }, /not a channel ID/],
    ['TIP_SCHEDULE', { TIP_CHANNEL: 'C0123ABC', TIP_SCHEDULE: 'every morning' }, /not a cron expression/],
    ['TIP_TIMEZONE', { TIP_CHANNEL: 'C0123ABC', TIP_TIMEZONE: 'Mars/Olympus_Mons' }, /not an IANA time zone/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /use one of debug, info, warn, error/],
  ];
  for (const [variable, env, message] of bad) {
    it(`names ${variable} when it is wrong (${JSON.stringify(env)}), without printing a secret`, () => {
      assert.throws(
        () => readConfig(env),
        (e: unknown) => {
          assert.ok(e instanceof ConfigError);
          assert.equal(e.variable, variable);
          assert.match(e.reason, message);
          assert.equal(e.message, `${variable}: ${e.reason}`);
          for (const value of Object.values(env)) {
            if (value && /secret|xox|xapp/.test(value))
              assert.ok(!e.message.includes(value), 'secret echoed');
          }
          return true;
        },
      );
    });
  }
});
