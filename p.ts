import { startTalkbotAgainstStandIn } from './test/e2e/harness.ts';

const bot = await startTalkbotAgainstStandIn('socket');
for (const [i, long] of [
  'a'.repeat(3990),
  'jepsen '.repeat(500),
  '<@U0BOT> '.repeat(30) + 'x'.repeat(150),
  'é'.repeat(199) + 'tag:x',
].entries()) {
  await bot.slack.slashCommand({ text: long, userId: 'U' + i });
  const r = await bot.slack.waitFor((r) => r.ephemeralTo === 'U' + i);
  console.log('slash:', r.text.slice(0, 100));
  const { record } = await bot.slack.userMessage({ channelId: 'D0U' + i, userId: 'U' + i, text: long });
  const r2 = await bot.slack
    .waitFor((r) => r.user === 'U0BOT' && r.channel === 'D0U' + i, { timeoutMs: 3000 })
    .catch((e) => ({ text: 'none: ' + e.message.slice(0, 200) }));
  console.log('dm:', r2.text.slice(0, 100));
}
console.log(
  bot.logs
    .filter((l) => /ERROR|WARN/.test(l))
    .join('\n')
    .slice(0, 1000),
);
await bot.stop();
