import assert from 'node:assert/strict';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ConfigError } from '../../src/config-error.ts';
import type { Commit } from '../../src/sources/git-checkout.ts';
import type { GitSettings } from '../../src/sources/git-settings.ts';
import { GitSource } from '../../src/sources/git-source.ts';
import { eventually } from '../helpers/eventually.ts';
import { type BlogRepo, git, makeBlogRepo, postFile, serveGitHttp } from '../helpers/git-repo.ts';

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    info: (message: string) => lines.push(`INFO ${message}`),
    warn: (message: string) => lines.push(`WARN ${message}`),
  };
}

function settings(root: string, url: string, more: Partial<GitSettings> = {}): GitSettings {
  return {
    url,
    ref: null,
    token: null,
    pollMs: 0,
    webhookSecret: null,
    contentSubdir: 'content',
    dataDir: join(root, 'data'),
    env: process.env,
    ...more,
  };
}

const jepsen = postFile('Jepsen: Call Me Maybe', '2013-05-01T10:00:00Z', [
  ['Call me maybe: Postgres', 'https://aphyr.com/posts/282-call-me-maybe-postgres'],
]);
const raft = postFile('Raft in Five Minutes', '2015-03-02T10:00:00Z', [
  ['The Raft paper', 'https://raft.github.io/raft.pdf'],
]);

