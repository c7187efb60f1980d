import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, configSecrets, readConfig } from '../../src/config.ts';

const http = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdefabcdef',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abc1233cd2b85a55',
};

function configError(env: Record<string, string>): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error;
  }
  assert.fail('no error');
}

describe('store and logging configuration', () => {
  it('keeps the embedded store where XDG puts data, or in TALKBOT_DATA_DIR', () => {
    assert.deepEqual(readConfig({ HOME: '/home/ana' }).store, {
      databaseUrl: null,
      dataDir: '/home/ana/.local/share/talkbot',
    });
    assert.equal(
      readConfig({ HOME: '/home/ana', XDG_DATA_HOME: '/data/ana' }).store.dataDir,
      '/data/ana/talkbot',
    );
    assert.equal(
      readConfig({ HOME: '/home/ana', TALKBOT_DATA_DIR: '/srv/talkbot' }).store.dataDir,
      '/srv/talkbot',
    );
  });

  it('takes a postgres:// DATABASE_URL, and keeps its password among the secrets to redact', () => {
    const config = readConfig({
      ...http,
      DATABASE_URL: 'postgres://talkbot:s%40fe-pass-word@db.internal:5432/talkbot',
    });
    assert.equal(config.store.databaseUrl, 'postgres://talkbot:s%40fe-pass-word@db.internal:5432/talkbot');
    assert.ok(configSecrets(config).includes('s@fe-pass-word'));
    assert.equal(
      readConfig({ DATABASE_URL: 'postgresql://db/talkbot' }).store.databaseUrl,
      'postgresql://db/talkbot',
    );
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, without repeating it', () => {
    const notUrl = configError({ DATABASE_URL: 'talkbot:hunter2-hunter2@db' });
    assert.equal(notUrl.variable, 'DATABASE_URL');
    assert.doesNotMatch(notUrl.message, /hunter2/);
    const mysql = configError({ DATABASE_URL: 'mysql://root:hunter2-hunter2@db/talkbot' });
    assert.match(mysql.reason, /must be a postgres:\/\/ URL, not mysql:\/\//);
    assert.doesNotMatch(mysql.message, /hunter2/);
  });

  it('writes text logs unless LOG_FORMAT=json, and names LOG_FORMAT when it is neither', () => {
    assert.equal(readConfig({}).logFormat, 'text');
    assert.equal(readConfig({ LOG_FORMAT: 'JSON' }).logFormat, 'json');
    assert.match(
      configError({ LOG_FORMAT: 'logfmt' }).message,
      /^LOG_FORMAT: is "logfmt"; use text \(the default\) or json/,
    );
  });
});
