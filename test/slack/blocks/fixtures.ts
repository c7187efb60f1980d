import type { Link, Post, ResourceKind } from '../../../src/content/types.ts';
import type { Citation, Hit, Resource, SearchResult } from '../../../src/search/types.ts';

/** The seed talk's headings, in content order. */
export const SEED_HEADINGS = [
  'Building Confidence in a Distributed Stream Processor',
  'Peter Alvaro',
  'Kyle Kingsbury',
  'Will Wilson',
  'Catie McCaffrey',
  'Inés Sombra',
  'Chaos Engineering',
] as const;

/** The six headings of the seed talk's further-reading list, in content order. */
export const SEED_READING_HEADINGS = SEED_HEADINGS.slice(1);

const seedLinks: readonly Link[] = [
  link(
    '"How Did I Get Here? Building Confidence in a Distributed Stream Processor"',
    'https://www.infoq.com/presentations/trust-distributed-systems',
    SEED_HEADINGS[0],
    'video',
    15,
  ),
  link("Peter Alvaro's twitter", 'https://twitter.com/palvaro', 'Peter Alvaro', 'profile', 23),
  link(
    'Lineage-driven Fault Injection',
    'http://www.cs.berkeley.edu/~palvaro/molly.pdf',
    'Peter Alvaro',
    'paper',
    24,
  ),
  link(
    'Outwards from the Middle of the Maze',
    'https://www.youtube.com/watch?v=ggCffvKEJmQ',
    'Peter Alvaro',
    'video',
    25,
  ),
  link("Kyle Kingsbury's twitter", 'https://twitter.com/aphyr', 'Kyle Kingsbury', 'profile', 29),
  link('Jepsen', 'https://aphyr.com/tags/Jepsen', 'Kyle Kingsbury', 'article', 30),
  link(
    'Testing Distributed Systems w/ Deterministic Simulation',
    'https://www.youtube.com/watch?v=4fFDFbi3toc',
    'Will Wilson',
    'video',
    34,
  ),
  link("Catie McCaffrey's twitter", 'https://twitter.com/caitie', 'Catie McCaffrey', 'profile', 38),
  link(
    "The Verification of a Distributed System: A practitioner's guide to increasing confidence in system correctness",
    'http://queue.acm.org/detail.cfm?ref=rss&id=2889274',
    'Catie McCaffrey',
    'article',
    39,
  ),
  link('Inés Sombra twitter', 'https://twitter.com/randommood', 'Inés Sombra', 'profile', 44),
  link(
    'Testing in a Distributed World',
    'https://www.youtube.com/watch?v=KSdNYi55kjg',
    'Inés Sombra',
    'video',
    45,
  ),
  link('Principles of Chaos Engineering', 'http://principlesofchaos.org', 'Chaos Engineering', 'other', 49),
  link(
    'slides available on Speakerdeck',
    'https://speakerdeck.com/seantallen/how-did-i-get-here-building-confidence-in-a-distributed-stream-processor',
    null,
    'slides',
    52,
  ),
];

/** `content/posts/qcon-how-did-i-get-here.md` as the loader reads it, with its 13 links. */
export function seedPost(overrides: Partial<Post> = {}): Post {
  return {
    id: '/posts/qcon-how-did-i-get-here/',
    slug: 'qcon-how-did-i-get-here',
    title: 'QCon: How Did I Get Here?',
    description:
      'Post with link my 2016 QCon New York talk "How Did I Get Here? Building Confidence in a Distributed Stream Processor" and associated content.',
    date: new Date('2016-10-06T10:20:46-05:00'),
    tags: ['talks', 'testing', 'distributed systems', 'stream processing', 'video', 'slides'],
    author: 'Sean T. Allen',
    section: 'posts',
    language: 'en',
    path: 'posts/qcon-how-did-i-get-here.md',
    url: null,
    aliases: [],
    headings: [...SEED_HEADINGS],
    body: '',
    links: seedLinks,
    pageLinks: [],
    draft: false,
    ...overrides,
  };
}

