import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { gitWebhookHandler, maxWebhookBytes, verifyWebhook } from '../../src/sources/webhook.ts';

// Deliveries as GitHub's and GitLab's documentation give them (trimmed), byte for byte.
const fixtures = 'test/fixtures/webhooks';
// GitHub's documented test vector for X-Hub-Signature-256.
const docsVector = {
  secret: "It's a Secret to Everybody",
  payload: 'Hello, World!',
  signature: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
};
const githubPush = readFileSync(`${fixtures}/github-push.raw-body.txt`);
const gitlabPush = readFileSync(`${fixtures}/gitlab-push.json`);
const gitlabHeaders = JSON.parse(readFileSync(`${fixtures}/gitlab-push.headers.json`, 'utf8')) as Record<
  string,
  string
>;

const secret = 'blog-webhook-secret-4f1d9c';
const sign = (body: Buffer | string, key = secret) =>
  `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;

describe('verifyWebhook', () => {
  it("accepts GitHub's documented test vector and refuses it under another secret", () => {
    const { secret: docsSecret, payload, signature } = docsVector;
    const headers = { 'x-hub-signature-256': signature };
    assert.equal(verifyWebhook(headers, Buffer.from(payload), docsSecret), 'github');
    assert.equal(verifyWebhook(headers, Buffer.from(payload), secret), 'forged');
    assert.equal(verifyWebhook(headers, Buffer.from(`${payload} `), docsSecret), 'forged');
  });

  it("compares GitLab's X-Gitlab-Token with the secret, and calls one with neither header unsigned", () => {
    assert.equal(verifyWebhook({ 'x-gitlab-token': secret }, gitlabPush, secret), 'gitlab');
    assert.equal(verifyWebhook({ 'x-gitlab-token': `${secret}x` }, gitlabPush, secret), 'forged');
    assert.equal(verifyWebhook({ 'x-gitlab-token': '' }, gitlabPush, secret), 'forged');
    assert.equal(verifyWebhook({}, gitlabPush, secret), 'unsigned');
    assert.equal(verifyWebhook({ 'x-hub-signature-256': 'sha256=abc' }, githubPush, secret), 'forged');
  });
});

describe('POST /hooks/git', () => {
  let server: Server;
  let base: string;
  let pushes = 0;
  const lines: string[] = [];
  before(async () => {
    const handler = gitWebhookHandler({
      secret,
      onPush: () => {
        pushes++;
      },
      logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
    });
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/git`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    pushes = 0;
    lines.length = 0;
  });

  const post = (body: Buffer | string, headers: Record<string, string>) =>
    fetch(base, {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'content-type': 'application/json', ...headers },
    });

  it("takes GitHub's push with a good signature: 202, and an update starts", async () => {
    const res = await post(githubPush, { 'x-github-event': 'push', 'x-hub-signature-256': sign(githubPush) });
    assert.equal(res.status, 202);
    assert.equal(pushes, 1);
  });

  it("answers GitHub's ping 200 without updating", async () => {
    const body = '{"zen":"Design for failure.","hook_id":292430182}';
    const res = await post(body, { 'x-github-event': 'ping', 'x-hub-signature-256': sign(body) });
    assert.equal(res.status, 200);
    assert.equal(pushes, 0);
  });

  it("takes GitLab's Push Hook with the right token", async () => {
    const res = await post(gitlabPush, { ...gitlabHeaders, 'X-Gitlab-Token': secret });
    assert.equal(res.status, 202);
    assert.equal(pushes, 1);
  });

  it('refuses a forged, a re-signed-with-another-secret and an unsigned call with 401, and changes nothing', async () => {
    const forged = await post(githubPush, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(githubPush, 'guess'),
    });
    const tampered = await post(`${githubPush} `, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(githubPush),
    });
    const unsigned = await post(githubPush, { 'x-github-event': 'push' });
    const wrongToken = await post(gitlabPush, { ...gitlabHeaders, 'X-Gitlab-Token': 'not-it' });
    assert.deepEqual(
      [forged.status, tampered.status, unsigned.status, wrongToken.status],
      [401, 401, 401, 401],
    );
    assert.equal(pushes, 0);
    assert.equal(lines.length, 4);
    for (const line of lines) assert.ok(!line.includes(secret), line);
  });

  it('refuses a body over 5 MB with 413 and anything but POST with 405', async () => {
    const big = 'x'.repeat(maxWebhookBytes + 1);
    const res = await post(big, { 'x-hub-signature-256': sign(big) }).catch(() => null);
    // The 413 is sent before the rest of the body is read; a client still sending may see the close first.
    if (res) assert.equal(res.status, 413);
    assert.ok(lines.some((l) => /over 5242880 bytes \(413\)/.test(l)));
    const get = await fetch(base);
    assert.equal(get.status, 405);
    assert.equal(pushes, 0);
  });
});
