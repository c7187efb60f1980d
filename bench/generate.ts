import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Random, Zipf } from './random.ts';
import { buildVocabulary, type Vocabulary } from './vocabulary.ts';

/** One file of a generated Hugo site. */
export interface GeneratedFile {
  /** Relative to the content folder, forward slashes. */
  readonly path: string;
  readonly text: string;
}

/** What was generated, besides the files: what queries can be built from. */
export interface GeneratedSite {
  readonly files: readonly GeneratedFile[];
  readonly titles: readonly string[];
  readonly tags: readonly string[];
  readonly vocabulary: Vocabulary;
}

/** Bounds the issue sets for every post. */
export const linkRange = [10, 30] as const;
export const headingRange = [3, 6] as const;

const firstNames =
  `Ada Alan Barbara Camille Caitie Diego Edsger Farah Grace Hannah Ines Jessie Kyle Leslie Lin
Margaret Mei Nadia Omar Peter Priya Radia Rob Sandi Sofia Tanvir Uma Viktor Wei Yasmin Zoe`.split(/\s+/);
const lastNames =
  `Allen Alvaro Bernstein Chen Dijkstra Fowler Gupta Hopper Ito Johnson Kingsbury Lamport Liskov
McCaffrey Metz Nakamura Okafor Perlman Quinn Rossi Sombra Tanaka Usman Varga Wilson Xu Yilmaz Zhang`.split(
    /\s+/,
  );
const conferences = [
  'QCon',
  'Strange Loop',
  'GOTO',
  'RustConf',
  'KubeCon',
  'JSConf',
  'PyCon',
  'SREcon',
  'NDC',
];
const tlds = ['com', 'io', 'dev', 'org', 'net'];

/** The Markdown and front matter of `count` posts, the same for the same seed (post i depends only on seed and i). */
export function generateSite(count: number, seed = 1): GeneratedSite {
  const vocabulary = buildVocabulary(seed);
  const tagPool = buildTags(new Random(seed + 1), vocabulary);
  const tagZipf = new Zipf(tagPool.length, 1.0);
  const shared = buildSharedLinks(new Random(seed + 2), vocabulary);
  const sharedZipf = new Zipf(shared.length, 1.0);
  const files: GeneratedFile[] = [];
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const random = new Random(seed * 1_000_003 + i * 7919);
    const pickShared = () => shared[sharedZipf.draw(random)] as SharedLink;
    const post = generatePost(
      i,
      random,
      vocabulary,
      () => tagPool[tagZipf.draw(random)] as string,
      pickShared,
    );
    files.push(post.file);
    titles.push(post.title);
  }
  return { files, titles, tags: tagPool, vocabulary };
}

/**
 * When the generated files were last saved, as far as their times say: a while ago, as a real site's
 * posts were (talkbot's parse cache trusts only files that had not just been written when read).
 */
export const savedAt = new Date('2025-01-01T00:00:00Z');

