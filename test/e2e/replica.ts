// One replica of talkbot for fleet.test.ts, in a process of its own (so that it can be SIGKILLed): the real
// `startTalkbot` with the configuration read from the environment, as `talkbot start` reads it. The one
// difference: TEST_TIP_SCHEDULE may give a schedule in seconds (`*/2 * * * * *`), which TIP_SCHEDULE refuses
// (a tip needs at most one a minute), so that the test sees several slots without waiting minutes.
import { configSecrets, readConfig } from '../../src/config.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';
import { startTalkbot } from '../../src/start.ts';

const read = readConfig(process.env);
const schedule = process.env.TEST_TIP_SCHEDULE;
const config =
  schedule && read.tips
    ? { ...read, tips: { ...read.tips, schedule }, tipSettings: { ...read.tipSettings, schedule } }
    : read;
const logger = new RedactingLogger(
  config.logLevel,
  configSecrets(config),
  (line) => {
    process.stderr.write(line);
  },
  config.logFormat,
);
const running = await startTalkbot(config, logger);
process.stdout.write(`${JSON.stringify({ ready: running.url })}\n`);
process.once('SIGTERM', () => {
  running.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
