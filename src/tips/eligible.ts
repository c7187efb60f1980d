import type { Library } from '../search/library.ts';
import type { Resource } from '../search/types.ts';

/**
 * Whether a resource is worth a reading tip: a paper, talk, article, slides or other page elsewhere on
 * the web. Profiles are not reading, and links back to the blog itself (a path such as `/posts/…`, or a
 * URL on `SITE_BASE_URL`'s host) are the talks the tip already links to. Anything that is not an
 * absolute http(s) URL (`mailto:`, `#anchor`, `../page`) is left out too: there is nothing to read there.
 */
export function isTipWorthy(resource: Resource, siteBaseUrl: string | null = null): boolean {
  if (resource.kind === 'profile') return false;
  let url: URL;
  try {
    url = new URL(resource.url);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const site = siteHost(siteBaseUrl);
  return site === null || bareHost(url.hostname) !== site;
}

/** The resources a tip may show, in a stable order (by resource key) that does not depend on content order. */
export function eligibleResources(library: Library, siteBaseUrl: string | null = null): Resource[] {
  return library.resources
    .filter((r) => isTipWorthy(r, siteBaseUrl))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function siteHost(siteBaseUrl: string | null): string | null {
  if (siteBaseUrl === null) return null;
  try {
    return bareHost(new URL(siteBaseUrl).hostname);
  } catch {
    return null;
  }
}

function bareHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}
