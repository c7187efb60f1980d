import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  type BlogRepo,
  type GitHttpServer,
  makeBlogRepo,
  postFile,
  serveGitHttp,
} from '../helpers/git-repo.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

describe('talkbot index and ask with CONTENT_GIT_URL', () => {
  let root: string;
  let repo: BlogRepo;
  let env: NodeJS.ProcessEnv;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'talkbot-git-cli-'));
    repo = makeBlogRepo(root);
    repo.commit(
      {
        'hugo.toml': 'baseURL = "https://talks.example.org/"\ntitle = "Our talk notes"\n',
        'content/posts/jepsen-call-me-maybe.md': postFile('Jepsen: Call Me Maybe', '2013-05-01T10:00:00Z', [
          ['Call me maybe: Postgres', 'https://aphyr.com/posts/282-call-me-maybe-postgres'],
        ]),
        'content/posts/broken.md': '+++\ntitle = "Half written\n+++\nbody\n',
      },
      'Two posts, one broken',
    );
    repo.push();
    env = {
      CONTENT_GIT_URL: repo.url,
      TALKBOT_DATA_DIR: join(root, 'data'),
      TALKBOT_CACHE_DIR: 'off',
    };
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('index reads the repository, links posts under the site configuration baseURL, and --strict fails on the broken post', async () => {
    const run = await runTalkbot(['index', '--json', '--strict'], { env });
    assert.equal(run.code, 1, run.stderr);
    const { posts, problems } = JSON.parse(run.stdout) as {
      posts: { slug: string; url: string | null }[];
      problems: { path: string; line: number | null }[];
    };
    assert.deepEqual(
      posts.map((p) => [p.slug, p.url]),
      [['jepsen-call-me-maybe', 'https://talks.example.org/posts/jepsen-call-me-maybe/']],
    );
    assert.deepEqual(
      problems.map((p) => p.path),
      ['posts/broken.md'],
    );
  });

  it('ask answers from the repository; SITE_BASE_URL still wins over baseURL', async () => {
    const run = await runTalkbot(['ask', '--json', 'call me maybe'], {
      env: { ...env, SITE_BASE_URL: 'https://staging.example.org' },
    });
    assert.equal(run.code, 0, run.stderr);
    const answer = JSON.parse(run.stdout) as { hits: { posts: { url: string }[] }[] };
    assert.equal(answer.hits[0]?.posts[0]?.url, 'https://staging.example.org/posts/jepsen-call-me-maybe/');
  });

  it('exits 1 naming CONTENT_GIT_URL when the repository cannot be fetched and was never checked out', async () => {
    const run = await runTalkbot(['index'], {
      env: {
        ...env,
        CONTENT_GIT_URL: `file://${join(root, 'nowhere.git')}`,
        TALKBOT_DATA_DIR: join(root, 'empty'),
      },
    });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^talkbot index: CONTENT_GIT_URL: cannot fetch .*nowhere\.git and there is no earlier checkout/,
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });
});

describe('talkbot index with a private repository over https-style HTTP', () => {
  const token = 'glpat-PrivateBlogToken-0123456789';
  let root: string;
  let server: GitHttpServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'talkbot-git-private-'));
    const repo = makeBlogRepo(root);
    repo.commit(
      {
        'content/posts/raft.md': postFile('Raft in Five Minutes', '2015-03-02T10:00:00Z', [
          ['Raft lecture', 'https://www.youtube.com/watch?v=YbZ3zDzDnrw'],
        ]),
      },
      'First post',
    );
    repo.push();
    server = await serveGitHttp(root, token);
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads it with CONTENT_GIT_TOKEN, which appears in no output, file or URL on disk', async () => {
    const env = {
      CONTENT_GIT_URL: `${server.url}/blog.git`,
      CONTENT_GIT_TOKEN: token,
      TALKBOT_DATA_DIR: join(root, 'data'),
      TALKBOT_CACHE_DIR: 'off',
    };
    const run = await runTalkbot(['index'], { env });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /1 post, 1 resource/);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(token));
    const config = readFileSync(
      join(
        root,
        'data',
        'content-git',
        readdirSync(join(root, 'data', 'content-git'))[0] ?? '',
        '.git',
        'config',
      ),
      'utf8',
    );
    assert.ok(!config.includes(token) && !config.includes('extraheader'), config);
  });

  it('names CONTENT_GIT_TOKEN, and prints no token, when the server refuses it', async () => {
    const wrong = 'glpat-NotTheRightToken-9876543210';
    const run = await runTalkbot(['index'], {
      env: {
        CONTENT_GIT_URL: `${server.url}/blog.git`,
        CONTENT_GIT_TOKEN: wrong,
        TALKBOT_DATA_DIR: join(root, 'fresh'),
        TALKBOT_CACHE_DIR: 'off',
      },
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^talkbot index: CONTENT_GIT_TOKEN: /);
    assert.ok(!run.stderr.includes(wrong));
  });
});
