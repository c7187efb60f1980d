// The key under which links are merged into one resource. It lives with the content because the
// parse works it out for each link (in a worker, for a large site); the search merges by it.

const trackingParameter = /^(utm_[a-z]+|ref|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * The key under which the same link cited by several posts becomes one resource: scheme, `www.`,
 * default ports, a trailing slash, the fragment and tracking parameters make no difference.
 */
export function normaliseUrl(url: string): string {
  return plainKey(url) ?? parsedKey(url);
}

// An http(s) URL that the URL parser would leave as it is: ASCII host, no port, a path of safe
// characters, a query of plain `name=value` pairs. Most links are like this, and a regular
// expression reads them several times faster than `new URL` (a large site has 200,000 links).
const plainUrl =
  /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(\/[a-z0-9\-_~!$&'()*+,;=:@%/]*)?(?:\?((?:[a-z0-9._-]+=[a-z0-9._-]*)(?:&[a-z0-9._-]+=[a-z0-9._-]*)*))?(?:#.*)?$/i;
const dotSegment = /\/\.\.?(?:\/|$)/;

function plainKey(url: string): string | null {
  const match = plainUrl.exec(url);
  if (!match) return null;
  const [, hostname = '', pathname = '', search] = match;
  if (dotSegment.test(pathname)) return null;
  const lower = hostname.toLowerCase();
  const host = lower.startsWith('www.') ? lower.slice(4) : lower;
  const path = pathname.replace(/\/+$/, '');
  if (search === undefined) return `${host}${path}`;
  const params = search
    .split('&')
    .map((pair) => pair.split('=') as [string, string])
    .filter(([name]) => !trackingParameter.test(name));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${host}${path}${params.length ? `?${params.map(([n, v]) => `${n}=${v}`).join('&')}` : ''}`;
}

function parsedKey(url: string): string {
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