/** Every file under a folder, recursively, for a search of what is on disk. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('GitSource over file://', () => {
  let root: string;
  let repo: BlogRepo;
  let source: GitSource | null = null;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'talkbot-git-'));
    repo = makeBlogRepo(root);
    repo.commit(
      { 'hugo.toml': 'baseURL = "https://talks.example.org/"\n', 'content/posts/jepsen.md': jepsen },
      'First post',
    );
    repo.push();
  });
  afterEach(async () => {
    await source?.stop();
    source = null;
    rmSync(root, { recursive: true, force: true });
  });

  it('clones the default branch into TALKBOT_DATA_DIR and serves its content folder', async () => {
    const logger = recordingLogger();
    source = new GitSource({ settings: settings(root, repo.url), logger });
    const commit = await source.prepare();
    assert.equal(commit.sha, git(repo.work, 'rev-parse', 'HEAD').trim());
    assert.equal(commit.subject, 'First post');
    assert.ok(source.contentDir.startsWith(join(root, 'data')));
    assert.ok(existsSync(join(source.contentDir, 'posts', 'jepsen.md')));
    assert.ok(existsSync(join(source.siteDir, 'hugo.toml')));
    assert.equal(source.status()?.failingSince, null);
    assert.deepEqual(logger.lines, []);
  });

  it('picks up a push by polling and tells who reloads', async () => {
    const seen: Commit[] = [];
    source = new GitSource({
      settings: settings(root, repo.url, { pollMs: 100 }),
      logger: recordingLogger(),
      onCommit: async (commit) => {
        seen.push(commit);
      },
    });
    await source.prepare();
    source.start();
    const second = repo.commit({ 'content/posts/raft.md': raft }, 'Raft post');
    repo.push();
    await eventually('the poll to find the new commit', () => seen.length === 1);
    assert.equal(seen[0]?.sha, second);
    assert.ok(existsSync(join(source.contentDir, 'posts', 'raft.md')));
    assert.equal(source.status()?.commit.sha, second);
  });

  it('follows a force-pushed branch: the rewritten commit is served, its dropped files are gone', async () => {
    source = new GitSource({ settings: settings(root, repo.url), logger: recordingLogger() });
    await source.prepare();
    repo.commit({ 'content/posts/raft.md': raft }, 'Raft post');
    repo.push();
    await source.update();
    assert.ok(existsSync(join(source.contentDir, 'posts', 'raft.md')));

    git(repo.work, 'reset', '--quiet', '--hard', 'HEAD~1');
    const rewritten = repo.commit(
      { 'content/posts/jepsen.md': jepsen.replace('Call Me Maybe', 'Call Me Maybe (revised)') },
      'Rewrite',
    );
    repo.push({ force: true });
    await source.update();
    assert.equal(source.status()?.commit.sha, rewritten);
    assert.ok(!existsSync(join(source.contentDir, 'posts', 'raft.md')));
    assert.match(readFileSync(join(source.contentDir, 'posts', 'jepsen.md'), 'utf8'), /revised/);
  });

  it('is not thrown off by an editor, a pager or GIT_DIR in the environment (npm, a shell, a git hook)', async () => {
    const env = { ...process.env, EDITOR: 'vi', PAGER: 'less', GIT_DIR: join(root, 'elsewhere.git') };
    source = new GitSource({ settings: settings(root, repo.url, { env }), logger: recordingLogger() });
    const commit = await source.prepare();
    assert.equal(commit.subject, 'First post');
  });

  it('serves a tag when CONTENT_GIT_REF names one', async () => {
    git(repo.work, 'tag', 'published');
    git(repo.work, 'push', '--quiet', repo.bare, 'refs/tags/published');
    repo.commit({ 'content/posts/raft.md': raft }, 'Not yet published');
    repo.push();
    source = new GitSource({
      settings: settings(root, repo.url, { ref: 'published' }),
      logger: recordingLogger(),
    });
    const commit = await source.prepare();
    assert.equal(commit.subject, 'First post');
    assert.ok(!existsSync(join(source.contentDir, 'posts', 'raft.md')));
  });

  it('exits with an error naming CONTENT_GIT_URL when the remote is gone and nothing was checked out before', async () => {
    rmSync(repo.bare, { recursive: true });
    source = new GitSource({ settings: settings(root, repo.url), logger: recordingLogger() });
    await assert.rejects(source.prepare(), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.variable, 'CONTENT_GIT_URL');
      assert.match(error.message, /no earlier checkout/);
      return true;
    });
  });

  it('names CONTENT_GIT_REF when the branch does not exist', async () => {
    source = new GitSource({
      settings: settings(root, repo.url, { ref: 'no-such-branch' }),
      logger: recordingLogger(),
    });
    await assert.rejects(
      source.prepare(),
      (error: unknown) => error instanceof ConfigError && error.variable === 'CONTENT_GIT_REF',
    );
  });

  it('starts from the last checkout with a warning when the remote is gone at startup', async () => {
    const first = new GitSource({ settings: settings(root, repo.url), logger: recordingLogger() });
    const served = await first.prepare();
    renameSync(repo.bare, `${repo.bare}.away`);
    const logger = recordingLogger();
    source = new GitSource({ settings: settings(root, repo.url), logger });
    const commit = await source.prepare();
    assert.equal(commit.sha, served.sha);
    assert.ok(existsSync(join(source.contentDir, 'posts', 'jepsen.md')));
    assert.equal(logger.lines.length, 1);
    assert.match(logger.lines[0] ?? '', /^WARN cannot update content from .*starting from the last checkout/);
    assert.notEqual(source.status()?.failingSince, null);
  });

  it('puts back the last whole checkout when one was cut short, before serving it offline', async () => {
    const first = new GitSource({ settings: settings(root, repo.url), logger: recordingLogger() });
    const served = await first.prepare();
    // What a process stopped in the middle of a checkout leaves: one file of the next commit, one half-written.
    writeFileSync(join(first.contentDir, 'posts', 'raft.md'), raft);
    writeFileSync(join(first.contentDir, 'posts', 'jepsen.md'), '+++\ntitle = "Jep');
    renameSync(repo.bare, `${repo.bare}.away`);
    source = new GitSource({ settings: settings(root, repo.url), logger: recordingLogger() });
    assert.equal((await source.prepare()).sha, served.sha);
    assert.ok(!existsSync(join(source.contentDir, 'posts', 'raft.md')));
    assert.equal(readFileSync(join(source.contentDir, 'posts', 'jepsen.md'), 'utf8'), jepsen);
  });

  it('keeps serving while the remote is gone, one log line per failure with backoff, and recovers', async () => {
    const logger = recordingLogger();
    source = new GitSource({ settings: settings(root, repo.url, { pollMs: 60_000 }), logger, retryMs: 50 });
    const served = await source.prepare();
    source.start();
    renameSync(repo.bare, `${repo.bare}.away`);
    await source.update();
    await eventually(
      'two retries to fail',
      () => logger.lines.filter((l) => l.startsWith('WARN')).length >= 3,
    );
    const failures = logger.lines.filter((l) => l.startsWith('WARN'));
    assert.match(failures[0] ?? '', /still serving commit .*retrying in 0 s/);
    assert.equal(source.status()?.commit.sha, served.sha);
    assert.ok(source.status()?.lastError);
    assert.ok(existsSync(join(source.contentDir, 'posts', 'jepsen.md')));

    renameSync(`${repo.bare}.away`, repo.bare);
    const next = repo.commit({ 'content/posts/raft.md': raft }, 'Raft post');
    repo.push();
    await eventually('a retry to succeed', () => source?.status()?.commit.sha === next);
    assert.equal(source.status()?.failingSince, null);
    assert.ok(logger.lines.some((l) => l.includes('reachable again')));
  });
});

describe('GitSource over HTTP (git http-backend) with a private repository', () => {
  const token = 'ghp_PrivateBlogToken0123456789abcdef';
  let root: string;
  let repo: BlogRepo;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'talkbot-git-http-'));
    repo = makeBlogRepo(root);
    repo.commit({ 'content/posts/jepsen.md': jepsen }, 'First post');
    repo.push();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('sends CONTENT_GIT_TOKEN as a header, and keeps it out of every log line and every file on disk', async () => {
    const server = await serveGitHttp(root, token);
    try {
      const logger = recordingLogger();
      const url = `${server.url}/blog.git`;
      const source = new GitSource({ settings: settings(root, url, { token }), logger });
      await source.prepare();
      assert.ok(existsSync(join(source.contentDir, 'posts', 'jepsen.md')));
      assert.ok(server.authorizations.some((a) => a.startsWith('Basic ')));

      // A failure's message, which quotes git, is logged: it must not carry the token either.
      await server.close();
      await source.update();
      await source.stop();
      assert.ok(logger.lines.some((l) => l.startsWith('WARN cannot update content')));
      const encoded = Buffer.from(`x-access-token:${token}`).toString('base64');
      for (const line of logger.lines) {
        assert.ok(!line.includes(token) && !line.includes(encoded), line);
      }
      for (const file of filesUnder(join(root, 'data'))) {
        const bytes = readFileSync(file);
        assert.ok(!bytes.includes(token) && !bytes.includes(encoded), `${file} holds the token`);
      }
    } finally {
      await server.close();
    }
  });

  it('names CONTENT_GIT_TOKEN when the token is refused, and never prints it', async () => {
    const server = await serveGitHttp(root, token);
    try {
      const wrong = 'ghp_WrongTokenForThisBlog9876543210';
      const source = new GitSource({
        settings: settings(root, `${server.url}/blog.git`, { token: wrong }),
        logger: recordingLogger(),
      });
      await assert.rejects(source.prepare(), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.variable, 'CONTENT_GIT_TOKEN');
        assert.ok(!error.message.includes(wrong));
        return true;
      });
      const none = new GitSource({
        settings: settings(root, `${server.url}/blog.git`),
        logger: recordingLogger(),
      });
      await assert.rejects(none.prepare(), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /set CONTENT_GIT_TOKEN/);
        return true;
      });
    } finally {
      await server.close();
    }
  });
});
