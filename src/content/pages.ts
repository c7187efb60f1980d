import { posix } from 'node:path';
import { type PagePlace, type PageRules, pagePath, placeOf, withSlashes } from './page-path.ts';
import type { ParsedPost } from './parse-post.ts';
import type { Problem } from './types.ts';

/** A parsed post placed on the site: its language, section, slug and the path that is its identity. */
export interface PlacedPage {
  readonly parsed: ParsedPost;
  readonly place: PagePlace;
  /** The page's path on the site: its identity. */
  readonly id: string;
  readonly slug: string;
  /** Its aliases as site paths. */
  readonly aliases: readonly string[];
}

/**
 * Places each published page on the site and keeps one page per URL. Two pages collide only when
 * their paths are equal (equal slugs in different sections are two pages, as in Hugo). Of two that
 * collide, the one a writer would expect keeps the URL: the page whose front matter `url` asks for it;
 * else the page whose file sits where the URL says; else the one published first (links out there
 * already point at it); else the one whose path sorts first. The other is reported, naming both.
 */
export function placePages(
  posts: readonly ParsedPost[],
  rules: PageRules,
  problems: Problem[],
): PlacedPage[] {
  const owners = new Map<string, PlacedPage>();
  const dropped = new Set<PlacedPage>();
  const placed = posts.map((parsed): PlacedPage => {
    const place = placeOf(parsed.path, rules);
    const date = parsed.date ?? parsed.publishDate;
    const id = pagePath(place, { ...parsed, date }, rules);
    const slug = parsed.frontSlug ?? place.baseName;
    return { parsed, place, id, slug, aliases: parsed.aliases.map((a) => aliasPath(a, id)) };
  });
  for (const page of placed) {
    const owner = owners.get(page.id);
    if (!owner) {
      owners.set(page.id, page);
      continue;
    }
    const [kept, lost, why] = settle(owner, page, rules);
    owners.set(page.id, kept);
    dropped.add(lost);
    problems.push({
      path: lost.parsed.path,
      line: lost.parsed.slugLine,
      message:
        `has the same URL (${page.id}) as ${kept.parsed.path}, and Hugo builds one page per URL: ` +
        `${kept.parsed.path} is kept (${why}) and this one is left out; give one of them its own \`slug\` or \`url\``,
    });
  }
  return placed.filter((page) => !dropped.has(page));
}

function settle(a: PlacedPage, b: PlacedPage, rules: PageRules): [PlacedPage, PlacedPage, string] {
  const asks = (p: PlacedPage) => p.parsed.frontUrl !== null;
  if (asks(a) !== asks(b)) return asks(a) ? [a, b, 'its `url` asks for it'] : [b, a, 'its `url` asks for it'];
  const natural = (p: PlacedPage) =>
    pagePath(p.place, { ...p.parsed, frontSlug: null, frontUrl: null, date: p.parsed.date }, rules) === p.id;
  if (natural(a) !== natural(b))
    return natural(a)
      ? [a, b, 'its file sits where the URL says']
      : [b, a, 'its file sits where the URL says'];
  const time = (p: PlacedPage) =>
    (p.parsed.date ?? p.parsed.publishDate)?.getTime() ?? Number.POSITIVE_INFINITY;
  if (time(a) !== time(b))
    return time(a) < time(b) ? [a, b, 'it was published first'] : [b, a, 'it was published first'];
  return a.parsed.path < b.parsed.path ? [a, b, 'its path sorts first'] : [b, a, 'its path sorts first'];
}

/** An alias as a site path: absolute ones as written, relative ones beside the page, as Hugo resolves them. */
function aliasPath(alias: string, pageId: string): string {
  if (alias.startsWith('/') || /^https?:/i.test(alias)) return withSlashes(alias);
  return withSlashes(posix.join(posix.dirname(pageId), alias));
}
