import { ConfigError } from '../config-error.ts';

/** A content repository to read from and keep current (`CONTENT_GIT_*`). */
export interface GitSettings {
  /** `CONTENT_GIT_URL`: https, ssh (`git@host:path` too) or file. */
  readonly url: string;
  /** `CONTENT_GIT_REF`: a branch or tag; null follows the remote's default branch. */
  readonly ref: string | null;
  /** `CONTENT_GIT_TOKEN`: sent as an HTTP header on each command, never written to disk. */
  readonly token: string | null;
  /** `CONTENT_GIT_POLL` in milliseconds; 0 turns polling off. @default 300_000 (5m) */
  readonly pollMs: number;
  /** `CONTENT_GIT_WEBHOOK_SECRET`: what `POST /hooks/git` is verified with; null refuses every call. */
  readonly webhookSecret: string | null;
  /** The content folder inside the checkout (`CONTENT_DIR`, relative). @default 'content' */
  readonly contentSubdir: string;
  /** Where the checkout is kept (`TALKBOT_DATA_DIR`). */
  readonly dataDir: string;
  /** The environment git runs in (the process's: PATH, HOME, a proxy, GIT_SSH_COMMAND); talkbot adds its own. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Five minutes: a new post shows within one coffee, and a forge is not hammered. */
export const defaultPollMs = 5 * 60_000;

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Reads `30s`, `5m`, `1h`, `1500ms` (or `off`/`0`, which turn polling off) into milliseconds. */
export function parseDuration(value: string, variable: string): number {
  if (value === 'off' || value === '0') return 0;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/i.exec(value);
  const amount = Number(match?.[1]);
  const unit = units[match?.[2]?.toLowerCase() ?? ''];
  if (!match || unit === undefined || !(amount > 0)) {
    throw new ConfigError(variable, `"${value}" is not a duration; write e.g. 30s, 5m or 1h (or off)`);
  }
  const ms = Math.round(amount * unit);
  if (ms < 1000) throw new ConfigError(variable, `"${value}" is too short; poll at most once a second`);
  return ms;
}

function checkUrl(url: string): void {
  // scp-like ssh (git@github.com:team/blog.git) is no URL to the parser, yet git reads it.
  if (/^[\w.-]+@[\w.-]+:[^/]/.test(url)) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      'CONTENT_GIT_URL',
      `"${redactUrl(url)}" is not a repository URL; write e.g. https://github.com/team/blog.git`,
    );
  }
  if (!['https:', 'http:', 'ssh:', 'file:', 'git:'].includes(parsed.protocol)) {
    throw new ConfigError(
      'CONTENT_GIT_URL',
      `"${parsed.protocol}" is not a git transport; use https, ssh or file`,
    );
  }
}

/** A URL with any user name and password in it replaced, so it can be logged. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1[redacted]@');
}

/** The `CONTENT_GIT_*` variables as set (trimmed, null when unset), and where the checkout goes. */
export interface GitVariables {
  readonly url: string | null;
  readonly ref: string | null;
  readonly token: string | null;
  readonly poll: string | null;
  readonly webhookSecret: string | null;
  /** `CONTENT_DIR`: with a repository, the content folder inside it. */
  readonly contentDir: string | null;
  /** `TALKBOT_DATA_DIR`, or its default. */
  readonly dataDir: string;
  /** The whole environment, for git to run in. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Checks the `CONTENT_GIT_*` variables; null when `CONTENT_GIT_URL` is unset (content is a local folder). */
export function gitSettings(vars: GitVariables): GitSettings | null {
  const { url, ref } = vars;
  if (url === null) {
    const stray = (
      [
        ['CONTENT_GIT_REF', vars.ref],
        ['CONTENT_GIT_TOKEN', vars.token],
        ['CONTENT_GIT_WEBHOOK_SECRET', vars.webhookSecret],
      ] as const
    ).find(([, value]) => value !== null);
    if (stray) throw new ConfigError(stray[0], 'is set but CONTENT_GIT_URL is not; set both or neither');
    return null;
  }
  checkUrl(url);
  if (ref !== null && (/[\s~^:?*[\\]|\.\.|^-|@\{/.test(ref) || ref.endsWith('.lock'))) {
    throw new ConfigError('CONTENT_GIT_REF', `"${ref}" is not a branch or tag name`);
  }
  const contentSubdir = vars.contentDir ?? 'content';
  if (contentSubdir.startsWith('/') || contentSubdir.split(/[\\/]/).includes('..')) {
    throw new ConfigError(
      'CONTENT_DIR',
      `"${contentSubdir}" must be a folder inside the repository (e.g. content or site/content) when CONTENT_GIT_URL is set`,
    );
  }
  return {
    url,
    ref,
    token: vars.token,
    pollMs: vars.poll === null ? defaultPollMs : parseDuration(vars.poll, 'CONTENT_GIT_POLL'),
    webhookSecret: vars.webhookSecret,
    contentSubdir: contentSubdir.replace(/^\.\/+/, ''),
    dataDir: vars.dataDir,
    env: vars.env,
  };
}
