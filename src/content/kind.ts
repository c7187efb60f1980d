import type { ResourceKind } from './types.ts';

const videoHosts = [
  'youtube.com',
  'youtu.be',
  'vimeo.com',
  'infoq.com',
  'twitch.tv',
  'media.ccc.de',
  'wistia.com',
];
const slideHosts = ['speakerdeck.com', 'slideshare.net', 'slides.com', 'slid.es'];
const paperHosts = [
  'arxiv.org',
  'dl.acm.org',
  'usenix.org',
  'ieeexplore.ieee.org',
  'papers.nips.cc',
  'semanticscholar.org',
];
const profileHosts = [
  'twitter.com',
  'x.com',
  'github.com',
  'mastodon.social',
  'bsky.app',
  'linkedin.com',
  'instagram.com',
  'facebook.com',
];

// Host families as bits, so that a host (or a domain it sits under) is looked up once for all of them.
const slideHost = 1;
const profileHost = 2;
const videoHost = 4;
const paperHost = 8;
const hostFamilies = new Map<string, number>();
for (const [hosts, bit] of [
  [slideHosts, slideHost],
  [profileHosts, profileHost],
  [videoHosts, videoHost],
  [paperHosts, paperHost],
] as const) {
  for (const host of hosts) hostFamilies.set(host, (hostFamilies.get(host) ?? 0) | bit);
}

// What a title's words say, as bits: one scan of the title finds every telling word.
const slideWord = 1;
const profileWord = 2;
const videoWord = 4;
const paperWord = 8;
const tellingWords =
  /\b(?:(slides?|deck)|(twitter|mastodon|linkedin|profile|homepage)|(video|recording|screencast)|(paper|thesis))\b/g;
const videoFile = /\.(mp4|webm|mov)$/;
// A plain http(s) URL: ASCII host, optional port, a path with nothing the URL parser would rewrite.
const plainUrl = /^https?:\/\/([a-z0-9.-]+)(?::\d{1,5})?(\/[a-z0-9\-_~!$&'()*+,;=:@%/]*)?(?:[?#]|$)/i;
const dotSegment = /\/\.\.?(\/|$)/;

/** Guesses what a link points at from its URL and title: enough to label it and to keep profiles out of tips. */
export function classifyLink(url: string, title: string): ResourceKind {
  const parts = hostAndPath(url);
  if (!parts) return 'other';
  const [hostname, path] = parts;
  const host = hostname.startsWith('www.') ? hostname.slice(4) : hostname;
  const families = familiesOf(host);
  const words = wordsOf(title);

  if (families & slideHost || words & slideWord || path.includes('/presentation/d/')) return 'slides';
  if (families & profileHost && isProfilePath(host, path)) return 'profile';
  if (words & profileWord && segmentCount(path) <= 1) return 'profile';
  if (families & videoHost && (host !== 'infoq.com' || path.startsWith('/presentations/'))) return 'video';
  if (videoFile.test(path) || words & videoWord) return 'video';
  if (path.endsWith('.pdf') || families & paperHost || words & paperWord) return 'paper';
  if (segmentCount(path) > 0) return 'article';
  return 'other';
}

/**
 * The lower-cased host and path of a URL, as the WHATWG URL parser gives them. A plain http(s) URL
 * is read with one regular expression (a parser per link is the costliest part of classifying
 * two hundred thousand of them); anything unusual goes through `URL`.
 */
function hostAndPath(url: string): [string, string] | null {
  const plain = plainUrl.exec(url);
  const path = plain?.[2] ?? '/';
  if (plain?.[1] && !dotSegment.test(path) && !plain[1].endsWith('.')) {
    return [plain[1].toLowerCase(), path.toLowerCase()];
  }
  try {
    const parsed = new URL(url);
    return [parsed.hostname.toLowerCase(), parsed.pathname.toLowerCase()];
  } catch {
    return null;
  }
}

/** The host families a host belongs to: its own, and those of every domain it sits under. */
function familiesOf(host: string): number {
  let families = hostFamilies.get(host) ?? 0;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1))
    families |= hostFamilies.get(host.slice(dot + 1)) ?? 0;
  return families;
}

function wordsOf(title: string): number {
  const words = title.toLowerCase();
  let found = 0;
  tellingWords.lastIndex = 0;
  for (let match = tellingWords.exec(words); match; match = tellingWords.exec(words)) {
    found |= match[1] ? slideWord : match[2] ? profileWord : match[3] ? videoWord : paperWord;
  }
  return found;
}

/** How many non-empty segments a path has, without splitting it. */
function segmentCount(path: string): number {
  let count = 0;
  let inSegment = false;
  for (let i = 0; i < path.length; i++) {
    const slash = path.charCodeAt(i) === 47;
    if (!slash && !inSegment) count++;
    inSegment = !slash;
  }
  return count;
}

/** The first non-empty segment of a path. */
function firstSegment(path: string): string {
  const start = path.search(/[^/]/);
  if (start === -1) return '';
  const end = path.indexOf('/', start);
  return path.slice(start, end === -1 ? undefined : end);
}

function isProfilePath(host: string, path: string): boolean {
  if (host.endsWith('linkedin.com')) return firstSegment(path) === 'in';
  if (host === 'bsky.app') return firstSegment(path) === 'profile' && segmentCount(path) === 2;
  return segmentCount(path) === 1;
}
