import type { AnyMiddlewareArgs, CodedError, Logger, webApi } from '@slack/bolt';
import { renderError } from './blocks/index.ts';
import { explainSlackError, slackErrorCode } from './slack-errors.ts';

/** What Bolt hands an error handler built with `extendedErrorHandler: true` (Bolt does not export its name). */
export interface ListenerErrorArgs {
  readonly error: CodedError;
  readonly logger: Logger;
  readonly body: AnyMiddlewareArgs['body'];
}

/**
 * Bolt's one error path for talkbot (`app.error` with `extendedErrorHandler`): every listener error is logged
 * with what was asked and why it failed, and the user who asked is told something, in the way the request
 * allows: the response_url of a command or a button, an ephemeral message for a mention or a DM. The Home tab
 * has no one to tell: it keeps what it showed last.
 */
export function listenerErrorHandler(client: webApi.WebClient) {
  return async ({ error, logger, body }: ListenerErrorArgs): Promise<void> => {
    const cause = 'original' in error && error.original instanceof Error ? error.original : error;
    const code = slackErrorCode(cause);
    const asked = describeRequest(body);
    logger.error(`${asked.what} failed: ${code ?? cause.message}`);
    const message = renderError(explainSlackError(code));
    try {
      if (asked.responseUrl) {
        await postJson(asked.responseUrl, {
          response_type: 'ephemeral',
          replace_original: false,
          ...message,
        });
      } else if (asked.channel && asked.user && asked.event !== 'app_home_opened') {
        await client.chat.postEphemeral({ channel: asked.channel, user: asked.user, ...message });
      }
    } catch (second) {
      logger.error(`could not tell the user either: ${slackErrorCode(second) ?? String(second)}`);
    }
  };
}

/** The request that failed, as far as a log line and a reply need it. */
interface AskedFor {
  readonly what: string;
  readonly event: string | undefined;
  readonly responseUrl: string | undefined;
  readonly channel: string | undefined;
  readonly user: string | undefined;
}

/** Reads any of Bolt's bodies (command, action, event envelope) for who asked, where, and how to answer. */
export function describeRequest(body: unknown): AskedFor {
  const event = objectAt(body, 'event');
  const eventType = stringAt(event, 'type');
  const command = stringAt(body, 'command');
  const action = stringAt(arrayHead(objectAt(body, 'actions')), 'action_id');
  const channel =
    stringAt(body, 'channel_id') ?? stringAt(objectAt(body, 'channel'), 'id') ?? stringAt(event, 'channel');
  const user = stringAt(body, 'user_id') ?? stringAt(objectAt(body, 'user'), 'id') ?? stringAt(event, 'user');
  const kind = command ?? (action ? `the ${action} button` : eventType ? `${eventType} event` : 'a request');
  const place = [user ? ` from ${user}` : '', channel ? ` in ${channel}` : ''].join('');
  return {
    what: `${kind}${place}`,
    event: eventType,
    responseUrl: stringAt(body, 'response_url'),
    channel,
    user,
  };
}

function objectAt(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function stringAt(value: unknown, key: string): string | undefined {
  const found = objectAt(value, key);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

function arrayHead(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

/** Posts to a response_url as Bolt's `respond` does (JSON), for a handler that has no `respond`. */
async function postJson(url: string, message: object): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  if (!response.ok) throw new Error(`the response_url answered ${response.status}`);
}
