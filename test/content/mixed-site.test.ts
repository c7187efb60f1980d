import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';

const site = 'test/fixtures/sites/mixed';

describe('a mixed Hugo site with broken files next to good ones', async () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const { posts, problems } = await loadContent(site, { now, baseUrl: 'https://talks.example.com/' });
  const bySlug = new Map(posts.map((p) => [p.slug, p]));
  const problemAt = (path: string) => problems.filter((p) => p.path === path);

  it('loads TOML, YAML and JSON front matter', () => {
    assert.equal(bySlug.get('toml-talk')?.title, 'Consensus in Practice');
    assert.equal(bySlug.get('testing-without-mocks')?.title, 'Testing Without Mocks');
    assert.equal(bySlug.get('json-talk')?.title, 'Observability for Everyone');
    assert.deepEqual(bySlug.get('json-talk')?.tags, ['observability', 'monitoring']);
  });

  it('reads dates as Hugo does: datetimes with zones, plain days as UTC midnight', () => {
    assert.equal(bySlug.get('json-talk')?.date?.toISOString(), '2021-09-10T13:30:00.000Z');
    assert.equal(bySlug.get('testing-without-mocks')?.date?.toISOString(), '2020-06-01T00:00:00.000Z');
    assert.equal(bySlug.get('toml-talk')?.date?.toISOString(), '2019-03-14T09:00:00.000Z');
  });

  it('treats a folder with index.md as one post named after the folder, and its other files as resources', () => {
    const bundle = bySlug.get('bundled-talk');
    assert.equal(bundle?.path, 'posts/bundled-talk/index.md');
    assert.equal(bundle?.url, 'https://talks.example.com/posts/bundled-talk/');
    assert.deepEqual(bundle?.tags, ['bundles']);
    assert.equal(bundle?.description, 'No description: this first paragraph becomes it.');
    assert.ok(!posts.some((p) => p.title === 'Page resource, not a post'));
  });

  it('leaves out _index.md section pages, drafts and future posts', () => {
    const titles = posts.map((p) => p.title);
    for (const absent of ['Talks by our team', 'Posts', 'Work in progress', 'From the future']) {
      assert.ok(!titles.includes(absent), `${absent} should not be a post`);
    }
  });

  it('includes drafts and future posts when asked to', async () => {
    const all = await loadContent(site, { now, includeDrafts: true, includeFuture: true });
    const titles = all.posts.map((p) => p.title);
    assert.ok(titles.includes('Work in progress'));
    assert.ok(titles.includes('From the future'));
  });

  it('takes the slug from front matter, else the file name, and builds permalinks from it', () => {
    assert.equal(bySlug.get('testing-without-mocks')?.path, 'posts/yaml-talk.md');
    assert.equal(
      bySlug.get('testing-without-mocks')?.url,
      'https://talks.example.com/posts/testing-without-mocks/',
    );
    assert.equal(bySlug.get('about')?.section, '');
    assert.equal(bySlug.get('about')?.url, 'https://talks.example.com/about/');
  });

  it('uses description, else summary, else the first paragraph', () => {
    assert.equal(
      bySlug.get('toml-talk')?.description,
      'What Raft and Paxos look like once they meet production.',
    );
    assert.equal(bySlug.get('testing-without-mocks')?.description, 'A summary from front matter.');
  });

  it('finds inline, reference-style, autolinked and bare links, with balanced parentheses kept', () => {
    const links = bySlug.get('toml-talk')?.links ?? [];
    const urls = links.map((l) => l.url);
    assert.ok(urls.includes('https://en.wikipedia.org/wiki/Paxos_(computer_science)'));
    const raft = links.find((l) => l.url === 'https://raft.github.io/raft.pdf');
    assert.equal(raft?.title, 'In Search of an Understandable Consensus Algorithm');
    assert.equal(raft?.section, 'Papers');
    assert.equal(raft?.kind, 'paper');
    assert.ok(urls.includes('https://www.youtube.com/watch?v=YbZ3zDzDnrw'), 'autolink');
    assert.ok(urls.includes('https://www.infoq.com/presentations/raft-consensus'), 'bare URL');
  });

  it('never makes javascript:, mailto: or relative links into resources', () => {
    const urls = posts.flatMap((p) => p.links.map((l) => l.url));
    assert.ok(!urls.some((u) => /^(javascript|mailto):/i.test(u)));
    assert.ok(!urls.includes('/about/'));
  });

  it('resolves a ref shortcode to the page it names, as a page link, and reports one that names nothing', () => {
    const followUp = bySlug.get('toml-talk')?.pageLinks.find((l) => l.title === 'follow-up post');
    assert.equal(followUp?.url, 'https://talks.example.com/posts/testing-without-mocks/');
    assert.equal(followUp?.page, '/posts/testing-without-mocks/');
    assert.ok(
      !bySlug.get('toml-talk')?.links.some((l) => l.title === 'follow-up post'),
      'no outside resource',
    );
    assert.ok(!bySlug.get('toml-talk')?.pageLinks.some((l) => l.title === 'missing one'));
    const missing = problemAt('posts/toml-talk.md');
    assert.equal(missing.length, 1);
    assert.equal(missing[0]?.line, 20);
    assert.match(missing[0]?.message ?? '', /ref "no-such-post" names no published page/);
  });

  it('reports each broken file with its path, line and a message a writer can act on', () => {
    const expected: Array<[string, number | null, RegExp]> = [
      ['posts/broken/bad-toml.md', 4, /invalid TOML front matter/],
      ['posts/broken/bad-yaml.md', 4, /invalid YAML front matter/],
      ['posts/broken/no-title.md', 1, /no `title`/],
      ['posts/broken/unclosed.md', 1, /never closed/],
      ['posts/broken/binary.md', null, /not text/],
      [
        'posts/zz-duplicate-slug.md',
        3,
        /same URL \(\/posts\/testing-without-mocks\/\) as posts\/yaml-talk\.md.*posts\/yaml-talk\.md is kept \(it was published first\)/,
      ],
      ['notes/bad-date.md', 3, /`date` is "last tuesday"/],
    ];
    for (const [path, line, message] of expected) {
      const found = problemAt(path);
      assert.equal(found.length, 1, `one problem for ${path}`);
      assert.equal(found[0]?.line, line, `line for ${path}`);
      assert.match(found[0]?.message ?? '', message);
    }
    assert.equal(problems.length, expected.length + 1);
  });

  it('keeps a post whose date is unreadable, without the date', () => {
    assert.equal(bySlug.get('bad-date')?.date, null);
  });

  it('lists the newest post first', () => {
    const dates = posts.map((p) => p.date?.getTime() ?? 0);
    assert.deepEqual(
      dates,
      [...dates].sort((a, b) => b - a),
    );
  });
});
