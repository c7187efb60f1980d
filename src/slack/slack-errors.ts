import type { webApi } from '@slack/bolt';

/**
 * The Web API client's own `ErrorCode` values. Each literal must equal its enum member (`satisfies`), so an SDK
 * that renamed one would fail the type-check; the enum itself is not imported, because that would load the
 * SDK with every `talkbot` command, most of which never talk to Slack.
 */
const sdkErrorCodes = {
  platform: 'slack_webapi_platform_error' satisfies `${webApi.ErrorCode.PlatformError}`,
  rateLimited: 'slack_webapi_rate_limited_error' satisfies `${webApi.ErrorCode.RateLimitedError}`,
  http: 'slack_webapi_http_error' satisfies `${webApi.ErrorCode.HTTPError}`,
  request: 'slack_webapi_request_error' satisfies `${webApi.ErrorCode.RequestError}`,
} as const;

const callErrorCodes: ReadonlySet<string> = new Set(Object.values(sdkErrorCodes));

/** Whether an error is one the Web API client throws for a failed call, told by its `ErrorCode`. */
export function isWebApiCallError(error: unknown): error is webApi.WebAPICallError {
  return error instanceof Error && 'code' in error && callErrorCodes.has(String(error.code));
}

/**
 * The Slack error code of a failed Web API call (`not_in_channel`, `ratelimited`, `http_503`…), or null for
 * any other failure (the network, a response_url that refused, a bug): its message says more.
 */
export function slackErrorCode(error: unknown): string | null {
  if (!isWebApiCallError(error)) return null;
  const call: webApi.WebAPICallError = error;
  switch (call.code) {
    case sdkErrorCodes.platform:
      return call.data.error;
    case sdkErrorCodes.rateLimited:
      return 'ratelimited';
    case sdkErrorCodes.http:
      return `http_${call.statusCode}`;
    default:
      return null;
  }
}

/** What to tell a user when a Web API call on their behalf failed: what happened and how to fix it. */
export function explainSlackError(code: string | null): string {
  switch (code) {
    case 'not_in_channel':
      return 'I am not a member of that channel. Invite me with `/invite @talkbot` and try again.';
    case 'channel_not_found':
      return 'I cannot see that channel. Invite me with `/invite @talkbot`, or ask in a channel I am in.';
    case 'ratelimited':
      return 'Slack is asking me to slow down. Please try again in a minute.';
    case 'is_archived':
      return 'That channel is archived, so I cannot post there.';
    case 'msg_too_long':
    case 'invalid_blocks':
      return 'That answer was too large for Slack. Try a narrower query, or use More results.';
    default:
      return 'Something went wrong while answering. Please try again in a moment.';
  }
}
