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

const slideWords = /\bslides?\b|\bdeck\b/;
const profileWords = /\b(twitter|mastodon|linkedin|profile|homepage)\b/;
const videoWords = /\b(video|recording|screencast)\b/;
const paperWords = /\b(paper|thesis)\b/;
const videoFile = /\.(mp4|webm|mov)$/;
// A plain http(s) URL: ASCII host, optional port, a path with nothing the URL parser would rewrite.
const plainUrl = /^https?:\/\/([a-z0-9.-]+)(?::\d{1,5})?(\/[a-z0-9\-_~!$&'()*+,;=:@%/]*)?(?:[?#]|$)/i;

/** Guesses what a link points at from its URL and title: enough to label it and to keep profiles out of tips. */
export function classifyLink(url: string, title: string): ResourceKind {
  const parts = hostAndPath(url);
  if (!parts) return 'other';
  const [hostname, path] = parts;
  const host = hostname.startsWith('www.') ? hostname.slice(4) : hostname;
  const segments = path.split('/').filter(Boolean);
  const words = title.toLowerCase();

  if (isOn(host, slideHosts) || slideWords.test(words) || path.includes('/presentation/d/')) return 'slides';
  if (isOn(host, profileHosts) && isProfilePath(host, segments)) return 'profile';
  if (profileWords.test(words) && segments.length <= 1) return 'profile';
  if (isOn(host, videoHosts) && (host !== 'infoq.com' || path.startsWith('/presentations/'))) return 'video';
  if (videoFile.test(path) || videoWords.test(words)) return 'video';
  if (path.endsWith('.pdf') || isOn(host, paperHosts) || paperWords.test(words)) return 'paper';
  if (segments.length > 0) return 'article';
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
  if (plain?.[1] && !/\/\.\.?(\/|$)/.test(path) && !plain[1].endsWith('.')) {
    return [plain[1].toLowerCase(), path.toLowerCase()];
  }
  try {
    const parsed = new URL(url);
    return [parsed.hostname.toLowerCase(), parsed.pathname.toLowerCase()];
  } catch {
    return null;
  }
}

function isOn(host: string, hosts: readonly string[]): boolean {
  for (const h of hosts) if (host === h || host.endsWith(`.${h}`)) return true;
  return false;
}

function isProfilePath(host: string, segments: readonly string[]): boolean {
  if (host.endsWith('linkedin.com')) return segments[0] === 'in';
  if (host === 'bsky.app') return segments[0] === 'profile' && segments.length === 2;
  return segments.length === 1;
}
