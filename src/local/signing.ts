import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: the docs reject requests whose timestamp is more than five minutes away from now. */
const MAX_AGE_SECONDS = 60 * 5;

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`, keyed by the signing secret. */
export function signRequest(signingSecret: string, timestamp: number | string, body: string): string {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return `v0=${digest}`;
}

/** What `verifySlackSignature` checks: the raw body and the two `X-Slack-*` header values as received. */
export interface SignatureCheck {
  signingSecret: string;
  /** `X-Slack-Request-Timestamp` (unix seconds). */
  timestamp: string | undefined;
  /** `X-Slack-Signature` (`v0=<hex>`). */
  signature: string | undefined;
  /** The raw request body, exactly as sent. */
  body: string;
  /** @default the current time */
  nowSeconds?: number;
  /** @default 300 (five minutes, as Slack's docs say) */
  maxAgeSeconds?: number;
}

/** True when the signature is Slack's v0 signature of the body and the timestamp is within the replay window. */
export function verifySlackSignature(check: SignatureCheck): boolean {
  const { signingSecret, timestamp, signature, body } = check;
  if (timestamp === undefined || signature === undefined || !/^\d+$/.test(timestamp)) return false;
  const now = check.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (check.maxAgeSeconds ?? MAX_AGE_SECONDS)) return false;
  const expected = Buffer.from(signRequest(signingSecret, timestamp, body));
  const given = Buffer.from(signature);
  // timingSafeEqual throws on different lengths, and comparing lengths first leaks nothing useful.
  return expected.length === given.length && timingSafeEqual(expected, given);
}
