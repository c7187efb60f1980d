import type { ExtraRoute } from '../slack/app.ts';
import type { GitSource } from '../sources/git-source.ts';
import { gitWebhookHandler, gitWebhookPath } from '../sources/webhook.ts';

/** `POST /hooks/git`: a verified push starts an update of the content repository at once. */
export function gitWebhookRoute(
  git: GitSource,
  secret: string | null,
  logger: { info(message: string): void; warn(message: string): void },
): ExtraRoute {
  return {
    path: gitWebhookPath,
    method: ['POST'],
    handler: gitWebhookHandler({
      secret,
      logger,
      // The forge has its answer already; the update logs its own outcome.
      onPush: () => void git.update(),
    }),
  };
}
