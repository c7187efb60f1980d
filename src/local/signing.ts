import { createHmac } from 'node:crypto';

/**
 * Slack's v0 request signature (checked, in the tests, by Bolt's own `verifySlackRequest`, the real consumer):
 * `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`, keyed by the signing secret. */
export function signRequest(signingSecret: string, timestamp: number | string, body: string): string {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return `v0=${digest}`;
}
