import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runTalkbot } from '../helpers/run-cli.ts';
import { settle, settleAll } from '../helpers/settle.ts';

describe('talkbot ask', () => {
  it('--json prints the contract: one object per query, hits best first', async () => {
    const run = await runTalkbot(['ask', '--json', 'jepsen', 'xyzzy plugh']);
    assert.equal(run.code, 0, run.stderr);
    const [jepsen, nonsense] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(Object.keys(jepsen), ['query', 'hits']);
    assert.equal(jepsen.query, 'jepsen');
    const [first] = jepsen.hits;
    assert.deepEqual(Object.keys(first), ['kind', 'title', 'url', 'section', 'posts', 'score', 'context']);
    assert.equal(first.kind, 'resource');
    assert.equal(first.title, 'Jepsen');
    assert.equal(first.url, 'https://aphyr.com/tags/Jepsen');
    assert.equal(first.section, 'Kyle Kingsbury');
    assert.deepEqual(first.posts, [
      { slug: 'qcon-how-did-i-get-here', title: 'QCon: How Did I Get Here?', url: null },
    ]);
    assert.equal(typeof first.score, 'number');
    assert.deepEqual(nonsense, { query: 'xyzzy plugh', hits: [] });
  });

  it('--json with no query reads standard input: one JSON line per line, in order, in one process', async () => {
    const queries = ['jepsen', '', 'chaos engineering', 'x'.repeat(300), 'testing distributed'];
    const run = await runTalkbot(['ask', '--json'], { input: `${queries.join('\n')}\n` });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(lines.length, queries.length);
    assert.deepEqual(
      lines.map((l) => l.query),
      queries.map((q) => q.trim()),
    );
    assert.equal(lines[2].hits[0].title, 'Principles of Chaos Engineering');
    assert.match(lines[3].error, /the limit is 200/);
    assert.equal(lines[4].hits[0].posts[0].slug, 'qcon-how-did-i-get-here');
  });

  it('prints a readable answer, with the talk and its resources under their sections', async () => {
    const run = await runTalkbot(['ask', 'stream processor']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /QCon: How Did I Get Here\? \[talk\]/);
    assert.match(run.stdout, /Kyle Kingsbury:\n\s+- Kyle Kingsbury's twitter \[profile\]/);
  });

  it('takes --content and SITE_BASE_URL into account', async () => {
    const run = await runTalkbot(['ask', '--json', '--content', 'test/fixtures/sites/talks', 'kafka'], {
      env: { SITE_BASE_URL: 'https://talks.example.com' },
    });
    const answer = JSON.parse(run.stdout);
    assert.equal(answer.hits[0].url, 'https://talks.example.com/posts/kafka-exactly-once/');
  });

  it('rejects a bad flag with the usage on standard error and exit code 2', async () => {
    const run = await runTalkbot(['ask', '--limit', 'zero', 'jepsen']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /--limit must be a whole number/);
    assert.match(run.stderr, /Usage: talkbot ask/);
  });
});

describe('talkbot index', () => {
  it('--json lists all 13 links of the seed post with their sections and folded titles', async () => {
    const run = await runTalkbot(['index', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const { posts, problems } = JSON.parse(run.stdout);
    assert.deepEqual(problems, []);
    assert.equal(posts.length, 1);
    const [post] = posts;
    for (const key of [
      'slug',
      'title',
      'description',
      'date',
      'tags',
      'section',
      'path',
      'url',
      'resources',
    ]) {
      assert.ok(key in post, `post has ${key}`);
    }
    assert.equal(post.resources.length, 13);
    const catie = post.resources.filter((r: { section: string }) => r.section === 'Catie McCaffrey');
    assert.equal(
      catie[1].title,
      "The Verification of a Distributed System: A practitioner's guide to increasing confidence in system correctness",
    );
    assert.equal(post.resources.at(-1).section, null);
  });

  it('prints each problem as path:line: message, and --strict exits 1 when there are any', async () => {
    const run = await runTalkbot(['index', '--strict', '--content', 'test/fixtures/sites/mixed']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^test\/fixtures\/sites\/mixed: \d+ posts, \d+ resources/);
    assert.match(
      run.stdout,
      /\ntest\/fixtures\/sites\/mixed\/posts\/broken\/bad-toml\.md:4: invalid TOML front matter/,
    );
    const clean = await runTalkbot(['index', '--strict']);
    assert.equal(clean.code, 0);
  });

  it('reports a content folder that does not exist instead of crashing', async () => {
    const run = await runTalkbot(['index', '--strict', '--content', 'no/such/folder']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /no\/such\/folder: cannot read the content folder: no such file or folder/);
  });
});

describe('talkbot with a parse cache', () => {
  let site: string;
  let cache: string;
  before(async () => {
    site = await mkdtemp(join(tmpdir(), 'talkbot-cli-cache-site-'));
    cache = await mkdtemp(join(tmpdir(), 'talkbot-cli-cache-'));
    await cp('test/fixtures/sites/talks', site, { recursive: true });
    // Copied files are brand new, and the cache trusts only files that had settled when read.
    await settleAll(site);
  });
  after(async () => {
    await rm(site, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('answers the same from the cache as from the files, and sees an edited post', async () => {
    const env = { TALKBOT_CACHE_DIR: cache };
    const first = await runTalkbot(['index', '--json', '--content', site], { env });
    assert.equal(first.code, 0);
    assert.equal(first.stderr, '');
    assert.deepEqual(
      (await readdir(cache)).filter((f) => f.endsWith('.bin')).length,
      1,
      'the first run leaves a cache file',
    );
    const second = await runTalkbot(['index', '--json', '--content', site], { env });
    assert.equal(second.stdout, first.stdout);
    const uncached = await runTalkbot(['index', '--json', '--content', site], {
      env: { TALKBOT_CACHE_DIR: 'off' },
    });
    assert.equal(uncached.stdout, first.stdout);

    const path = join(site, 'posts', 'qcon-how-did-i-get-here.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('title = "QCon', 'title = "QCan'));
    // Saved a while ago, as far as its time says: only its stamp tells the cache it changed.
    await settle(path, 5);
    const edited = await runTalkbot(['ask', '--json', '--content', site, 'qcan'], { env });
    assert.match(edited.stdout, /"title":"QCan: How Did I Get Here\?"/);
  });

  it('still answers when the cache folder cannot be written, and says why once', async () => {
    const blocked = join(cache, 'a-file');
    await writeFile(blocked, 'not a folder');
    const run = await runTalkbot(['ask', '--content', site, 'jepsen'], {
      env: { TALKBOT_CACHE_DIR: blocked },
    });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Jepsen/);
    assert.equal(run.stderr.match(/cannot write the parse cache/g)?.length, 1);
    assert.match(run.stderr, /set TALKBOT_CACHE_DIR to a folder talkbot may write, or to off/);
  });
});

describe('talkbot', () => {
  it('explains itself with --help, and each command too', async () => {
    const top = await runTalkbot(['--help']);
    assert.equal(top.code, 0);
    assert.match(top.stdout, /Commands:/);
    for (const command of ['ask', 'index']) {
      const run = await runTalkbot([command, '--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, new RegExp(`Usage: talkbot ${command}`));
    }
  });

  it('rejects an unknown command with exit code 2', async () => {
    const run = await runTalkbot(['frobnicate']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command "frobnicate"/);
  });
});
