import type { Logger } from '@slack/bolt';
import type { Config } from '../config.ts';
import type { SlackStandIn } from '../local/index.ts';
import type { ExtraRoute, SlackTransport } from '../slack/app.ts';
import type { GitSource } from '../sources/git-source.ts';
import { gitWebhookRoute } from './git-webhook-route.ts';

/** How the app reaches Slack: the configured tokens, or the stand-in's own in local mode. */
export function slackConnection(
  config: Config,
  standIn: SlackStandIn | null,
): { botToken: string; transport: SlackTransport; apiUrl: string | null } {
  if (config.mode === 'socket') {
    return {
      botToken: config.botToken,
      transport: { kind: 'socket', appToken: config.appToken },
      apiUrl: config.apiUrl,
    };
  }
  if (config.mode === 'http') {
    const transport = { kind: 'http', signingSecret: config.signingSecret, port: config.port } as const;
    return { botToken: config.botToken, transport, apiUrl: config.apiUrl };
  }
  if (standIn === null)
    throw new Error('local mode runs against the stand-in of Slack, which is not running');
  return {
    botToken: standIn.botToken,
    transport: { kind: 'socket', appToken: standIn.appToken },
    apiUrl: standIn.apiUrl,
  };
}

/**
 * `POST /hooks/git` where a webhook can reach it: in HTTP mode beside `/slack/events`, in Socket Mode on PORT
 * when CONTENT_GIT_WEBHOOK_SECRET is set (a port is opened only when asked for). Locally, polling alone.
 */
export function webhookRoutes(config: Config, git: GitSource | null, logger: Logger): ExtraRoute[] {
  if (!git || !config.git || config.mode === 'local') return [];
  if (config.mode === 'socket' && config.git.webhookSecret === null) return [];
  return [gitWebhookRoute(git, config.git.webhookSecret, logger)];
}
