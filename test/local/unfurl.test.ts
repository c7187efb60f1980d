import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { WebClient } from '@slack/web-api';
import type { SlackStandIn } from '../../src/local/index.ts';
import { linksToUnfurl } from '../../src/local/unfurls.ts';
import { type Running, startTalkbotAgainstStandIn } from '../e2e/harness.ts';
import { silentLogger } from './helpers.ts';

const card = { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*A talk*' } }] };

describe('the stand-in learns link_shared and chat.unfurl', () => {
  let running: Running;
  let slack: SlackStandIn;
  let client: WebClient;
  before(async () => {
    // The real app, so each event is acknowledged; none of these links is to one of its posts.
    running = await startTalkbotAgainstStandIn('socket', {
      contentDir: 'test/fixtures/sites/talks',
      siteBaseUrl: 'https://talks.example.org',
    });
    slack = running.slack;
    client = new WebClient(slack.botToken, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      logger: silentLogger,
    });
  });
  after(() => running.stop());

  it('finds links to the unfurl domains (subdomains too) in typed and formatted text, each once, five at most', () => {
    const text =
      'see <https://talks.example.org/posts/a/> and https://www.talks.example.org/posts/b/, ' +
      'not https://example.org/c or https://talks.example.org.evil.example/d; again https://talks.example.org/posts/a/ ' +
      [1, 2, 3, 4, 5].map((n) => `https://talks.example.org/${n}`).join(' ');
    assert.deepEqual(
      linksToUnfurl(text, ['talks.example.org']).map((l) => l.url),
      [
        'https://talks.example.org/posts/a/',
        'https://www.talks.example.org/posts/b/',
        'https://talks.example.org/1',
        'https://talks.example.org/2',
        'https://talks.example.org/3',
      ],
    );
    assert.equal(linksToUnfurl(text, ['talks.example.org'])[1]?.domain, 'talks.example.org');
  });

  it("sends link_shared in the shape of Slack's documented example", async () => {
    const sent = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0ALICE',
      text: 'https://talks.example.org/posts/a/',
    });
    const documented = JSON.parse(readFileSync('test/fixtures/slack/link_shared.json', 'utf8')) as {
      event: Record<string, unknown>;
    };
    const event = (sent.linkShared?.payload as { event: Record<string, unknown> } | undefined)?.event ?? {};
    const expectedKeys = Object.keys(documented.event).filter(
      (k) => k !== 'is_unfurl_refresh' && k !== 'thread_ts',
    );
    assert.deepEqual(Object.keys(event), [...expectedKeys, 'event_ts']);
    assert.deepEqual(event.links, [
      { domain: 'talks.example.org', url: 'https://talks.example.org/posts/a/' },
    ]);
    assert.equal(event.message_ts, sent.record.ts);
  });

  it('refuses what Slack refuses: a URL not shared, rich_text blocks, no unfurls, an unknown message', async () => {
    const sent = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0ALICE',
      text: 'https://talks.example.org/posts/b/',
    });
    const target = { channel: 'C0GENERAL', ts: sent.record.ts };
    const code = (call: Promise<unknown>) =>
      call.then(
        () => 'ok',
        (error: { data?: { error?: string } }) => error.data?.error,
      );
    assert.equal(
      await code(client.chat.unfurl({ ...target, unfurls: { 'https://talks.example.org/other/': card } })),
      'cannot_unfurl_url',
    );
    assert.equal(
      await code(
        client.chat.unfurl({
          ...target,
          unfurls: {
            'https://talks.example.org/posts/b/': { blocks: [{ type: 'rich_text', elements: [] }] },
          },
        }),
      ),
      'invalid_blocks',
    );
    assert.equal(await code(client.apiCall('chat.unfurl', target)), 'missing_unfurls');
    assert.equal(
      await code(
        client.chat.unfurl({
          channel: 'C0GENERAL',
          ts: '1.000001',
          unfurls: { 'https://talks.example.org/posts/b/': card },
        }),
      ),
      'cannot_find_message',
    );
    assert.equal(sent.record.unfurls, undefined);
    assert.equal(
      await code(client.chat.unfurl({ ...target, unfurls: { 'https://talks.example.org/posts/b/': card } })),
      'ok',
    );
    assert.deepEqual(sent.record.unfurls, { 'https://talks.example.org/posts/b/': card });
  });

  it('sends no link_shared for a message without links to the unfurl domains', async () => {
    const sent = await slack.userMessage({
      channelId: 'C0GENERAL',
      userId: 'U0ALICE',
      text: 'https://example.com/',
    });
    assert.equal(sent.linkShared, undefined);
  });
});
