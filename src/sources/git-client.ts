import { type SimpleGit, simpleGit } from 'simple-git';
import { redactUrl } from './git-settings.ts';

/** How git fails, by whose fix it is: the URL (or network), the credentials, or the ref. */
export type GitFailureKind = 'unreachable' | 'credentials' | 'ref';

/** A git command that failed, its message cleaned of every credential. */
export class GitFailure extends Error {
  override readonly name = 'GitFailure';
  constructor(
    readonly kind: GitFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/** No output for this long means a stalled network: git is stopped rather than left hanging. */
const stallMs = 60_000;

/**
 * Variables that a fetch and a checkout never use, which simple-git refuses to pass on (npm sets EDITOR, a
 * shell may set PAGER). A password program is among them: no one could answer it; the token or a key must do.
 * So are those that point git at another repository (set when talkbot runs from inside a git hook).
 */
const unneeded = new Set([
  'editor',
  'visual',
  'git_editor',
  'git_sequence_editor',
  'pager',
  'git_pager',
  'git_askpass',
  'ssh_askpass',
  'git_external_diff',
  'git_template_dir',
  'git_exec_path',
  'git_config_parameters',
  'prefix',
  'git_dir',
  'git_work_tree',
  'git_index_file',
  'git_object_directory',
  'git_alternate_object_directories',
  'git_common_dir',
  'git_namespace',
]);

/** The `Authorization` header a forge accepts for a token over https (GitHub, GitLab and Gitea alike). */
function authorizationHeader(token: string): string {
  return `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
}

/** Runs git in one folder, the token passed to each command through the environment, never on disk. */
export class GitClient {
  readonly #dir: string;
  readonly #env: NodeJS.ProcessEnv;
  #git: SimpleGit | null = null;
  readonly #secrets: readonly string[];

  constructor(dir: string, token: string | null, env: Readonly<Record<string, string | undefined>>) {
    const header = token ? authorizationHeader(token) : null;
    this.#secrets = token && header ? [token, header.slice('Authorization: Basic '.length)] : [];
    const own: Record<string, string> = {
      // Never wait for someone to type a password: fail, and say which variable to fix.
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
      ...(header
        ? // git ≥ 2.31 reads config from these: unlike `-c` they do not show in the process list.
          { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: header }
        : {}),
    };
    if (!env.GIT_SSH_COMMAND && !env.GIT_SSH) own.GIT_SSH_COMMAND = 'ssh -o BatchMode=yes';
    this.#dir = dir;
    this.#env = {};
    for (const [name, value] of Object.entries(env)) {
      if (!unneeded.has(name.toLowerCase())) this.#env[name] = value;
    }
    Object.assign(this.#env, own);
  }

  // Made on first use: simple-git wants the folder to exist, and the first update creates it.
  #client(): SimpleGit {
    const merged = this.#env;
    this.#git ??= simpleGit({
      baseDir: this.#dir,
      timeout: { block: stallMs },
      // simple-git refuses GIT_* variables it was not told of: these are the operator's own and ours.
      allowEnvironment: Object.keys(merged),
      // GIT_CONFIG_COUNT is how the token stays off the command line and out of .git/config; the ssh
      // command is BatchMode (ours) or the operator's own (a deploy key), never a request's input.
      // A proxy command and config file paths can only be the operator's too.
      unsafe: {
        allowUnsafeConfigEnvCount: true,
        allowUnsafeSshCommand: true,
        allowUnsafeGitProxy: true,
        allowUnsafeConfigPaths: true,
      },
    }).env(merged);
    return this.#git;
  }

  /** Runs `git ARGS` and returns its standard output; a failure is a GitFailure with no secret in it. */
  async run(args: readonly string[]): Promise<string> {
    try {
      return await this.#client().raw([...args]);
    } catch (error) {
      const message = this.redact(error instanceof Error ? error.message : String(error));
      throw new GitFailure(classify(message), message.trim().replace(/\s*\n\s*/g, ' '));
    }
  }

  /** Removes the token (and its encoded form, and any password in a URL) from text. */
  redact(text: string): string {
    let clean = text;
    for (const secret of this.#secrets) clean = clean.replaceAll(secret, '[redacted]');
    return clean.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi, (url) => redactUrl(url));
  }
}

function classify(message: string): GitFailureKind {
  if (/couldn't find remote ref|not our ref|unknown revision/i.test(message)) return 'ref';
  if (
    /authentication failed|could not read (username|password)|terminal prompts disabled|access denied|returned error: 40[13]|permission denied \(publickey|invalid credentials/i.test(
      message,
    )
  ) {
    return 'credentials';
  }
  return 'unreachable';
}
