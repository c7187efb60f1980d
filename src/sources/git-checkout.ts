import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitClient } from './git-client.ts';
import type { GitSettings } from './git-settings.ts';

/** A commit as served: its id and subject line. */
export interface Commit {
  readonly sha: string;
  readonly subject: string;
}

/** The folder under `TALKBOT_DATA_DIR` that holds the checkout of one repository and ref. */
export function checkoutDir(settings: Pick<GitSettings, 'dataDir' | 'url' | 'ref'>): string {
  // Keyed by URL and ref, so pointing CONTENT_GIT_URL elsewhere never serves the old repository.
  const key = createHash('sha256')
    .update(`${settings.url}\n${settings.ref ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return join(settings.dataDir, 'content-git', key);
}

/**
 * One repository's working copy. Each update fetches only the ref's newest commit (`--depth 1`) and
 * checks it out detached, so a force-pushed branch is followed like any other move of the ref.
 */
export class GitCheckout {
  readonly dir: string;
  readonly #settings: GitSettings;
  readonly #git: GitClient;

  constructor(settings: GitSettings) {
    this.#settings = settings;
    this.dir = checkoutDir(settings);
    this.#git = new GitClient(this.dir, settings.token, settings.env);
  }

  /** Removes the token and any URL password from text, for a log line. */
  redact(text: string): string {
    return this.#git.redact(text);
  }

  /** The commit last checked out whole, or null when there is none yet (never fetched, or cut short). */
  async current(): Promise<Commit | null> {
    let sha: string;
    try {
      sha = (await readFile(this.#marker, 'utf8')).trim();
    } catch {
      return null;
    }
    if (!/^[0-9a-f]{40,64}$/.test(sha)) return null;
    try {
      return { sha, subject: (await this.#git.run(['log', '-1', '--format=%s', sha])).trim() };
    } catch {
      return null;
    }
  }

  /**
   * The last commit checked out whole, its files put back as that commit has them: a checkout cut short
   * (the process stopped mid-way) leaves a tree of two commits, which must not be served. No network needed.
   */
  async restore(): Promise<Commit | null> {
    const last = await this.current();
    if (last) await this.#checkOut(last.sha);
    return last;
  }

  /** Fetches the ref and checks out its commit when it moved; resolves to the commit now checked out. */
  async update(): Promise<Commit> {
    await mkdir(this.dir, { recursive: true });
    // The remote URL is given on each fetch instead of stored, so .git/config never holds a credential,
    // whatever the URL carries.
    if (!existsSync(join(this.dir, '.git'))) await this.#git.run(['init', '--quiet']);
    await this.#git.run([
      'fetch',
      '--quiet',
      '--depth',
      '1',
      '--no-tags',
      '--no-write-fetch-head',
      this.#settings.url,
      // The remote's HEAD is its default branch; a branch or tag name is found as git finds it.
      `+${this.#settings.ref ?? 'HEAD'}:refs/talkbot/served`,
    ]);
    const fetched = (await this.#git.run(['rev-parse', '--verify', 'refs/talkbot/served^{commit}'])).trim();
    const before = await this.current();
    if (before?.sha === fetched) return before;
    await this.#checkOut(fetched);
    const now = await this.current();
    if (!now) throw new Error(`the checkout in ${this.dir} has no commit after fetching`);
    return now;
  }

  get #marker(): string {
    return join(this.dir, '.git', 'talkbot-served');
  }

  async #checkOut(sha: string): Promise<void> {
    await this.#git.run(['checkout', '--quiet', '--force', '--detach', sha]);
    // Files the new commit no longer has (or that were never tracked) must not linger as posts.
    await this.#git.run(['clean', '--quiet', '-d', '--force', '-x']);
    // Written last: only a checkout that finished counts as one to serve.
    await writeFile(this.#marker, `${sha}\n`);
  }
}
