import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../src/config.ts';
import { SlackStandIn } from '../../src/local/index.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';
import { type RunningTalkbot, startTalkbot } from '../../src/start.ts';
import { eventually } from '../helpers/eventually.ts';
import { type BlogRepo, git, makeBlogRepo, postFile } from '../helpers/git-repo.ts';
import { testSigningSecret } from './harness.ts';

const webhookSecret = 'push-hook-secret-91c2e7a4';
const site = 'baseURL = "https://talks.example.org/"\ntitle = "Talk notes"\n';
const jepsen = postFile(
  'Jepsen: Call Me Maybe',
  '2013-05-01T10:00:00Z',
  [['Call me maybe: Postgres', 'https://aphyr.com/posts/282-call-me-maybe-postgres']],
  'Kyle Kingsbury partitions databases and counts what they lose.',
);
const raft = postFile('Raft in Five Minutes', '2015-03-02T10:00:00Z', [
  ['Raft lecture', 'https://www.youtube.com/watch?v=YbZ3zDzDnrw'],
]);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

const titles = (bot: RunningTalkbot) => bot.store.current.posts.map((p) => p.title).sort();

// The real `startTalkbot` in HTTP mode, as deployed: content from a repository, a push arriving by webhook.
describe('talkbot start with CONTENT_GIT_URL, in HTTP mode', () => {
  let root: string;
  let repo: BlogRepo;
  let slack: SlackStandIn;
  let bot: RunningTalkbot;
  let hooks: string;
  const logs: string[] = [];
  const hook = (body: string, signature: string | null) =>
    fetch(hooks, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        ...(signature ? { 'x-hub-signature-256': signature } : {}),
      },
    });
  const sign = (body: string) => `sha256=${createHmac('sha256', webhookSecret).update(body).digest('hex')}`;
  const push = '{"ref":"refs/heads/main"}';

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'talkbot-git-app-'));
    repo = makeBlogRepo(root);
    repo.commit({ 'hugo.toml': site, 'content/posts/jepsen-call-me-maybe.md': jepsen }, 'First post');
    repo.push();
    slack = await SlackStandIn.start({
      transport: 'http',
      signingSecret: testSigningSecret,
      unfurlDomains: ['talks.example.org'],
    });
    const port = await freePort();
    const config = readConfig({
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: testSigningSecret,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      CONTENT_GIT_URL: repo.url,
      CONTENT_GIT_POLL: 'off',
      CONTENT_GIT_WEBHOOK_SECRET: webhookSecret,
      TALKBOT_DATA_DIR: join(root, 'data'),
      TALKBOT_CACHE_DIR: 'off',
      LOG_LEVEL: 'info',
    });
    bot = await startTalkbot(
      config,
      new RedactingLogger('info', [webhookSecret], (line) => {
        logs.push(line);
      }),
    );
    slack.appUrl = `http://127.0.0.1:${port}/slack/events`;
    hooks = `http://127.0.0.1:${port}/hooks/git`;
  });
  after(async () => {
    await bot.stop();
    await slack.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the repository, its posts linked under the site configuration’s baseURL', () => {
    assert.deepEqual(
      bot.store.current.posts.map((p) => p.url),
      ['https://talks.example.org/posts/jepsen-call-me-maybe/'],
    );
    assert.match(logs.join(''), /loaded 1 posts and 1 resources from file:\/\/\S+blog\.git at [0-9a-f]{7}/);
  });

  it('refuses a forged or unsigned webhook with 401 and changes nothing', async () => {
    repo.commit({ 'content/posts/raft.md': raft }, 'Raft post');
    repo.push();
    const forged = await hook(push, `sha256=${'0'.repeat(64)}`);
    const unsigned = await hook(push, null);
    assert.deepEqual([forged.status, unsigned.status], [401, 401]);
    // A verified call made now would be picked up; these two must not have been.
    assert.deepEqual(titles(bot), ['Jepsen: Call Me Maybe']);
    assert.ok(!logs.join('').includes(webhookSecret));
  });

  it('picks up a push at once on a signed webhook, and the Home tab shows the commit served', async () => {
    const res = await hook(push, sign(push));
    assert.equal(res.status, 202);
    await eventually('the pushed post to be served', () => titles(bot).includes('Raft in Five Minutes'));
    const head = git(repo.work, 'rev-parse', 'HEAD').trim();
    await slack.openHome('U0HOME');
    const view = JSON.stringify(await slack.waitForHomeView('U0HOME'));
    assert.match(view, new RegExp(`Serving commit \`${head.slice(0, 7)}\` “Raft post” of file://`));
  });

  it('keeps the last good version of a post broken by a push, and reports it', async () => {
    repo.commit({ 'content/posts/raft.md': '+++\ntitle = "Raft in Five\n+++\n' }, 'Oops');
    repo.push();
    assert.equal((await hook(push, sign(push))).status, 202);
    await eventually('the broken post to be reported', () =>
      bot.store.current.problems.some((p) => p.path === 'posts/raft.md'),
    );
    assert.deepEqual(titles(bot), ['Jepsen: Call Me Maybe', 'Raft in Five Minutes']);
  });

  it('follows a force-push: the rewritten branch is served, the dropped post is gone', async () => {
    git(repo.work, 'reset', '--quiet', '--hard', 'HEAD~2');
    repo.commit(
      { 'content/posts/jepsen-call-me-maybe.md': jepsen.replace('Call Me Maybe', 'Call Me Maybe, Again') },
      'Rewrite',
    );
    repo.push({ force: true });
    assert.equal((await hook(push, sign(push))).status, 202);
    await eventually(
      'the rewritten branch to be served',
      () => titles(bot).join() === 'Jepsen: Call Me Maybe, Again',
    );
  });

  it('unfurls a link to a served post in a channel', async () => {
    const link = 'https://talks.example.org/posts/jepsen-call-me-maybe/';
    const sent = await slack.userMessage({ channelId: 'C0GENERAL', userId: 'U0ALICE', text: `<${link}>` });
    await eventually('the unfurl', () => sent.record.unfurls !== undefined);
    assert.match(JSON.stringify(sent.record.unfurls?.[link]), /Call Me Maybe, Again/);
  });

  it('keeps serving when the remote is gone, logs the failure once, and says so on the Home tab', async () => {
    renameSync(repo.bare, `${repo.bare}.moved`);
    try {
      const failures = () => logs.filter((l) => l.includes('cannot update content')).length;
      assert.equal((await hook(push, sign(push))).status, 202);
      await eventually('the failed update to be logged', () => failures() === 1);
      assert.deepEqual(titles(bot), ['Jepsen: Call Me Maybe, Again']);
      await slack.openHome('U0AWAY');
      await eventually('the Home tab to warn', () =>
        JSON.stringify(slack.homeViews.get('U0AWAY') ?? {}).includes('cannot be reached'),
      );
    } finally {
      renameSync(`${repo.bare}.moved`, repo.bare);
    }
  });
});