/** Writes the files under `root`, creating folders as needed. */
export async function writeSite(root: string, files: readonly GeneratedFile[]): Promise<void> {
  const folders = new Set(files.map((f) => dirname(join(root, f.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as GeneratedFile;
      await writeFile(join(root, file.path), file.text);
      await utimes(join(root, file.path), savedAt, savedAt);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

interface SharedLink {
  readonly title: string;
  readonly url: string;
}

function generatePost(
  index: number,
  random: Random,
  vocabulary: Vocabulary,
  drawTag: () => string,
  drawShared: () => SharedLink,
): { file: GeneratedFile; title: string } {
  const title = makeTitle(random, vocabulary);
  const slug = `${slugify(title)}-${index}`;
  const date = new Date(
    Date.UTC(2012, 0, 1) + random.int(0, 12 * 365) * 86_400_000 + random.int(0, 86_399) * 1000,
  );
  const tags = [...new Set(Array.from({ length: random.int(1, 5) }, drawTag))];
  const description = random.chance(0.6) ? sentence(random, vocabulary, 12, 24) : null;
  const author = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
  const section = random.chance(0.8) ? 'posts' : 'talks';
  const bundle = random.chance(0.2);
  const path = bundle ? `${section}/${slug}/index.md` : `${section}/${date.getUTCFullYear()}/${slug}.md`;
  const fields = { title, date, tags, description, author, slug: random.chance(0.5) ? slug : null };
  const front = random.chance(0.5) ? toml(fields) : yaml(fields);
  return { file: { path, text: `${front}\n${body(random, vocabulary, drawShared)}` }, title };
}

interface Fields {
  readonly title: string;
  readonly date: Date;
  readonly tags: readonly string[];
  readonly description: string | null;
  readonly author: string;
  readonly slug: string | null;
}

function toml(f: Fields): string {
  const lines = [
    '+++',
    `title = ${JSON.stringify(f.title)}`,
    `date = ${f.date.toISOString().replace(/\.000Z$/, 'Z')}`,
  ];
  lines.push(`tags = [${f.tags.map((t) => JSON.stringify(t)).join(', ')}]`);
  if (f.description) lines.push(`description = ${JSON.stringify(f.description)}`);
  lines.push(`author = ${JSON.stringify(f.author)}`, 'draft = false');
  if (f.slug) lines.push(`slug = ${JSON.stringify(f.slug)}`);
  return `${[...lines, '+++'].join('\n')}\n`;
}

function yaml(f: Fields): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(f.title)}`,
    `date: ${f.date.toISOString().replace(/\.000Z$/, 'Z')}`,
  ];
  lines.push('tags:', ...f.tags.map((t) => `  - ${JSON.stringify(t)}`));
  if (f.description) lines.push(`description: ${JSON.stringify(f.description)}`);
  lines.push(`author: ${JSON.stringify(f.author)}`, 'draft: false');
  if (f.slug) lines.push(`slug: ${f.slug}`);
  return `${[...lines, '---'].join('\n')}\n`;
}

/**
 * The body: an intro, then 3 to 6 headed sections holding 10 to 30 links in all, in every style Markdown
 * has and as writers write them: plain list items, reference links, bare URLs after a label, list items
 * with a prefix and several links with generic texts (`QCon 2017 - [Slides](…) | [Video](…)`), a "here"
 * at the end of a sentence, and links inside prose paragraphs (a possessive followed by what it is).
 */
function body(random: Random, vocabulary: Vocabulary, drawShared: () => SharedLink): string {
  const headings = random.int(headingRange[0], headingRange[1]);
  const links = random.int(Math.max(linkRange[0], headings), linkRange[1]);
  // Each section gets at least one link; the rest fall where they may.
  const perSection = Array.from({ length: headings }, () => 1);
  for (let i = headings; i < links; i++) {
    const at = random.int(0, headings - 1);
    perSection[at] = (perSection[at] ?? 0) + 1;
  }
  const out: string[] = [paragraph(random, vocabulary, 2, 4)];
  const definitions: string[] = [];
  const pick = () => (random.chance(0.3) ? drawShared() : ownLink(random, vocabulary));
  for (let s = 0; s < headings; s++) {
    if (s > 0 && random.chance(0.1)) out.push('---');
    const speaker = random.chance(0.5);
    out.push(
      `## ${speaker ? `${random.pick(firstNames)} ${random.pick(lastNames)}` : capitalised(random, vocabulary, 2, 4)}`,
    );
    const count = perSection[s] ?? 1;
    let l = 0;
    if (random.chance(0.7)) {
      // A paragraph of prose, one time in three with a link in one of its sentences.
      const prose = paragraph(random, vocabulary, 1, 3);
      out.push(
        l < count && random.chance(0.35) ? `${prose} ${proseLink(random, vocabulary, pick())}` : prose,
      );
      if (out.at(-1) !== prose) l++;
    }
    const items: string[] = [];
    while (l < count) {
      const link = pick();
      const style = random.next();
      if (style < 0.5) items.push(`* [${link.title}](${link.url})`);
      else if (style < 0.6) {
        const label = definitions.length + 1;
        items.push(`* [${link.title}][${label}]`);
        definitions.push(`[${label}]: ${link.url}`);
      } else if (style < 0.68) items.push(`* ${link.title}: ${link.url}`);
      else if (style < 0.76)
        items.push(`* ${sentence(random, vocabulary, 4, 8).slice(0, -1)}, see [${link.title}](${link.url}).`);
      else if (style < 0.9 && l + 1 < count) {
        // A version of a talk: where and when, then its slides and video under texts that say nothing alone.
        const second = pick();
        const [first, other] = random.chance(0.5) ? ['Slides', 'Video'] : ['Video', 'Slides'];
        items.push(
          `* ${random.pick(conferences)} ${random.int(2012, 2024)} - [${first}](${link.url}) | [${other}](${second.url})`,
        );
        l++;
      } else items.push(`* ${sentence(random, vocabulary, 5, 10).slice(0, -1)} [here](${link.url}).`);
      l++;
    }
    if (items.length > 0) out.push(items.join('\n'));
  }
  if (definitions.length > 0) out.push(definitions.join('\n'));
  return `${out.join('\n\n')}\n`;
}

/** A sentence with a link inside: a possessive ("Ada Chen's") followed by what it is and where. */
function proseLink(random: Random, vocabulary: Vocabulary, link: SharedLink): string {
  const who = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
  const what = random.pick(['talk', 'presentation', 'keynote', 'paper', 'write-up']);
  const opening = sentence(random, vocabulary, 3, 7).slice(0, -1);
  const about = Array.from({ length: random.int(2, 4) }, () => vocabulary.drawTopic(random)).join(' ');
  return `${opening} in [${who}'s](${link.url}) ${what} about ${about} at ${random.pick(conferences)}.`;
}

function ownLink(random: Random, vocabulary: Vocabulary): SharedLink {
  const title = capitalised(random, vocabulary, 2, 6);
  const id = Math.floor(random.next() * 36 ** 8).toString(36);
  const kind = random.int(0, 5);
  const who = `${random.pick(firstNames)}${random.pick(lastNames)}`.toLowerCase();
  const url =
    kind === 0
      ? `https://www.youtube.com/watch?v=${id}`
      : kind === 1
        ? `https://speakerdeck.com/${who}/${slugify(title)}`
        : kind === 2
          ? `https://github.com/${who}/${slugify(title)}`
          : kind === 3
            ? `https://arxiv.org/abs/${random.int(1001, 2412)}.${random.int(10000, 99999)}`
            : `https://${vocabulary.drawContent(random)}${vocabulary.drawContent(random)}.${random.pick(tlds)}/${random.int(2012, 2024)}/${slugify(title)}`;
  return { title, url };
}

function buildSharedLinks(random: Random, vocabulary: Vocabulary): SharedLink[] {
  const links: SharedLink[] = [];
  for (let i = 0; i < 2000; i++) {
    if (i % 10 === 0) {
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      links.push({
        title: `${first} ${last}'s twitter`,
        url: `https://twitter.com/${first}${last}${i}`.toLowerCase(),
      });
    } else links.push(ownLink(random, vocabulary));
  }
  return links;
}

function buildTags(random: Random, vocabulary: Vocabulary): string[] {
  const tags = new Set<string>(['talks', 'video', 'slides', 'distributed systems', 'testing']);
  while (tags.size < 300) {
    const word = vocabulary.drawContent(random);
    tags.add(random.chance(0.2) ? `${word} ${vocabulary.drawContent(random)}` : word);
  }
  return [...tags];
}

function makeTitle(random: Random, vocabulary: Vocabulary): string {
  const words = (min: number, max: number) => capitalised(random, vocabulary, min, max);
  switch (random.int(0, 4)) {
    case 0:
      return `${words(1, 3)}: ${words(2, 5)}`;
    case 1:
      return `Why ${words(2, 4)} ${vocabulary.draw(random)} ${words(1, 2)}`;
    case 2:
      return `${words(1, 3)} at ${random.pick(conferences)} ${random.int(2012, 2024)}`;
    case 3:
      return `Lessons from ${words(2, 4)}`;
    default:
      return words(3, 7);
  }
}

function capitalised(random: Random, vocabulary: Vocabulary, min: number, max: number): string {
  return Array.from({ length: random.int(min, max) }, () => {
    const word = random.chance(0.75) ? vocabulary.drawTopic(random) : vocabulary.drawContent(random);
    return word.charAt(0).toUpperCase() + word.slice(1);
  }).join(' ');
}

function sentence(random: Random, vocabulary: Vocabulary, min: number, max: number): string {
  const words = Array.from({ length: random.int(min, max) }, () => vocabulary.draw(random));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: Random, vocabulary: Vocabulary, min: number, max: number): string {
  return Array.from({ length: random.int(min, max) }, () => sentence(random, vocabulary, 8, 22)).join(' ');
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
