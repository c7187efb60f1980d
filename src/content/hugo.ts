import { posix } from 'node:path';

/** A front matter date that Hugo would refuse, said plainly. */
export class DateError extends Error {
  override readonly name = 'DateError';
}

/**
 * Reads a front matter date as Hugo does: TOML/YAML datetimes arrive as Date, strings may be
 * RFC 3339, a plain `YYYY-MM-DD`, or `YYYY-MM-DD hh:mm[:ss]`; a date without a zone is taken as UTC
 * (Hugo's default site time zone).
 */
export function readHugoDate(value: unknown, field: string): Date | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DateError(`\`${field}\` is not a valid date`);
    return value;
  }
  if (typeof value !== 'string') {
    throw new DateError(
      `\`${field}\` must be a date such as "2016-10-06T10:20:46-05:00", not ${typeof value}`,
    );
  }
  const text = value.trim();
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) {
    throw new DateError(
      `\`${field}\` is "${text}", which is not a date Hugo reads: use "2016-10-06T10:20:46-05:00"`,
    );
  }
  const [, day, time = '00:00:00', zone = 'Z'] = match;
  const normalZone = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${normalZone}`);
  if (Number.isNaN(date.getTime()))
    throw new DateError(`\`${field}\` is "${text}", which is not a real date`);
  return date;
}

/** The Hugo section of a content path: its first folder, or '' for a page at the top of the content folder. */
export function sectionOf(relativePath: string): string {
  const parts = relativePath.split('/');
  return parts.length > 1 ? (parts[0] ?? '') : '';
}

/** The default slug: a leaf bundle's folder name, else the file's name without its extension. */
export function defaultSlug(relativePath: string): string {
  const base = posix.basename(relativePath);
  if (/^index\.(md|markdown)$/i.test(base)) return posix.basename(posix.dirname(relativePath));
  return base.replace(/\.(md|markdown)$/i, '');
}

/** Hugo's urlize for a path segment: lower case, spaces to hyphens, nothing that would need escaping. */
export function urlize(segment: string): string {
  return segment
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\-_.~]/gu, '');
}

/**
 * The page's path on the site as Hugo builds it by default: `url` front matter wins, else the
 * content folders followed by the slug, lower-cased, with a trailing slash.
 */
export function permalinkPath(relativePath: string, slug: string, frontMatterUrl: string | null): string {
  if (frontMatterUrl) {
    const withSlash = frontMatterUrl.startsWith('/') ? frontMatterUrl : `/${frontMatterUrl}`;
    return /\.[a-z0-9]+$/i.test(withSlash) || withSlash.endsWith('/') ? withSlash : `${withSlash}/`;
  }
  const base = posix.basename(relativePath);
  const isBundle = /^index\.(md|markdown)$/i.test(base);
  const dir = isBundle ? posix.dirname(posix.dirname(relativePath)) : posix.dirname(relativePath);
  const folders = dir === '.' ? [] : dir.split('/').map(urlize);
  return `/${[...folders, urlize(slug)].filter(Boolean).join('/')}/`;
}

/** Joins a site base URL and a page path, or gives null when no base URL is configured. */
export function absoluteUrl(baseUrl: string | null, path: string): string | null {
  if (!baseUrl) return null;
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
