import { type IncomingHttpHeaders, request } from 'node:http';
import type { JsonObject } from './block-rules.ts';
import { NoAckError } from './errors.ts';
import { signRequest } from './signing.ts';

/** The two body encodings Slack uses; exactly these strings, since Bolt compares the form type with `===`. */
export type SlackContentType = 'application/json' | 'application/x-www-form-urlencoded';

/** A signed POST to the app, as Slack makes it. */
export interface SignedPost {
  /** The app's Request URL, e.g. `http://127.0.0.1:3001/slack/events`. */
  readonly url: string;
  readonly signingSecret: string;
  /** The raw body; it is what gets signed. */
  readonly body: string;
  readonly contentType: SlackContentType;
  /** Redelivery headers for the Events API: `X-Slack-Retry-Num` and `X-Slack-Retry-Reason`. */
  readonly retry?: { readonly num: number; readonly reason: string };
  /** @default now, in unix seconds */
  readonly timestamp?: number;
  /** Overrides the computed `X-Slack-Signature`, to test that the app refuses forgeries. */
  readonly signature?: string;
  /** Slack's ack deadline. @default 3000 */
  readonly timeoutMs?: number;
}

/** The app's answer: status, headers, raw body. */
export interface AppAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A slash command's form body, `application/x-www-form-urlencoded` as Slack encodes it. */
export function encodeForm(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactivity form body: one `payload` field holding the JSON document. */
export function encodeInteractivePayload(payload: JsonObject): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** POSTs a signed body to the app and resolves with its answer; rejects with `NoAckError` past the deadline. */
export function postToApp(post: SignedPost): Promise<AppAnswer> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  const timeoutMs = post.timeoutMs ?? 3000;
  const headers: Record<string, string | number> = {
    'Content-Type': post.contentType,
    'Content-Length': Buffer.byteLength(post.body),
    Accept: 'application/json,*/*',
    'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': post.signature ?? signRequest(post.signingSecret, timestamp, post.body),
    ...(post.retry ? { 'X-Slack-Retry-Num': post.retry.num, 'X-Slack-Retry-Reason': post.retry.reason } : {}),
  };
  return new Promise((resolve, reject) => {
    // agent: false gives each delivery its own connection, so no keep-alive socket outlives the test.
    const req = request(post.url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new NoAckError(`the POST to ${post.url}`, timeoutMs));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(post.body);
  });
}
