import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { ParseCache } from '../../src/content/parse-cache.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

// A researcher's site on the Hugo Blox academic template: talks and papers keep their resources in
// front matter (`url_slides`, `links`, `doi`), which the theme renders as the page's buttons.
const site = 'test/fixtures/sites/scholar';
const content = `${site}/content`;
const now = new Date('2026-01-01T00:00:00Z');
const base = 'https://noor-haddad.example.org';
const raftTitle = 'Consensus Under Partitions: What Our Raft Clusters Did Wrong';

describe('a Hugo Blox academic site: resources kept in front matter', async () => {
  const { posts, problems } = await loadContent(content, { now });
  const byId = new Map(posts.map((p) => [p.id, p]));
  const linksOf = (id: string) => byId.get(id)?.links.map((l) => [l.kind, l.title, l.url, l.line]);

  it("turns a talk's url_* fields, links list and event_url into its links, what the talk is first, before the body's", () => {
    assert.deepEqual(linksOf('/talk/consensus-under-partitions/'), [
      ['slides', `Slides · ${raftTitle}`, 'https://speakerdeck.com/nhaddad/consensus-under-partitions', 24],
      ['video', `Video · ${raftTitle}`, 'https://www.youtube.com/watch?v=q7R4nXw2PbM', 25],
      ['paper', `PDF · ${raftTitle}`, `${base}/talk/consensus-under-partitions/slides.pdf`, 23],
      [
        'article',
        `Write-up · ${raftTitle}`,
        'https://blog.fjordline.example.com/raft-partial-partitions/',
        28,
      ],
      ['article', `Thread · ${raftTitle}`, 'https://hachyderm.io/@nhaddad/113456789012345678', 32],
      ['other', `Code · ${raftTitle}`, 'https://github.com/nhaddad/partition-replay', 22],
      ['article', 'Event · Distributed Systems Summit 2025', 'https://dss-summit.example.net/2025/', 4],
      ['paper', 'Raft dissertation', 'https://web.stanford.edu/~ouster/cgi-bin/papers/OngaroPhD.pdf', 39],
      ['paper', 'Alfatafta et al.', 'https://www.usenix.org/conference/osdi20/presentation/alfatafta', 40],
    ]);
    const slides = byId.get('/talk/consensus-under-partitions/')?.links[0];
    assert.equal(slides?.section, null, 'front matter sits above every heading');
    assert.equal(slides?.label, slides?.title);
    assert.equal(
      slides?.context,
      'Distributed Systems Summit 2025',
      'the event says where the talk was given',
    );
  });

  it('reads a paper: its doi as a doi.org link, its venue as context, empty archetype fields as nothing', () => {
    const title = 'Lease Reads Without Synchronised Clocks';
    assert.deepEqual(linksOf('/publication/lease-reads/'), [
      ['paper', `PDF · ${title}`, 'https://arxiv.org/pdf/2409.01234', 19],
      ['paper', `Paper · ${title}`, 'https://doi.org/10.1145/3698038.3698512', 12],
      ['slides', `Poster · ${title}`, `${base}/publication/lease-reads/poster.pdf`, 22],
      ['other', `Code · ${title}`, 'https://github.com/nhaddad/lease-reads', 20],
      ['other', `Dataset · ${title}`, 'https://zenodo.org/records/13912345', 21],
    ]);
    assert.equal(
      byId.get('/publication/lease-reads/')?.links[1]?.context,
      "In Proceedings of the ACM Symposium on Cloud Computing (SoCC '24)",
    );
  });

  it('reads TOML front matter with [[links]] tables: a bundle file and a recording named by its icon', () => {
    const title = 'Fault Injection Workshop: Breaking Replication on Purpose';
    assert.deepEqual(linksOf('/event/fault-injection-workshop/'), [
      [
        'slides',
        `Slides · ${title}`,
        'https://docs.google.com/presentation/d/1kFaultWorkshopDeck2024/edit',
        9,
      ],
      ['other', `Workshop handout · ${title}`, `${base}/event/fault-injection-workshop/handout.pdf`, 15],
      [
        'video',
        `Recording of the afternoon half · ${title}`,
        'https://www.youtube.com/watch?v=Zt3k9mLwQeA',
        21,
      ],
      ['other', `Code · ${title}`, 'https://github.com/nhaddad/fault-workshop', 10],
      ['article', 'Event · Chaos Engineering Days 2024', 'https://chaosdays.example.com/2024/workshops', 4],
      ['article', 'Toxiproxy', 'https://github.com/Shopify/toxiproxy', 24],
    ]);
  });

  it('leaves blog posts as they were: body links under their headings, a link to a talk page as a page link', () => {
    const list = byId.get('/post/reading-list/');
    assert.deepEqual(
      list?.links.map((l) => [l.kind, l.section, l.line]),
      [
        ['paper', 'Papers', 14],
        ['article', 'Papers', 15],
        ['video', 'Talks', 19],
      ],
    );
    assert.deepEqual(
      list?.pageLinks.map((l) => [l.page, l.line]),
      [['/talk/consensus-under-partitions/', 20]],
    );
  });

  it('reports each field that is no URL with its file line, and keeps the talk and its good links', () => {
    const path = 'talk/lightning-clocks/index.md';
    assert.deepEqual(problems, [
      { path, line: 4, message: '`event_url` is 12, not a URL: write it as text; the link is left out' },
      {
        path,
        line: 10,
        message:
          '`url_slides` is "see my slides on the meetup page", which is no http(s) URL or path on the site; the link is left out',
      },
      { path, line: 11, message: '`url_video` is a list, not a URL: write it as text; the link is left out' },
      {
        path,
        line: 14,
        message:
          '`url_code` is "ftp://files.example.net/clock-skew.tar.gz", which is no http(s) URL or path on the site; the link is left out',
      },
      {
        path,
        line: 15,
        message: '`doi` is "not yet assigned", which is no DOI: write it as doi: 10.1145/1234567.8901234',
      },
      { path, line: 19, message: 'item 2 of `links` has no `url`; it is left out' },
    ]);
    assert.deepEqual(linksOf('/talk/lightning-clocks/'), [
      [
        'article',
        'Skew measurements · Lightning Talk: Your Clocks Are Lying',
        'https://data.example.org/clock-skew-2024.csv',
        18,
      ],
    ]);
  });

  it('resolves a bundle-relative url_pdf against the page path when the site has no base URL', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'talkbot-blox-'));
    try {
      await cp(content, join(temp, 'content'), { recursive: true });
      const load = await loadContent(join(temp, 'content'), { now });
      const talk = load.posts.find((p) => p.id === '/talk/consensus-under-partitions/');
      assert.equal(talk?.url, null);
      assert.equal(talk?.links[2]?.url, '/talk/consensus-under-partitions/slides.pdf');
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });

  it('reads a links list of bare URLs, reporting the item that is none', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'talkbot-blox-bare-'));
    try {
      await mkdir(join(temp, 'content', 'talk'), { recursive: true });
      const page = [
        '---',
        'title: Gossip at Scale',
        'date: 2024-03-01',
        'links:',
        '  - https://slides.com/nhaddad/gossip-at-scale',
        '  - gossip notes',
        '---',
        'Body text.',
        '',
      ].join('\n');
      await writeFile(join(temp, 'content', 'talk', 'gossip.md'), page);
      const load = await loadContent(join(temp, 'content'), { now });
      assert.deepEqual(
        load.posts[0]?.links.map((l) => [l.kind, l.title, l.url, l.line]),
        [['slides', 'Link · Gossip at Scale', 'https://slides.com/nhaddad/gossip-at-scale', 5]],
      );
      assert.deepEqual(load.problems, [
        {
          path: 'talk/gossip.md',
          line: 6,
          message:
            '`links[1]` is "gossip notes", which is no http(s) URL or path on the site; the link is left out',
        },
      ]);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });

  it('gives the same from the parse cache and from worker threads as from a fresh parse', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'talkbot-blox-cache-'));
    try {
      const first = new ParseCache(content, { dir: cacheDir, warn: assert.fail });
      const fresh = await loadContent(content, { now, cache: first });
      await first.saved();
      const again = new ParseCache(content, { dir: cacheDir, warn: assert.fail });
      const cached = await loadContent(content, { now, cache: again });
      assert.ok(again.reused > 0);
      assert.deepEqual(cached, fresh);
      assert.deepEqual(fresh, await loadContent(content, { now, parse: { threads: 2, parallelFrom: 1 } }));
      assert.deepEqual(fresh.posts, posts);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('a Hugo Blox site through the real talkbot command', () => {
  let cacheDir: string;
  before(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'talkbot-blox-cli-'));
  });
  after(async () => rm(cacheDir, { recursive: true, force: true }));

  it('`index --json` lists a talk with its front matter resources and says what is wrong in the other', async () => {
    const run = await runTalkbot(['index', '--json', '--content', content], {
      env: { TALKBOT_CACHE_DIR: cacheDir },
    });
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as {
      posts: { id: string; resources: { kind: string; title: string; url: string; line: number }[] }[];
      problems: { path: string; line: number }[];
    };
    const talk = json.posts.find((p) => p.id === '/talk/consensus-under-partitions/');
    assert.deepEqual(talk?.resources[0], {
      ...talk?.resources[0],
      kind: 'slides',
      title: `Slides · ${raftTitle}`,
      url: 'https://speakerdeck.com/nhaddad/consensus-under-partitions',
      line: 24,
    });
    assert.deepEqual(
      json.problems.map((p) => [p.path, p.line]),
      [4, 10, 11, 14, 15, 19].map((line) => ['talk/lightning-clocks/index.md', line]),
    );
  });

  it("`ask --json` answers a query naming the talk's slides with the slides first, and a paper by its DOI", async () => {
    const run = await runTalkbot(['ask', '--json', '--content', content], {
      input: 'consensus under partitions slides\nlease reads paper\nconsensus under partitions\n',
      env: { TALKBOT_CACHE_DIR: cacheDir },
    });
    assert.equal(run.code, 0, run.stderr);
    const [slides, paper, named] = run.stdout
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { hits: { title: string; url: string; posts: { url: string }[] }[] },
      );
    assert.equal(slides?.hits[0]?.url, 'https://speakerdeck.com/nhaddad/consensus-under-partitions');
    assert.equal(slides?.hits[0]?.title, `Slides · ${raftTitle}`);
    assert.deepEqual(
      slides?.hits[0]?.posts.map((p) => p.url),
      [`${base}/talk/consensus-under-partitions/`],
    );
    assert.equal(paper?.hits[0]?.url, 'https://doi.org/10.1145/3698038.3698512');
    // The talk's name alone: its slides before its code, though both are titled by it.
    assert.equal(named?.hits[0]?.url, 'https://speakerdeck.com/nhaddad/consensus-under-partitions');
  });
});
