import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore, StoreError } from '../../src/store/index.ts';
import { freePort } from '../e2e/fleet-helpers.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

const password = 'correct-horse-battery-staple';
const wrong = 'tr0ub4dor-and-3';

describe('a PostgreSQL store that cannot be used', () => {
  let server: TestPostgres;
  before(async () => {
    server = await startTestPostgres({ password });
  });
  after(async () => {
    await server?.stop();
  });

  async function failure(url: string): Promise<StoreError> {
    try {
      const store = await openStore({ databaseUrl: url, dataDir: '' });
      await store.close();
    } catch (error) {
      assert.ok(error instanceof StoreError, String(error));
      return error;
    }
    assert.fail('the store opened');
  }

  it('opens with the right password', async () => {
    const store = await openStore({ databaseUrl: server.url, dataDir: '' });
    assert.equal(await store.ping(), true);
    await store.close();
  });

  it('names DATABASE_URL when the server refuses the credentials, never printing the password', async () => {
    const error = await failure(server.url.replace(encodeURIComponent(password), wrong));
    assert.equal(error.variable, 'DATABASE_URL');
    assert.match(error.message, /^DATABASE_URL .*refused the credentials/);
    assert.match(error.message, /postgres:\*\*\*@127\.0\.0\.1/);
    assert.doesNotMatch(error.message, new RegExp(wrong));
  });

  it('names DATABASE_URL when nothing listens at its address', async () => {
    const port = await freePort();
    const error = await failure(`postgres://talkbot:${wrong}@127.0.0.1:${port}/talkbot`);
    assert.match(error.message, /^DATABASE_URL .*cannot reach the PostgreSQL server \(ECONNREFUSED\)/);
    assert.doesNotMatch(error.message, new RegExp(wrong));
  });

  it('names the database that does not exist', async () => {
    const error = await failure(server.url.replace(/\/postgres$/, '/no_such_db'));
    assert.match(error.message, /database "no_such_db" does not exist/);
  });

  it('talkbot start says so in one line, exits 1, and prints no password and no stack', async () => {
    const run = await runTalkbot(['start'], {
      env: {
        SLACK_BOT_TOKEN: 'xoxb-test-0000',
        SLACK_SIGNING_SECRET: '8f742231b10e8888abc1233cd2b85a55',
        DATABASE_URL: server.url.replace(encodeURIComponent(password), wrong),
        PORT: String(await freePort()),
        TALKBOT_CACHE_DIR: 'off',
      },
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /talkbot start: DATABASE_URL \(postgres:\/\/postgres:\*\*\*@.*refused the credentials/,
    );
    assert.doesNotMatch(run.stderr + run.stdout, new RegExp(wrong));
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
