import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { SlackStandIn } from '../../src/local/index.ts';
import { testSigningSecret } from '../e2e/harness.ts';
import { spawnTalkbot, type TalkbotProcess } from '../helpers/talkbot-process.ts';

const content = 'test/fixtures/sites/talks';
/** Tokens of the right shape that the stand-in has never issued: Slack answers `invalid_auth`. */
const strangerBot = 'xoxb-1111-2222-not-a-token-slack-issued';
const strangerApp = 'xapp-1-A111-2222-not-a-token-slack-issued';

/** No line of a stack trace, and none of the secrets, anywhere in what a user sees. */
function assertClean(output: string, secrets: readonly string[]): void {
  assert.doesNotMatch(output, /^\s+at /m, `a stack trace:\n${output}`);
  assert.doesNotMatch(output, /Error:|node:internal|WebAPI/, `an error dump:\n${output}`);
  for (const secret of secrets) assert.ok(!output.includes(secret), 'a secret was printed');
}

/** The one line `talkbot start` printed for its failure. */
function failureLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('talkbot start:'));
}

/** A port that nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('talkbot start with a token Slack rejects', () => {
  let slack: SlackStandIn;
  let bot: TalkbotProcess | undefined;
  before(async () => {
    slack = await SlackStandIn.start({ transport: 'socket', signingSecret: testSigningSecret });
  });
  afterEach(() => {
    bot?.kill();
    slack.clearFaults();
  });
  after(() => slack.close());

  const socketEnv = (botToken: string, appToken: string) => ({
    SLACK_BOT_TOKEN: botToken,
    SLACK_APP_TOKEN: appToken,
    SLACK_API_URL: slack.apiUrl,
    CONTENT_DIR: content,
  });
  const httpEnv = (botToken: string) => ({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: testSigningSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    CONTENT_DIR: content,
  });

  it('Socket Mode: an unknown bot token (invalid_auth) exits 1 with one line naming SLACK_BOT_TOKEN', async () => {
    bot = spawnTalkbot(['start'], socketEnv(strangerBot, slack.appToken));
    assert.equal(await bot.exited, 1);
    assert.deepEqual(failureLines(bot.output()), [
      'talkbot start: SLACK_BOT_TOKEN was rejected by Slack (invalid_auth): copy it again from OAuth & Permissions (Bot User OAuth Token, xoxb-…)',
    ]);
    assertClean(bot.output(), [strangerBot, slack.appToken]);
  });

  it('HTTP mode: a revoked bot token (token_revoked) exits 1 instead of serving with it', async () => {
    slack.failNext('auth.test', { error: 'token_revoked' });
    bot = spawnTalkbot(['start'], httpEnv(slack.botToken));
    assert.equal(await bot.exited, 1);
    const [line, ...rest] = failureLines(bot.output());
    assert.deepEqual(rest, []);
    assert.match(
      line ?? '',
      /^talkbot start: SLACK_BOT_TOKEN was rejected by Slack \(token_revoked\): .*reinstall the app/,
    );
    assert.doesNotMatch(bot.output(), /running in HTTP mode|unhandled rejection/);
    assertClean(bot.output(), [slack.botToken, testSigningSecret]);
  });

  it('HTTP mode: an unknown bot token (invalid_auth) exits 1 naming SLACK_BOT_TOKEN', async () => {
    bot = spawnTalkbot(['start'], httpEnv(strangerBot));
    assert.equal(await bot.exited, 1);
    assert.match(
      failureLines(bot.output()).join('\n'),
      /^talkbot start: SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\)/,
    );
    assertClean(bot.output(), [strangerBot, testSigningSecret]);
  });

  it('Socket Mode: an unknown app token is refused by apps.connections.open and names SLACK_APP_TOKEN', async () => {
    bot = spawnTalkbot(['start'], socketEnv(slack.botToken, strangerApp));
    assert.equal(await bot.exited, 1);
    assert.deepEqual(failureLines(bot.output()), [
      'talkbot start: SLACK_APP_TOKEN was rejected by Slack (invalid_auth): copy it again from Basic Information → App-Level Tokens (a token with connections:write, xapp-…)',
    ]);
    assertClean(bot.output(), [slack.botToken, strangerApp]);
  });

  it('Socket Mode: an inactive account (account_inactive from apps.connections.open) exits 1', async () => {
    slack.failNext('apps.connections.open', { error: 'account_inactive' });
    bot = spawnTalkbot(['start'], socketEnv(slack.botToken, slack.appToken));
    assert.equal(await bot.exited, 1);
    assert.match(
      failureLines(bot.output()).join('\n'),
      /^talkbot start: SLACK_APP_TOKEN was rejected by Slack \(account_inactive\): the workspace or the app's bot user is deactivated/,
    );
    assertClean(bot.output(), [slack.botToken, slack.appToken]);
  });

  it('a Slack that drops the first attempts is retried, one line each, and a token rejected then still exits 1', async () => {
    slack.failNext('auth.test', { drop: true }, 2);
    bot = spawnTalkbot(['start'], socketEnv(strangerBot, slack.appToken));
    assert.equal(await bot.exited, 1);
    const retries = bot
      .output()
      .split('\n')
      .filter((l) => l.includes('could not reach Slack'));
    assert.equal(retries.length, 2, bot.output());
    for (const [i, line] of retries.entries()) {
      assert.match(
        line,
        new RegExp(
          `WARN .*could not reach Slack at ${slack.apiUrl.replace(/[.]/g, '\\.')} \\(SLACK_API_URL\\) for auth\\.test \\(.+\\); retrying in \\d+\\.\\d s \\(attempt ${i + 2}\\)`,
        ),
      );
    }
    assert.match(
      failureLines(bot.output()).join('\n'),
      /SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\)/,
    );
    assertClean(bot.output(), [strangerBot, slack.appToken]);
  });

  it('a Slack that drops the first attempts is retried until it answers, and then the bot answers /talk', async () => {
    slack.failNext('auth.test', { drop: true });
    slack.failNext('apps.connections.open', { drop: true });
    bot = spawnTalkbot(['start'], { ...socketEnv(slack.botToken, slack.appToken), LOG_LEVEL: 'warn' });
    await bot.waitFor(/talkbot is connected to Slack in Socket Mode/);
    const retries = bot
      .output()
      .split('\n')
      .filter((l) => l.includes('could not reach Slack'));
    assert.equal(retries.length, 2, bot.output());
    assert.match(retries[1] ?? '', /for apps\.connections\.open/);
    await slack.slashCommand({ text: 'jepsen', userId: 'U0RETRY' });
    const answer = await slack.waitFor((r) => r.ephemeralTo === 'U0RETRY');
    assert.match(answer.text, /Jepsen/i);
    assertClean(bot.output(), [slack.botToken, slack.appToken]);
  });
});

describe('talkbot start with Slack out of reach', () => {
  it('refuses a SLACK_API_URL that carries a password, without printing it', async () => {
    const bot = spawnTalkbot(['start'], {
      SLACK_BOT_TOKEN: strangerBot,
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: 'http://proxyuser:hunter2-proxy-password@127.0.0.1:9/api/',
      PORT: '0',
      CONTENT_DIR: content,
    });
    assert.equal(await bot.exited, 1);
    assert.match(
      failureLines(bot.output()).join('\n'),
      /^talkbot start: SLACK_API_URL: carries a user name or password/,
    );
    assertClean(bot.output(), ['hunter2-proxy-password', strangerBot, testSigningSecret]);
  });

  it('says what it could not reach (SLACK_API_URL) and retries, with no stack trace', async () => {
    const port = await closedPort();
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const bot = spawnTalkbot(['start'], {
      SLACK_BOT_TOKEN: strangerBot,
      SLACK_APP_TOKEN: strangerApp,
      SLACK_API_URL: apiUrl,
      CONTENT_DIR: content,
    });
    try {
      const output = await bot.waitFor(/attempt 3\)/);
      const lines = output.split('\n').filter((l) => l.includes('could not reach Slack'));
      assert.match(
        lines[0] ?? '',
        new RegExp(
          `could not reach Slack at ${apiUrl.replace(/[.]/g, '\\.')} \\(SLACK_API_URL\\) for auth\\.test \\(connection refused, ECONNREFUSED\\); retrying in`,
        ),
      );
      assertClean(output, [strangerBot, strangerApp]);
    } finally {
      bot.kill();
    }
  });
});

describe('talkbot start with a setup mistake', () => {
  let holder: Server;
  let heldPort: number;
  let slack: SlackStandIn;
  before(async () => {
    holder = createServer();
    await new Promise<void>((done) => holder.listen(0, done));
    heldPort = (holder.address() as { port: number }).port;
    slack = await SlackStandIn.start({ transport: 'http', signingSecret: testSigningSecret });
  });
  after(async () => {
    await new Promise((done) => holder.close(done));
    await slack.close();
  });

  it('HTTP mode with good tokens checks them once, starts, and answers /talk', async () => {
    const port = await closedPort();
    const authTests = () => slack.calls.filter((c) => c.method === 'auth.test').length;
    const before = authTests();
    const bot = spawnTalkbot(['start'], {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      CONTENT_DIR: content,
    });
    try {
      await bot.waitFor(/talkbot is running in HTTP mode/);
      slack.appUrl = `http://127.0.0.1:${port}/slack/events`;
      await slack.slashCommand({ text: 'jepsen', userId: 'U0HTTP' });
      const answer = await slack.waitFor((r) => r.ephemeralTo === 'U0HTTP');
      assert.match(answer.text, /Jepsen/i);
      // Bolt was told who the bot is: no second auth.test of its own.
      assert.equal(authTests() - before, 1);
      assertClean(bot.output(), [slack.botToken, testSigningSecret]);
    } finally {
      bot.kill();
    }
  });

  it('local mode: PORT in use is named, with what to do', async () => {
    const bot = spawnTalkbot(['start'], { PORT: String(heldPort), CONTENT_DIR: content });
    assert.equal(await bot.exited, 1);
    assert.deepEqual(failureLines(bot.output()), [
      `talkbot start: PORT ${heldPort} is in use: stop what holds it or set PORT`,
    ]);
    assertClean(bot.output(), []);
  });

  it('HTTP mode: PORT in use is named, with what to do', async () => {
    const bot = spawnTalkbot(['start'], {
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(heldPort),
      CONTENT_DIR: content,
    });
    assert.equal(await bot.exited, 1);
    assert.deepEqual(failureLines(bot.output()), [
      `talkbot start: PORT ${heldPort} is in use: stop what holds it or set PORT`,
    ]);
    assertClean(bot.output(), [slack.botToken, testSigningSecret]);
  });

  it('a CONTENT_DIR that names no folder refuses to start, naming CONTENT_DIR', async () => {
    const bot = spawnTalkbot(['start'], { PORT: '0', CONTENT_DIR: 'contnet' });
    assert.equal(await bot.exited, 1);
    assert.deepEqual(failureLines(bot.output()), [
      `talkbot start: CONTENT_DIR is "contnet" (${resolve('contnet')}): no such folder; set it to your Hugo site's content folder (the one holding posts/)`,
    ]);
    assertClean(bot.output(), []);
  });

  it('a CONTENT_DIR that is a file refuses to start', async () => {
    const bot = spawnTalkbot(['start'], { PORT: '0', CONTENT_DIR: 'package.json' });
    assert.equal(await bot.exited, 1);
    assert.match(
      failureLines(bot.output()).join('\n'),
      /CONTENT_DIR is "package\.json" .*: that is a file, not a folder/,
    );
  });

  it('an empty content folder starts, saying loudly that it holds no posts', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'talkbot-empty-site-'));
    const bot = spawnTalkbot(['start'], { PORT: '0', CONTENT_DIR: empty });
    try {
      const output = await bot.waitFor(/running locally: open/);
      assert.match(
        output,
        new RegExp(`WARN .*CONTENT_DIR "${empty}" holds no posts: every answer is "I found nothing"`),
      );
    } finally {
      bot.kill();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('a bot token with neither an app token nor a signing secret names both ways out', async () => {
    const bot = spawnTalkbot(['start'], { SLACK_BOT_TOKEN: strangerBot, CONTENT_DIR: content });
    assert.equal(await bot.exited, 1);
    const [line, ...rest] = failureLines(bot.output());
    assert.deepEqual(rest, []);
    assert.match(line ?? '', /SLACK_APP_TOKEN .*for Socket Mode, or SLACK_SIGNING_SECRET .*for HTTP mode/);
    assertClean(bot.output(), [strangerBot]);
  });
});
