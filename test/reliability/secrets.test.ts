import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readConfig } from '../../src/config.ts';
import { postToApp } from '../../src/local/index.ts';
import { startTalkbotAgainstStandIn } from '../e2e/harness.ts';

const botToken = 'xoxb-9876543210-SECRETBOTTOKENVALUE';
const appToken = 'xapp-1-A0001-SECRETAPPTOKENVALUE';
const signingSecret = 'abcdef0123456789abcdef0123456789';
const secrets = [botToken, appToken, signingSecret];

/** Everything written to this process's stdout and stderr while `work` runs. */
async function captureOutput(work: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const original = {
    out: process.stdout.write.bind(process.stdout),
    err: process.stderr.write.bind(process.stderr),
  };
  const tap =
    (write: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      chunks.push(String(chunk));
      return (write as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = tap(original.out) as typeof process.stdout.write;
  process.stderr.write = tap(original.err) as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
  return chunks.join('');
}

describe('secrets never appear in logs or errors', () => {
  for (const transport of ['socket', 'http'] as const) {
    it(`in ${transport} mode, through answers, failures and forged requests, at debug level`, async () => {
      const logs: string[] = [];
      const output = await captureOutput(async () => {
        const bot = await startTalkbotAgainstStandIn(transport, { botToken, appToken, signingSecret });
        try {
          await bot.slack.slashCommand({ text: 'testing distributed', userId: 'U0S' });
          await bot.slack.waitFor((r) => r.ephemeralTo === 'U0S');
          bot.slack.failNext('chat.postMessage', { error: 'invalid_auth' });
          await bot.slack.userMessage({ channelId: 'C0GENERAL', userId: 'U0S', text: '<@U0BOT> jepsen' });
          await bot.slack.waitFor((r) => r.ephemeralTo === 'U0S' && /wrong/i.test(r.text));
          bot.slack.failNext('views.publish', { status: 500 });
          await bot.slack.openHome('U0S');
          if (transport === 'http') {
            await postToApp({
              url: bot.slack.appUrl ?? '',
              body: 'x=1',
              contentType: 'application/x-www-form-urlencoded',
              signingSecret: 'f'.repeat(32),
            });
          }
          await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0T' });
          await bot.slack.waitFor((r) => r.ephemeralTo === 'U0T');
        } finally {
          logs.push(...bot.logs);
          await bot.stop();
        }
      });
      assert.ok(logs.length > 5, 'the debug log said something');
      for (const secret of secrets) {
        assert.ok(!logs.some((l) => l.includes(secret)), 'a secret in the log');
        assert.ok(!output.includes(secret), 'a secret on stdout or stderr');
      }
    });
  }

  it('in configuration errors', () => {
    for (const env of [
      { SLACK_BOT_TOKEN: botToken.replace('xoxb', 'xoxp') },
      { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken.replace('xapp', 'xoxb') },
      { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: `${signingSecret} extra` },
    ]) {
      assert.throws(
        () => readConfig(env),
        (error: unknown) => {
          const text = `${(error as Error).message}\n${(error as Error).stack}`;
          for (const value of Object.values(env)) assert.ok(!text.includes(value));
          return true;
        },
      );
    }
  });
});
