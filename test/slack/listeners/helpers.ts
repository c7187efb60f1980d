import { loadContent } from '../../../src/content/load.ts';
import { Library } from '../../../src/search/library.ts';
import type { ListenerDeps } from '../../../src/slack/listeners/deps.ts';

/** Listener deps over the seed content, with tips off. */
export async function seedDeps(): Promise<ListenerDeps> {
  const library = new Library(await loadContent('content'));
  return { library: () => library, nextTip: () => null };
}

/** Records the order in which a listener called ack, respond and the Web API (see bolt-args.ts). */
export class CallLog {
  readonly calls: Array<{ name: string; args: unknown }> = [];

  names(): string[] {
    return this.calls.map((c) => c.name);
  }

  argsOf(name: string): unknown[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }
}