/** A plausible talk post; `n` makes its slug, title and links distinct. */
export function generatedPost(n: number, overrides: Partial<Post> = {}): Post {
  const slug = `talk-${n}`;
  return {
    id: `/posts/${slug}/`,
    slug,
    title: `Talk ${n}: Testing Things at Scale`,
    description: `Notes and links from talk ${n} about testing distributed systems.`,
    date: new Date(Date.UTC(2018, n % 12, (n % 27) + 1)),
    tags: ['talks', 'testing'],
    author: 'Sean T. Allen',
    section: 'posts',
    language: 'en',
    path: `posts/${slug}.md`,
    url: `https://example.com/posts/${slug}/`,
    aliases: [],
    pageLinks: [],
    headings: ['Further reading'],
    body: '',
    links: [
      link(`Paper ${n}`, `https://example.com/papers/${n}.pdf`, 'Further reading', 'paper', 10),
      link(`Video ${n}`, `https://www.youtube.com/watch?v=v${n}`, 'Further reading', 'video', 11),
    ],
    draft: false,
    ...overrides,
  };
}

/** A post with `count` links spread over sections of ten. */
export function postWithLinks(count: number, overrides: Partial<Post> = {}): Post {
  const links = Array.from({ length: count }, (_, i) =>
    link(
      `Resource number ${i + 1} with a reasonably descriptive title`,
      `https://example.com/resources/${i + 1}/some/longer/path?ref=talk&id=${i + 1}`,
      `Section ${Math.floor(i / 10) + 1}`,
      (['video', 'slides', 'paper', 'profile', 'article', 'other'] as const)[i % 6] ?? 'other',
      i + 10,
    ),
  );
  return generatedPost(999, {
    links,
    headings: [...new Set(links.map((l) => l.section ?? ''))],
    ...overrides,
  });
}

/** A link as the loader makes it. */
export function link(
  title: string,
  url: string,
  section: string | null,
  kind: ResourceKind = 'other',
  line = 1,
): Link {
  return { title, label: title, context: '', titleAttribute: null, url, section, kind, line };
}

/** The resource the library makes of a post's link, cited by that post and any others given. */
export function resourceOf(post: Post, index: number, alsoCitedBy: readonly Citation[] = []): Resource {
  const cited = post.links[index];
  if (cited === undefined) throw new Error(`${post.slug} has no link ${index}`);
  return {
    key: cited.url.toLowerCase(),
    title: cited.title,
    url: cited.url,
    kind: cited.kind,
    citations: [{ post, section: cited.section, link: cited, links: [cited] }, ...alsoCitedBy],
  };
}

/** The Jepsen resource of the seed talk: Kyle Kingsbury's section. */
export function jepsen(post: Post = seedPost()): Resource {
  return resourceOf(post, 5);
}

/** A post hit. */
export function postHit(post: Post, score = 0.1): Hit {
  return { kind: 'post', post, score };
}

/** A resource hit. */
export function resourceHit(resource: Resource, score = 0.05): Hit {
  return { kind: 'resource', resource, score, context: null };
}

/** A page of results for a raw query; `total` defaults to the hits given. */
export function result(
  raw: string,
  hits: readonly Hit[],
  { total = hits.length, offset = 0 }: { total?: number; offset?: number } = {},
): SearchResult {
  const words = raw.split(/\s+/).filter((w) => w !== '' && !w.startsWith('tag:'));
  const tags = raw
    .split(/\s+/)
    .filter((w) => w.startsWith('tag:'))
    .map((w) => w.slice(4));
  return { query: { raw, words, tags, phrases: [] }, hits, total, offset };
}

/** Every mrkdwn and plain text a message shows, joined, for "does it say X" checks. */
export function allText(message: { text?: string; blocks: readonly object[] }): string {
  const texts: string[] = message.text === undefined ? [] : [message.text];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'text') texts.push(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, '');
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(message.blocks, '');
  return texts.join('\n');
}

/** True when a string has no lone surrogate (String#isWellFormed is newer than this project's lib). */
export function isWellFormed(text: string): boolean {
  return /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/.test(text);
}

/** A resource's first citation; a fixture without one is a broken fixture. */
export function firstCitation(resource: Resource): Citation {
  const [first] = resource.citations;
  if (first === undefined) throw new Error(`${resource.url} has no citation`);
  return first;
}
