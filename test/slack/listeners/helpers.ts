import { loadContent } from '../../../src/content/load.ts';
import { Library } from '../../../src/search/library.ts';
import type { ListenerDeps } from '../../../src/slack/listeners/deps.ts';

/** Listener deps over the seed content, with tips off. */
export async function seedDeps(): Promise<ListenerDeps> {
  const library = new Library(await loadContent('content'));
  return { library: () => library, nextTip: () => null };
}

/** Records the order in which a listener called ack, respond and the Web API. */
export class CallLog {
  readonly calls: Array<{ name: string; args: unknown }> = [];

  /** A recording async function; `fail` makes it reject like a failing Slack call. */
  fn(name: string, fail?: () => Error) {
    return async (args?: unknown) => {
      this.calls.push({ name, args });
      if (fail) throw fail();
      return { ok: true };
    };
  }

  names(): string[] {
    return this.calls.map((c) => c.name);
  }

  argsOf(name: string): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }
}

/** A logger that keeps what it is told. */
export function memoryLogger(lines: string[]) {
  const keep = (...msg: unknown[]) => {
    lines.push(msg.join(' '));
  };
  return { debug: keep, info: keep, warn: keep, error: keep };
}

/** An error shaped like @slack/web-api's platform error. */
export function platformError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}
