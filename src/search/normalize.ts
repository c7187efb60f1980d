/** Lower-cases and strips accents, so `Inés` and `ines` compare equal. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A tag as a comparable key: folded, with spaces, hyphens and underscores treated alike. */
export function tagKey(tag: string): string {
  return foldText(tag)
    .trim()
    .replace(/[\s_-]+/g, '-');
}

const trackingParameter = /^(utm_[a-z]+|ref|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * The key under which the same link cited by several posts becomes one resource: scheme, `www.`,
 * default ports, a trailing slash, the fragment and tracking parameters make no difference.
 */
export function normaliseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '') || '';
  const params = [...parsed.searchParams].filter(([name]) => !trackingParameter.test(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${host}${port}${path}${query}`;
}
