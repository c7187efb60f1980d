import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGenericText, isPossessive } from '../../src/content/link-context.ts';
import { loadContent } from '../../src/content/load.ts';
import { Library } from '../../src/search/library.ts';
import type { Hit } from '../../src/search/types.ts';

const titleOf = (hit: Hit | undefined) =>
  hit === undefined ? undefined : hit.kind === 'post' ? hit.post.title : hit.resource.title;

// A site written for these tests: list items with a prefix and several links, generic link texts, one
// video cited by three links under three texts, prose links whose sentence holds the words people
// search for, and body text on topics no title names.
describe('links with what their writers wrote around them', async () => {
  const load = await loadContent('test/fixtures/sites/context', { now: new Date('2026-01-01T00:00:00Z') });
  const library = new Library(load);
  const resource = (url: string) => {
    const found = library.resources.find((r) => r.url === url);
    assert.ok(found, url);
    return found;
  };

  it('loads the site without problems', () => {
    assert.deepEqual(load.problems, []);
    assert.equal(library.posts.length, 7);
  });

  it('names every resource with words that mean something, never a bare "Slides" or "here"', () => {
    for (const { title } of library.resources) {
      assert.ok(!isGenericText(title), `"${title}" is generic`);
      assert.ok(!isPossessive(title), `"${title}" is a bare possessive`);
    }
    const byUrl = Object.fromEntries(library.resources.map((r) => [r.url, r.title]));
    assert.deepEqual(
      [
        'https://qconnewyork.com/ny2017/system/files/presentation-slides/backpressure-without-tears.pdf',
        'https://www.infoq.com/presentations/backpressure-without-tears',
        'https://speakerdeck.com/tanvirusman/backpressure-goto-berlin',
        'https://www.youtube.com/watch?v=bpGoto2018',
        'https://www.youtube.com/watch?v=bpMeetup2016',
        'https://www.infoq.com/interviews/ravi-kumar-simulation',
        'https://cse.buffalo.edu/tech-reports/2014-04.pdf',
        'https://twitter.com/yasminxu',
        'https://immich.app/',
      ].map((url) => byUrl[url]),
      [
        'QCon NY 2017 · slides',
        'QCon NY 2017 · video',
        'GOTO Berlin 2018 · slides',
        'GOTO Berlin 2018 · video',
        'YouTube version from the Stockholm meetup',
        'Interview with Ravi Kumar after the conference',
        'The hybrid logical clocks paper · paper',
        'About me · twitter',
        'Immich',
      ],
    );
  });

  it('keeps every citation of a link with its own text, context, section and post, and shows the most descriptive', () => {
    const video = resource('https://youtube.com/watch?v=simRaviK1');
    assert.equal(video.title, 'Replaying Failures with Deterministic Simulation');
    const cited = video.citations.flatMap((c) =>
      c.links.map((link) => [c.post.slug, link.section, link.title, link.context]),
    );
    assert.deepEqual(cited, [
      [
        'testing-reading-list',
        'Watch first',
        "Ravi Kumar's Strange Loop presentation",
        // A list item that is only its link says nothing more.
        '',
      ],
      [
        'testing-reading-list',
        'Read next',
        "Ravi Kumar's",
        "I first understood why any of this matters from Ravi Kumar's presentation about deterministic testing at FoundationDB.",
      ],
      [
        'strange-loop-2019-notes',
        'Simulation',
        'Replaying Failures with Deterministic Simulation',
        'Replaying Failures with Deterministic Simulation by Ravi Kumar: run the whole cluster in one thread, with a seeded random source, and every bug becomes a replayable test.',
      ],
    ]);
  });

  const firsts: Array<[string, string]> = [
    ['deterministic simulation', 'Replaying Failures with Deterministic Simulation'],
    // Through the sentence a possessive link sits in.
    ['foundationdb', 'Replaying Failures with Deterministic Simulation'],
    ['deterministic testing', 'Replaying Failures with Deterministic Simulation'],
    // Stems: "simulations" is "simulation", "collectors" is "collector".
    ['simulations', 'Replaying Failures with Deterministic Simulation'],
    ['collectors', 'Weekend Reading: March'],
    // Through a list item's prefix and a generic link text.
    ['qcon ny 2017 slides', 'QCon NY 2017 · slides'],
    ['goto berlin video', 'GOTO Berlin 2018 · video'],
    ['stockholm', 'YouTube version from the Stockholm meetup'],
    // Through what follows a link in its list item, and the sentence around a "here".
    ['google photos', 'Immich'],
    ['hybrid logical clocks', 'The hybrid logical clocks paper · paper'],
    // Under a heading that names no topic ("Further reading"), a generic link is named by its post.
    ['reactive streams specification', 'Backpressure Without Tears · link'],
    ['mergerfs', 'Storage · write-up'],
    // Body text: a title match first, then the post that only talks about it.
    ['gophercon', 'GopherCon 2019 Recap'],
    ['allocation rate', 'Weekend Reading: March'],
    // Typos a person would call the same word.
    ['backpresure', 'Backpressure Without Tears'],
    ['simulatoin', 'Replaying Failures with Deterministic Simulation'],
  ];
  for (const [query, title] of firsts) {
    it(`"${query}" ranks "${title}" first`, () => {
      assert.equal(titleOf(library.search(query).hits[0]), title);
    });
  }

  it('ranks a title match above a body match', () => {
    assert.deepEqual(library.search('gophercon').hits.map(titleOf), [
      'GopherCon 2019 Recap',
      'Weekend Reading: March',
    ]);
  });

  it('never searches code blocks', () => {
    assert.equal(library.search('unicornbudget').total, 0);
  });

  it('holds a quoted phrase together', () => {
    assert.deepEqual(library.search('"garbage collector"').hits.map(titleOf), ['Weekend Reading: March']);
    assert.equal(library.search('"collector garbage"').total, 0);
    assert.equal(library.search('"deterministic simulation"').hits[0]?.kind, 'resource');
  });

  it('gives a resource hit the context that matched, to show why it was found', () => {
    const [immich] = library.search('google photos').hits;
    assert.equal(immich?.kind, 'resource');
    if (immich?.kind === 'resource') {
      assert.equal(
        immich.context,
        'Immich — Self-hosted photo library, the closest thing to Google Photos I have found.',
      );
    }
    const [video] = library.search('foundationdb').hits;
    assert.ok(video?.kind === 'resource' && video.context?.includes('deterministic testing at FoundationDB'));
  });

  it('finds nothing rather than a word that only looks alike ("mergerfs" is no "Merges")', () => {
    const without = new Library({
      posts: load.posts.filter((post) => post.slug !== 'moving-photos-off-the-cloud'),
      problems: [],
    });
    assert.deepEqual(without.search('mergerfs').hits.map(titleOf), []);
  });
});
