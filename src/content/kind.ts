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

/** Guesses what a link points at from its URL and title: enough to label it and to keep profiles out of tips. */
export function classifyLink(url: string, title: string): ResourceKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'other';
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.toLowerCase();
  const segments = path.split('/').filter(Boolean);
  const words = title.toLowerCase();
  const on = (hosts: readonly string[]) => hosts.some((h) => host === h || host.endsWith(`.${h}`));

  if (on(slideHosts) || /\bslides?\b|\bdeck\b/.test(words) || path.includes('/presentation/d/'))
    return 'slides';
  if (on(profileHosts) && isProfilePath(host, segments)) return 'profile';
  if (/\b(twitter|mastodon|linkedin|profile|homepage)\b/.test(words) && segments.length <= 1)
    return 'profile';
  if (on(videoHosts) && (host !== 'infoq.com' || path.startsWith('/presentations/'))) return 'video';
  if (/\.(mp4|webm|mov)$/.test(path) || /\b(video|recording|screencast)\b/.test(words)) return 'video';
  if (path.endsWith('.pdf') || on(paperHosts) || /\b(paper|thesis)\b/.test(words)) return 'paper';
  if (segments.length > 0) return 'article';
  return 'other';
}

function isProfilePath(host: string, segments: readonly string[]): boolean {
  if (host.endsWith('linkedin.com')) return segments[0] === 'in';
  if (host === 'bsky.app') return segments[0] === 'profile' && segments.length === 2;
  return segments.length === 1;
}
