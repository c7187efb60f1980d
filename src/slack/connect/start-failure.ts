import { StartupError } from '../../startup-error.ts';
import { classifyStartupFailure } from './classify.ts';

/** Turns a server that cannot listen on PORT into a line naming PORT, whatever started it. */
export async function listening<T>(port: number, starting: Promise<T>): Promise<T> {
  try {
    return await starting;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError('PORT', `PORT ${port} is in use: stop what holds it or set PORT`, {
        cause: error,
      });
    }
    if (code === 'EACCES') {
      throw new StartupError(
        'PORT',
        `PORT ${port} needs privileges this user lacks: use a port above 1023 or set PORT`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * What `app.start()` failing in Socket Mode means, once the tokens were checked: `apps.connections.open`
 * refused the app token, or Slack went out of reach just now.
 */
export function socketStartFailure(error: unknown): unknown {
  if (error instanceof StartupError) return error;
  const failure = classifyStartupFailure(error, 'SLACK_APP_TOKEN', 'apps.connections.open');
  if (failure.kind !== 'unreachable') return failure.error;
  return new StartupError(
    null,
    `could not open the Socket Mode connection to Slack (${failure.reason}): start again`,
    {
      cause: error,
    },
  );
}
