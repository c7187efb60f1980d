import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { Library } from '../../src/search/library.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

// A blogdown site: R Markdown sources (which Hugo ignores) beside the HTML and Markdown files blogdown
// renders them into (which Hugo builds), a leaf bundle written in HTML, and a page in Org mode.
const content = 'test/fixtures/sites/notebook/content';
const now = new Date('2025-01-01T00:00:00Z');

describe('a blogdown site: pages written in HTML, rendered Markdown beside its sources, one Org page', async () => {
  const loaded = await loadContent(content, { now });
  const { posts, problems, leftOut } = loaded;
  const byPath = new Map(posts.map((p) => [p.path, p]));
  const replay = byPath.get('post/2019-06-12-replaying-production.html');

  it('builds the HTML and .markdown pages at their permalinks, not the R Markdown sources nor what ignoreFiles names', () => {
    assert.deepEqual(posts.map((p) => [p.path, p.url]).sort(), [
      [
        'post/2019-06-12-replaying-production.html',
        'https://notebook.example.net/2019/06/12/replaying-production/',
      ],
      [
        'post/2020-02-03-shrinking-builds.markdown',
        'https://notebook.example.net/2020/02/03/shrinking-builds/',
      ],
      ['talk/2021-kubecon-caching/index.html', 'https://notebook.example.net/talk/2021-kubecon-caching/'],
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(leftOut, { drafts: 0, future: 0, expired: 0, unrendered: 0, otherFormats: 1 });
  });

  it('reads every <a href> of an HTML page with its block around it, its heading and its file line', () => {
    assert.deepEqual(
      replay?.links.map((l) => [l.kind, l.url, l.section, l.line]),
      [
        ['article', 'https://shadowing.example.org/blog/traffic-shadowing', 'The talk', 23],
        ['video', 'https://www.youtube.com/watch?v=dQ4xReplay01', 'The talk', 27],
        ['slides', 'https://slides.example.net/replaying-production.pdf', 'Resources', 33],
        ['video', 'https://video.example.net/user2019/replaying', 'Resources', 33],
        ['article', 'https://github.com/notebook-example/replayr', 'Resources', 34],
        ['paper', 'https://papers.example.org/disagreement-budgets.pdf', 'Resources', 35],
      ],
      'the table of contents links to its own headings: no resources',
    );
    const shadowing = replay?.links[0];
    assert.equal(shadowing?.title, "a colleague's post about traffic shadowing", '&#39; decoded');
    assert.equal(shadowing?.titleAttribute, 'Shadowing, explained');
    assert.match(shadowing?.context ?? '', /copying live requests is the cheapest load test/);
    assert.equal(
      replay?.links[2]?.label,
      'useR! 2019 Toulouse · slides',
      'a generic "Slides" gets its item’s words',
    );
    assert.equal(replay?.links[5]?.label, 'The paper behind the budget · paper');
    assert.deepEqual(replay?.headings, ['The talk', 'Resources']);
    assert.match(
      replay?.description ?? '',
      /^This is the write-up of my talk on checking a forecasting model/,
    );
    assert.match(replay?.body ?? '', /comparison step & a budget/, 'entities decoded');
    assert.doesNotMatch(replay?.body ?? '', /read_requests|header-attrs/, 'code and scripts are not text');
    assert.deepEqual(replay?.tags, ['testing', 'r', 'talks'], 'tags and categories');
  });

  it('resolves a ref in an HTML link to the page it names, and finds a link by what was written around it', () => {
    const talk = byPath.get('talk/2021-kubecon-caching/index.html');
    assert.deepEqual(
      talk?.pageLinks.map((l) => [l.title, l.url]),
      [['the replay post', 'https://notebook.example.net/2019/06/12/replaying-production/']],
    );
    assert.deepEqual(
      talk?.links.map((l) => [l.url, l.label]),
      [
        ['https://kubecon.example.com/schedule/caching-predictions', 'Session page'],
        // Under "Links", a heading that names no topic, a generic text is named by its post.
        [
          'https://slides.example.net/edge-caching.pdf',
          'Caching model predictions at the edge · slides (pdf)',
        ],
        // A <br> does not end the list item: its first line names the recording.
        ['https://video.example.net/kubecon21/edge-caching', 'KubeCon NA 2021, Los Angeles · recording'],
      ],
    );
    const library = new Library(loaded);
    const [first] = library.search('cheapest load test').hits;
    assert.equal(first?.kind, 'resource');
    assert.equal(
      first?.kind === 'resource' ? first.resource.url : null,
      'https://shadowing.example.org/blog/traffic-shadowing',
    );
  });

  it('reports an ignoreFiles pattern it cannot read, and reads the files it would have skipped', async () => {
    const site = await mkdtemp(join(tmpdir(), 'talkbot-ignore-'));
    try {
      await writeFile(join(site, 'hugo.toml'), 'ignoreFiles = ["(unclosed", "\\\\.draft\\\\.md$"]\n');
      await mkdir(join(site, 'content'));
      await writeFile(join(site, 'content', 'a.md'), '---\ntitle: A\n---\n');
      await writeFile(join(site, 'content', 'b.draft.md'), '---\ntitle: B\n---\n');
      const { posts, problems } = await loadContent(join(site, 'content'), { now });
      assert.deepEqual(
        posts.map((p) => p.path),
        ['a.md'],
      );
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.path, '../hugo.toml');
      assert.match(
        problems[0]?.message ?? '',
        /`ignoreFiles` holds "\(unclosed", which is not a regular expression/,
      );
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('says in `talkbot index` that the Org page was left out, and why', async () => {
    const run = await runTalkbot(['index', '--content', content], { env: { TALKBOT_CACHE_DIR: 'off' } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /: 3 posts, .*; 1 page in Org, AsciiDoc, Pandoc or reStructuredText \(talkbot reads Markdown and HTML\) left out\n/,
    );
  });
});
