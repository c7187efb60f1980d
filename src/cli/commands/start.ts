import { configSecrets, readConfig } from '../../config.ts';
import { RedactingLogger } from '../../slack/logger.ts';
import { startTalkbot } from '../../start.ts';
import { parseCommandArgs } from '../args.ts';
import type { CommandIO } from './io.ts';

/** Usage of `talkbot start`. */
export const startUsage = `Usage: talkbot start

Runs the Slack app. Configuration comes from the environment and .env (see .env.example):
  SLACK_BOT_TOKEN + SLACK_APP_TOKEN       Socket Mode (no public URL needed)
  SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET  HTTP mode on PORT, at /slack/events (and /healthz)
  no SLACK_* variables                    local mode: a stand-in of Slack on http://localhost:PORT`;

/** `talkbot start`: runs the app until SIGINT or SIGTERM. */
export async function startCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { help: { type: 'boolean', short: 'h', default: false } },
    startUsage,
  );
  if (values.help) {
    io.out(`${startUsage}\n`);
    return 0;
  }
  const config = readConfig(io.env);
  const logger = new RedactingLogger(config.logLevel, configSecrets(config), io.err, config.logFormat);
  const running = await startTalkbot(config, logger);
  // A crash in one request must not take the bot down for everyone: log it and keep serving.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection:', reason));
  const stopped = new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info(`${signal} received: stopping`);
      running.stop().then(resolve, (error: unknown) => {
        logger.error('error while stopping:', error);
        resolve();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  // Said only once the signal handlers are in place, so whoever reads it may stop us at once.
  const where =
    config.mode === 'local'
      ? `talkbot is running locally: open ${running.url?.replace('127.0.0.1', 'localhost')} (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN to use a real workspace)`
      : config.mode === 'http'
        ? `talkbot is running in HTTP mode: Slack's Request URL is https://<your host>/slack/events (port ${config.port})`
        : 'talkbot is connected to Slack in Socket Mode';
  io.out(`${where}\n`);

  await stopped;
  return 0;
}
