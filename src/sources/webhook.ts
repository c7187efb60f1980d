import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the forge posts its push notifications. */
export const gitWebhookPath = '/hooks/git';

/**
 * A push notification is mostly a few kilobytes, but lists up to 20 commits with their files: a generous
 * bound, far under what would strain memory. Anything larger is refused (polling still finds the push).
 */
export const maxWebhookBytes = 5 * 1024 * 1024;

/** Which forge's scheme verified a call, or why none did. */
export type WebhookVerdict = 'github' | 'gitlab' | 'unsigned' | 'forged';

function header(headers: IncomingMessage['headers'], name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a call against the secret: GitHub's `X-Hub-Signature-256` (HMAC-SHA256 of the raw body) or
 * GitLab's `X-Gitlab-Token` (the secret itself), both compared in constant time.
 */
export function verifyWebhook(
  headers: IncomingMessage['headers'],
  body: Buffer,
  secret: string,
): WebhookVerdict {
  const signature = header(headers, 'x-hub-signature-256');
  if (signature !== null) {
    const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    return sameBytes(Buffer.from(signature.trim().toLowerCase()), Buffer.from(expected))
      ? 'github'
      : 'forged';
  }
  const token = header(headers, 'x-gitlab-token');
  if (token !== null) {
    // Hashed first so that the comparison takes as long whatever the length of what was sent.
    const digest = (text: string) => createHash('sha256').update(text).digest();
    return sameBytes(digest(token), digest(secret)) ? 'gitlab' : 'forged';
  }
  return 'unsigned';
}

/** What the webhook needs: the secret, who to tell of a push, and where to log. */
export interface GitWebhookOptions {
  /** `CONTENT_GIT_WEBHOOK_SECRET`; null refuses every call. */
  readonly secret: string | null;
  /** Starts an update; not awaited, so the forge gets its answer at once. */
  readonly onPush: () => void;
  readonly logger: { info(message: string): void; warn(message: string): void };
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxWebhookBytes) {
        // Stop keeping it; the 413 is sent, then the connection closed, so the rest is never read.
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Handles `POST /hooks/git`: 401 for a forged or unsigned call (nothing changes), 202 for a push. */
export function gitWebhookHandler(
  options: GitWebhookOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      reply(res, 405, { ok: false, error: 'method_not_allowed' });
      return;
    }
    readBody(req).then(
      (body) => {
        if (body === null) {
          options.logger.warn(
            `refused a call to ${gitWebhookPath} with a body over ${maxWebhookBytes} bytes (413)`,
          );
          res.setHeader('connection', 'close');
          res.once('finish', () => req.destroy());
          reply(res, 413, { ok: false, error: 'too_large' });
          return;
        }
        const verdict =
          options.secret === null ? 'unsigned' : verifyWebhook(req.headers, body, options.secret);
        if (verdict === 'unsigned' || verdict === 'forged') {
          options.logger.warn(
            options.secret === null
              ? `refused a call to ${gitWebhookPath} (401): CONTENT_GIT_WEBHOOK_SECRET is not set, so no call can be verified`
              : `refused a ${verdict} call to ${gitWebhookPath} (401): its signature does not match CONTENT_GIT_WEBHOOK_SECRET`,
          );
          reply(res, 401, { ok: false, error: 'invalid_signature' });
          return;
        }
        const event =
          header(req.headers, verdict === 'github' ? 'x-github-event' : 'x-gitlab-event') ?? 'unknown';
        if (event === 'ping') {
          reply(res, 200, { ok: true });
          return;
        }
        // Any verified event may mean the ref moved (push, tag push, a merge); an update that finds the
        // same commit costs one small fetch.
        options.logger.info(`${verdict} ${event} event on ${gitWebhookPath}: updating the content`);
        reply(res, 202, { ok: true });
        options.onPush();
      },
      () => reply(res, 400, { ok: false, error: 'bad_request' }),
    );
  };
}