describe('talkbot start with CONTENT_GIT_URL, polling', () => {
  it('picks up a push on the next poll, with no webhook', async () => {
    const root = mkdtempSync(join(tmpdir(), 'talkbot-git-poll-'));
    const repo = makeBlogRepo(root);
    repo.commit({ 'hugo.toml': site, 'content/posts/jepsen.md': jepsen }, 'First post');
    repo.push();
    const bot = await startTalkbot(
      readConfig({
        PORT: '0',
        CONTENT_GIT_URL: repo.url,
        CONTENT_GIT_POLL: '1s',
        TALKBOT_DATA_DIR: join(root, 'data'),
        TALKBOT_CACHE_DIR: 'off',
      }),
      new RedactingLogger('warn', [], () => undefined),
    );
    try {
      assert.deepEqual(titles(bot), ['Jepsen: Call Me Maybe']);
      repo.commit({ 'content/posts/raft.md': raft }, 'Raft post');
      repo.push();
      await eventually('the poll to pick up the push', () => titles(bot).includes('Raft in Five Minutes'));
    } finally {
      await bot.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('talkbot start with CONTENT_GIT_URL, in Socket Mode', () => {
  it('serves POST /hooks/git on PORT when CONTENT_GIT_WEBHOOK_SECRET is set', async () => {
    const root = mkdtempSync(join(tmpdir(), 'talkbot-git-socket-'));
    const repo = makeBlogRepo(root);
    repo.commit({ 'hugo.toml': site, 'content/posts/jepsen.md': jepsen }, 'First post');
    repo.push();
    const slack = await SlackStandIn.start({ transport: 'socket' });
    const port = await freePort();
    const bot = await startTalkbot(
      readConfig({
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_APP_TOKEN: slack.appToken,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        CONTENT_GIT_URL: repo.url,
        CONTENT_GIT_POLL: 'off',
        CONTENT_GIT_WEBHOOK_SECRET: webhookSecret,
        TALKBOT_DATA_DIR: join(root, 'data'),
        TALKBOT_CACHE_DIR: 'off',
      }),
      new RedactingLogger('warn', [], () => undefined),
    );
    try {
      repo.commit({ 'content/posts/raft.md': raft }, 'Raft post');
      repo.push();
      const body = '{"object_kind":"push","ref":"refs/heads/main"}';
      const res = await fetch(`http://127.0.0.1:${port}/hooks/git`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-gitlab-event': 'Push Hook',
          'x-gitlab-token': webhookSecret,
        },
      });
      assert.equal(res.status, 202);
      await eventually('the pushed post to be served', () => titles(bot).includes('Raft in Five Minutes'));
    } finally {
      await bot.stop();
      await slack.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
