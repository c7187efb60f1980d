import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postToApp } from '../../src/local/index.ts';
import { type Running, startTalkbotAgainstStandIn } from '../e2e/harness.ts';

/** How many mixed requests the soak sends: a quick run in `npm test`, 20,000 with `npm run test:soak`. */
const soakRequests = Number(process.env.TALKBOT_SOAK_REQUESTS ?? 2000);

describe('HTTP mode under hostile and malformed requests', () => {
  let bot: Running;
  let url: string;
  const form = 'application/x-www-form-urlencoded';
  const json = 'application/json';
  before(async () => {
    bot = await startTalkbotAgainstStandIn('http');
    url = bot.slack.appUrl ?? '';
  });
  after(() => bot.stop());

  const command = (text: string) =>
    new URLSearchParams({
      command: '/talk',
      text,
      user_id: 'U0SOAK',
      channel_id: 'C0GENERAL',
      team_id: 'T0001',
      response_url: 'http://127.0.0.1:9/never',
      trigger_id: '1.2.3',
    }).toString();

  const cases: Array<[string, () => Promise<{ status: number }>, number]> = [
    [
      'no signature at all',
      () => fetch(url, { method: 'POST', body: command('jepsen'), headers: { 'content-type': form } }),
      401,
    ],
    [
      'a wrong signature',
      () => postToApp({ url, body: command('jepsen'), contentType: form, signingSecret: 'f'.repeat(32) }),
      401,
    ],
    [
      'a replayed request six minutes old',
      () =>
        postToApp({
          url,
          body: command('jepsen'),
          contentType: form,
          signingSecret: bot.slack.signingSecret,
          timestamp: Math.floor(Date.now() / 1000) - 360,
        }),
      401,
    ],
    [
      'a body over 4 MB',
      () =>
        postToApp({
          url,
          body: 'x'.repeat(5 * 1024 * 1024),
          contentType: json,
          signingSecret: bot.slack.signingSecret,
        }),
      413,
    ],
    [
      'malformed JSON',
      () =>
        postToApp({
          url,
          body: '{"type":"event_callback",',
          contentType: json,
          signingSecret: bot.slack.signingSecret,
        }),
      400,
    ],
    [
      'a malformed form payload',
      () =>
        postToApp({
          url,
          body: 'payload=%7B%22type',
          contentType: form,
          signingSecret: bot.slack.signingSecret,
        }),
      400,
    ],
    [
      'an unknown payload type',
      () =>
        postToApp({
          url,
          body: `payload=${encodeURIComponent(JSON.stringify({ type: 'made_up', team: { id: 'T0001' } }))}`,
          contentType: form,
          signingSecret: bot.slack.signingSecret,
        }),
      400,
    ],
  ];
  for (const [name, send, status] of cases) {
    it(`answers ${name} with ${status} and logs it`, async () => {
      const logged = bot.logs.length;
      const answer = await send();
      assert.equal(answer.status, status);
      assert.ok(bot.logs.length > logged, 'something was logged');
    });
  }

  it('still answers a good /talk after all of that', async () => {
    await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0AFTER' });
    await bot.slack.waitFor((r) => r.ephemeralTo === 'U0AFTER');
  });

  it(`survives a soak of ${soakRequests} mixed good and bad requests, with memory back near its start`, async () => {
    global.gc?.();
    const startHeap = process.memoryUsage().heapUsed;
    const kinds = [
      () =>
        postToApp({
          url,
          body: command('testing distributed'),
          contentType: form,
          signingSecret: bot.slack.signingSecret,
        }),
      () => postToApp({ url, body: command('jepsen'), contentType: form, signingSecret: 'f'.repeat(32) }),
      () => postToApp({ url, body: '{"broken', contentType: json, signingSecret: bot.slack.signingSecret }),
      () => fetch(url, { method: 'POST', body: 'nothing', headers: { 'content-type': form } }),
    ];
    const statuses = new Map<number, number>();
    let next = 0;
    const sender = async () => {
      while (next < soakRequests) {
        const kind = kinds[next++ % kinds.length] as (typeof kinds)[number];
        const { status } = await kind();
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 20 }, sender));
    const quarter = soakRequests / 4;
    assert.equal(statuses.get(200), quarter, `statuses: ${JSON.stringify([...statuses])}`);
    assert.equal(statuses.get(401), quarter * 2);
    assert.equal(statuses.get(400), quarter);
    // Answers to the good commands go to a response_url that refuses them; let those settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
    global.gc?.();
    const grown = process.memoryUsage().heapUsed - startHeap;
    // Not a timing: a leak of a few kB per request would show as tens of MB here.
    assert.ok(grown < 40 * 1024 * 1024, `heap grew by ${Math.round(grown / 1048576)} MB`);
    await bot.slack.slashCommand({ text: 'jepsen', userId: 'U0SOAKED' });
    await bot.slack.waitFor((r) => r.ephemeralTo === 'U0SOAKED');
  });
});
