/**
 * A setup mistake found while starting (a token Slack rejects, a port in use, a content folder that is not
 * there): one line saying what is wrong and what to do, naming the variable when there is one. Never a secret.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  constructor(
    /** The variable to change (`SLACK_BOT_TOKEN`, `PORT`…), or null when none is to blame. */
    readonly variable: string | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
