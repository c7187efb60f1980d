import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

const content = 'test/fixtures/sites/field-notes/content';
const now = new Date('2025-01-01T00:00:00Z');

describe('a blog configured in config/_default/, with permalinks, a bundle, translations and embeds', async () => {
  const { posts, problems, siteTitle, leftOut } = await loadContent(content, { now });
  const byId = new Map(posts.map((p) => [p.id, p]));
  const recap = byId.get('/2023/09/strange-loop/');

  it('builds every page at the URL Hugo gives it', () => {
    assert.deepEqual(posts.map((p) => [p.path, p.language, p.url]).sort(), [
      ['de/posts/nur-deutsch.md', 'de', 'https://fieldnotes.example.org/de/2024/03/nur-auf-deutsch/'],
      ['notes/about.md', 'en', 'https://fieldnotes.example.org/about/'],
      ['notes/broken-date.md', 'en', 'https://fieldnotes.example.org/notes/broken-date/'],
      ['notes/dangling.md', 'en', 'https://fieldnotes.example.org/notes/dangling/'],
      // A bundle's translation (`index.de.md`) is a page of its own, beside the bundle's `index.md`.
      [
        'posts/strange-loop-recap/index.de.md',
        'de',
        'https://fieldnotes.example.org/de/2023/09/strange-loop/',
      ],
      ['posts/strange-loop-recap/index.md', 'en', 'https://fieldnotes.example.org/2023/09/strange-loop/'],
      [
        'posts/testing-in-production.de.md',
        'de',
        'https://fieldnotes.example.org/de/2024/02/testen-in-produktion-mit-vorsicht/',
      ],
      [
        'posts/testing-in-production.md',
        'en',
        'https://fieldnotes.example.org/2024/02/testing-in-production-carefully/',
      ],
    ]);
    assert.equal(siteTitle, 'Field Notes on Talks');
    assert.deepEqual(
      leftOut,
      { drafts: 0, future: 0, expired: 0, unrendered: 1, otherFormats: 0 },
      'build.render = "never"',
    );
  });

  it('keeps a translation as its own page, and the site’s taxonomies as tags', () => {
    const en = byId.get('/2024/02/testing-in-production-carefully/');
    const de = byId.get('/de/2024/02/testen-in-produktion-mit-vorsicht/');
    assert.equal(en?.slug, 'testing-in-production');
    assert.equal(de?.slug, 'testing-in-production');
    assert.deepEqual(en?.tags, ['testing', 'operations'], 'tags and topics');
    assert.deepEqual(recap?.tags, ['conferences', 'distributed systems']);
  });

  it('turns embeds into resources of the right kind, and raw HTML links too where unsafe = true', () => {
    assert.deepEqual(
      recap?.links.map((l) => [l.kind, l.url, l.section]),
      [
        ['video', 'https://vimeo.com/146022717', 'Video'],
        ['slides', 'https://speakerdeck.com/someone/making-sense-of-logs', 'Slides'],
        ['article', 'https://gist.github.com/robin-example/2f1e0c9d', 'Elsewhere'],
        ['article', 'https://www.instagram.com/p/CxOWiQNP2MO/', 'Elsewhere'],
        ['article', 'https://x.com/strangeloop_stl/status/1706000000000000001', 'Elsewhere'],
        ['paper', 'https://logs.example.com/paper.pdf', 'Elsewhere'],
      ],
    );
    assert.equal(recap?.description, 'Our favourite talks from the last Strange Loop.');
  });

  it('keeps aliases, and knows links by ref, alias and full URL as links to the page', () => {
    assert.deepEqual(recap?.aliases, ['/2023/strange-loop-recap/', '/2023/09/old-recap/']);
    const post = byId.get('/2024/02/testing-in-production-carefully/');
    assert.deepEqual(
      post?.pageLinks.map((l) => [l.title, l.url]),
      [
        ['recap', 'https://fieldnotes.example.org/2023/09/strange-loop/'],
        ['video section', 'https://fieldnotes.example.org/2023/09/strange-loop/#video'],
        ['by its alias', 'https://fieldnotes.example.org/2023/09/strange-loop/'],
        [
          'https://fieldnotes.example.org/2023/09/strange-loop/',
          'https://fieldnotes.example.org/2023/09/strange-loop/',
        ],
      ],
    );
    assert.deepEqual(
      post?.links.map((l) => l.url),
      ['https://research.example.com/canary.pdf'],
    );
  });

  it('reports what Hugo would: a collision naming both files, an impossible date, refs to nothing, unclosed and unknown shortcodes', () => {
    assert.deepEqual(
      problems.map((p) => [p.path, p.line]),
      [
        ['notes/about-copy.md', 3],
        ['notes/broken-date.md', 3],
        ['notes/dangling.md', 5],
        ['notes/dangling.md', 5],
        ['posts/testing-in-production.md', 13],
      ],
    );
    const [collision, date, unclosed, missing, unknown] = problems.map((p) => p.message);
    assert.match(
      collision ?? '',
      /same URL \(\/about\/\) as notes\/about\.md.*notes\/about\.md is kept \(it was published first\)/,
    );
    assert.match(date ?? '', /`date` is "2026-13-45", which is not a real date/);
    assert.match(unclosed ?? '', /never closed/);
    assert.match(missing ?? '', /ref "no-such-page" names no published page/);
    assert.match(unknown ?? '', /shortcode "notice" is neither Hugo's nor in the site's layouts/);
    assert.ok(
      !problems.some((p) => /"(note|talkcard|speakerdeck)"/.test(p.message)),
      'site and theme shortcodes',
    );
  });

  it('prints the config-derived URLs through `talkbot index --json`', async () => {
    const run = await runTalkbot(['index', '--json', '--content', content], {
      env: { TALKBOT_CACHE_DIR: 'off' },
    });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { posts: { id: string; url: string; language: string }[] };
    assert.deepEqual(json.posts.map((p) => p.url).sort(), posts.map((p) => p.url).sort());
  });

  it('lets SITE_BASE_URL win over the configured baseURL', async () => {
    const load = await loadContent(content, { now, baseUrl: 'https://staging.example.org' });
    assert.ok(load.posts.every((p) => p.url?.startsWith('https://staging.example.org/')));
  });
});
