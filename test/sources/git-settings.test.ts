import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, configSecrets, readConfig, readContentConfig } from '../../src/config.ts';

const base = { HOME: '/home/bot', CONTENT_GIT_URL: 'https://github.com/team/blog.git' };

function rejects(env: Record<string, string>, variable: string, pattern: RegExp): void {
  assert.throws(
    () => readContentConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.equal(error.variable, variable);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

describe('CONTENT_GIT_* configuration', () => {
  it('reads the repository, its defaults, and the checkout under TALKBOT_DATA_DIR', () => {
    const { git } = readContentConfig(base);
    assert.ok(git);
    assert.equal(git.url, 'https://github.com/team/blog.git');
    assert.equal(git.ref, null);
    assert.equal(git.token, null);
    assert.equal(git.pollMs, 5 * 60_000);
    assert.equal(git.contentSubdir, 'content');
    assert.equal(git.dataDir, '/home/bot/.local/share/talkbot');
    const set = readContentConfig({
      ...base,
      CONTENT_GIT_REF: 'published',
      CONTENT_GIT_POLL: '30s',
      CONTENT_DIR: './site/content',
      TALKBOT_DATA_DIR: '/var/lib/talkbot',
    }).git;
    assert.deepEqual(
      [set?.ref, set?.pollMs, set?.contentSubdir, set?.dataDir],
      ['published', 30_000, 'site/content', '/var/lib/talkbot'],
    );
    assert.equal(readContentConfig({ ...base, CONTENT_GIT_POLL: 'off' }).git?.pollMs, 0);
    assert.equal(readContentConfig({ HOME: '/h' }).git, null);
    assert.ok(readContentConfig({ ...base, CONTENT_GIT_URL: 'git@github.com:team/blog.git' }).git);
  });

  it('names the variable for each mistake, and never echoes a password in the URL', () => {
    rejects({ ...base, CONTENT_GIT_URL: 'not a url' }, 'CONTENT_GIT_URL', /is not a repository URL/);
    rejects(
      { ...base, CONTENT_GIT_URL: 'ftp://example.org/blog' },
      'CONTENT_GIT_URL',
      /use https, ssh or file/,
    );
    rejects({ ...base, CONTENT_GIT_POLL: 'sometimes' }, 'CONTENT_GIT_POLL', /not a duration; write e.g. 30s/);
    rejects({ ...base, CONTENT_GIT_POLL: '100ms' }, 'CONTENT_GIT_POLL', /too short/);
    rejects({ ...base, CONTENT_GIT_REF: 'main..dev' }, 'CONTENT_GIT_REF', /not a branch or tag name/);
    rejects({ ...base, CONTENT_DIR: '../elsewhere' }, 'CONTENT_DIR', /inside the repository/);
    rejects({ HOME: '/h', CONTENT_GIT_TOKEN: 'ghp_x' }, 'CONTENT_GIT_TOKEN', /CONTENT_GIT_URL is not/);
    assert.throws(
      () => readContentConfig({ ...base, CONTENT_GIT_URL: 'https://ada:hunter2secret@[bad' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('hunter2secret'),
    );
  });

  it('counts the token and the webhook secret among the secrets the logger redacts', () => {
    const config = readConfig({
      ...base,
      CONTENT_GIT_TOKEN: 'github_pat_0123456789abcdef',
      CONTENT_GIT_WEBHOOK_SECRET: 'hook-secret-0123456789',
    });
    assert.deepEqual(configSecrets(config), ['github_pat_0123456789abcdef', 'hook-secret-0123456789']);
  });
});
