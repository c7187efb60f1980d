import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

const content = 'test/fixtures/sites/podcast-network/content';
const now = new Date('2025-01-01T00:00:00Z');

interface ResourceJson {
  title: string;
  url: string;
  section: string | null;
  kind: string;
  line: number;
}
interface PageLinkJson {
  title: string;
  url: string;
  page: string;
  line: number;
}
interface PostJson {
  id: string;
  slug: string;
  path: string;
  url: string;
  tags: string[];
  aliases: string[];
  resources: ResourceJson[];
  pageLinks: PageLinkJson[];
}

describe('a podcast network whose shows number their episodes alike', async () => {
  const { posts, problems, siteTitle, leftOut } = await loadContent(content, { now });
  const byId = new Map(posts.map((p) => [p.id, p]));

  it('keeps every episode: equal slugs in different shows are different pages, at their real URLs', () => {
    assert.deepEqual(posts.map((p) => [p.path, p.slug, p.url]).sort(), [
      ['hosts/sam.md', 'sam', 'https://casts.example.net/hosts/sam/'],
      ['show/dev-talk/0100.md', '100', 'https://casts.example.net/show/dev-talk/100/'],
      ['show/self-hosted/0100.md', '100', 'https://casts.example.net/show/self-hosted/100/'],
      ['show/self-hosted/0101.md', '101', 'https://casts.example.net/show/self-hosted/101/'],
      ['show/tech-weekly/0100.md', '100', 'https://casts.example.net/show/tech-weekly/100/'],
      ['show/tech-weekly/0101.md', '101', 'https://casts.example.net/show/tech-weekly/101/'],
    ]);
    assert.equal(siteTitle, 'Example Cast Network');
  });

  it('reports only a ref whose name alone fits three episodes, naming them all', () => {
    assert.deepEqual(problems, [
      {
        path: 'hosts/sam.md',
        line: 7,
        message:
          'ref "0100" names several pages (show/dev-talk/0100.md, show/self-hosted/0100.md, show/tech-weekly/0100.md): ' +
          'the link goes to show/dev-talk/0100.md; write the path of the one you mean',
      },
    ]);
    assert.deepEqual(
      byId.get('/hosts/sam/')?.pageLinks.map((l) => l.page),
      ['/show/dev-talk/100/'],
    );
  });

  it('counts the draft and the future episode it left out', () => {
    assert.deepEqual(leftOut, { drafts: 1, future: 1, expired: 0, unrendered: 0, otherFormats: 0 });
  });

  it('reads JSON front matter whose braces are its fence, on many lines or one', () => {
    const hundred = byId.get('/show/tech-weekly/100/');
    assert.equal(hundred?.title, 'Tech Weekly 100: Backups You Can Restore');
    assert.equal(hundred?.date?.toISOString(), '2024-05-02T16:00:00.000Z');
    assert.deepEqual(hundred?.tags, ['backups', 'storage', 'episodes'], 'tags and categories are both tags');
    assert.equal(byId.get('/show/tech-weekly/101/')?.title, 'Tech Weekly 101: Postmortems');
    assert.equal(byId.get('/show/tech-weekly/101/')?.description, 'Blameless, but not pointless.');
  });

  it('reads link titles, escaped parentheses, entities and a link whose text is its http URL', () => {
    assert.deepEqual(
      byId.get('/show/tech-weekly/100/')?.links.map((l) => [l.title, l.url, l.section, l.line]),
      [
        ['Restic', 'https://restic.net/', 'Links', 12],
        ['Wikipedia page on RAID', 'https://en.wikipedia.org/wiki/RAID_(disambiguation)', 'Links', 13],
        ["Ben's restore checklist", 'https://notes.example.org/restore-checklist/', 'Links', 14],
        ['http://archive.example.org/tapes', 'http://archive.example.org/tapes', 'Links', 16],
      ],
    );
  });

  it('resolves refs to single pages and to sections, and keeps them apart from resources', () => {
    assert.deepEqual(
      byId.get('/show/tech-weekly/100/')?.pageLinks.map((l) => [l.title, l.url, l.page]),
      [
        ['Self Hosted 100', 'https://casts.example.net/show/self-hosted/100/', '/show/self-hosted/100/'],
        ['Self Hosted', 'https://casts.example.net/show/self-hosted/', '/show/self-hosted/'],
      ],
    );
    assert.deepEqual(
      byId.get('/show/self-hosted/101/')?.pageLinks.map((l) => l.page),
      ['/show/tech-weekly/'],
      'relref without a leading slash',
    );
    assert.deepEqual(
      byId.get('/show/dev-talk/100/')?.pageLinks.map((l) => l.page),
      ['/hosts/'],
      'a ref by a section name alone',
    );
  });

  it('knows relative links and absolute links under baseURL as links to the site, not resources', () => {
    const episode = byId.get('/show/tech-weekly/101/');
    assert.deepEqual(
      episode?.pageLinks.map((l) => [l.title, l.page]),
      [
        ['100', '/show/tech-weekly/100/'],
        ['episode page', '/show/dev-talk/100/'],
      ],
    );
    assert.deepEqual(
      episode?.links.map((l) => l.url),
      ['https://www.youtube.com/watch?v=AbCdEf12345'],
    );
  });

  it('makes a YouTube embed a video resource under its heading, and keeps aliases', () => {
    const video = byId.get('/show/self-hosted/100/')?.links.at(-1);
    assert.deepEqual(video, {
      title: 'Video on YouTube',
      // The embed's own text says nothing of which episode: the label is built from its heading.
      label: 'Self Hosted 100: A Mail Server in 2024 · video on youtube',
      context: '',
      titleAttribute: null,
      url: 'https://www.youtube.com/watch?v=Yl6s6DGapug',
      section: 'Links',
      line: 13,
      kind: 'video',
    });
    assert.deepEqual(byId.get('/show/dev-talk/100/')?.aliases, ['/dev-talk/100/', '/episodes/dev-talk-100/']);
  });

  it('lists the same pages and URLs through `talkbot index --json`, and prints what it left out', async () => {
    const env = { TALKBOT_CACHE_DIR: 'off' };
    const run = await runTalkbot(['index', '--json', '--content', content], { env });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { posts: PostJson[]; leftOut: unknown };
    assert.deepEqual(json.posts.map((p) => p.url).sort(), posts.map((p) => p.url).sort());
    const episode = json.posts.find((p) => p.id === '/show/self-hosted/100/');
    assert.equal(episode?.slug, '100');
    assert.deepEqual(
      episode?.resources.map((r) => [r.kind, r.url]),
      [
        ['other', 'https://maddy.email/'],
        ['paper', 'https://papers.example.edu/spam-survey.pdf'],
        ['video', 'https://www.youtube.com/watch?v=Yl6s6DGapug'],
      ],
    );
    const text = await runTalkbot(['index', '--content', content], { env });
    assert.match(text.stdout, /: 6 posts, .*1 problem; 1 draft and 1 future post left out\n/);
  });
});
