/** The Slack error code of a failed Web API call (`not_in_channel`, `ratelimited`…), or null for any other failure. */
export function slackErrorCode(error: unknown): string | null {
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  if (typeof e?.data?.error === 'string') return e.data.error;
  if (e?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (e?.code === 'slack_webapi_http_error' && typeof e.statusCode === 'number')
    return `http_${e.statusCode}`;
  return null;
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
