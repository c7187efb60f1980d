import { readSiteConfig } from '../content/site-config.ts';
import type { GitSettings } from './git-settings.ts';
import { GitSource, type GitSourceOptions } from './git-source.ts';

/** Where content is read from once located: a folder, and the repository that keeps it current if any. */
export interface ContentLocation {
  /** The Hugo content folder to load. */
  readonly contentDir: string;
  /** The site's base URL: `SITE_BASE_URL`, else the site configuration's `baseURL`, else null. */
  readonly siteBaseUrl: string | null;
  /** The content repository, checked out and up to date (or at its last checkout); null for a plain folder. */
  readonly git: GitSource | null;
}

/** What to locate: the configured folder or repository, and the `SITE_BASE_URL` override. */
export interface ContentSourceOptions {
  readonly contentDir: string;
  readonly siteBaseUrl: string | null;
  readonly git: GitSettings | null;
  readonly logger: GitSourceOptions['logger'];
  readonly onCommit?: GitSourceOptions['onCommit'];
}

/**
 * Locates the content: with a repository configured, fetches it into `TALKBOT_DATA_DIR` first (a
 * ConfigError when it cannot and nothing was fetched before). The base URL is read from the site's
 * configuration at the project root, the folder that holds the content folder.
 */
export async function locateContent(options: ContentSourceOptions): Promise<ContentLocation> {
  let git: GitSource | null = null;
  let contentDir = options.contentDir;
  if (options.git) {
    git = new GitSource({
      settings: options.git,
      logger: options.logger,
      ...(options.onCommit ? { onCommit: options.onCommit } : {}),
    });
    await git.prepare();
    contentDir = git.contentDir;
  }
  return { contentDir, siteBaseUrl: await siteBaseUrl(contentDir, options.siteBaseUrl), git };
}

/** The base URL posts are linked under: the override, else the site configuration's `baseURL`. */
export async function siteBaseUrl(contentDir: string, override: string | null): Promise<string | null> {
  if (override !== null) return override;
  // A broken configuration file is reported with the content's problems; here it only means no base URL.
  return (await readSiteConfig(contentDir)).config.baseUrl;
}

/** The host Slack's `unfurl_domains` takes for a base URL: lower-case, no scheme, port or path. */
export function unfurlDomain(baseUrl: string): string {
  return new URL(baseUrl).hostname.toLowerCase().replace(/\.$/, '');
}
