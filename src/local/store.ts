import type { JsonObject } from './block-rules.ts';
import { StandInClosedError, WaitTimeoutError } from './errors.ts';

/** How a message came to exist: through the Web API, a response_url, a slash command's ack, or a person typing. */
export type MessageSource = 'chat.postMessage' | 'chat.postEphemeral' | 'response_url' | 'ack' | 'user';

/** One earlier version of an edited message. */
export interface MessageVersion {
  readonly text: string;
  readonly blocks: readonly JsonObject[];
}

/** A message as the workspace would show it; the store updates it in place when it is edited or deleted. */
export interface MessageRecord {
  readonly channel: string;
  /** The message's id within the channel (ephemeral messages get one too, as `message_ts`). */
  readonly ts: string;
  readonly thread_ts?: string;
  /** The bot's user id for the bot's messages, else the person's. */
  readonly user: string;
  /** Set on the bot's messages, as Slack sets `bot_id`. */
  readonly bot_id?: string;
  text: string;
  /** The blocks as Slack stores them: each carries a `block_id` (Slack adds one when the sender did not). */
  blocks: JsonObject[];
  /** Set on an ephemeral message: the only user who sees it. */
  readonly ephemeralTo?: string;
  deleted: boolean;
  /** Earlier versions, oldest first; empty when never edited. */
  readonly edits: MessageVersion[];
  readonly source: MessageSource;
  /** What `chat.unfurl` attached under the message's links, by URL. */
  unfurls?: Record<string, JsonObject>;
}

/** One Web API call (or response_url POST) the app made, with its arguments as parsed and the error answered. */
export interface ApiCall {
  readonly method: string;
  readonly args: JsonObject;
  readonly ok: boolean;
  readonly error?: string;
}

/** A Home tab view as views.publish stored it. */
export interface HomeView {
  readonly userId: string;
  readonly view: JsonObject;
}

/** What the store announces to subscribers (the playground streams these). */
export type StoreEvent =
  | { readonly type: 'message_added'; readonly record: MessageRecord }
  | { readonly type: 'message_changed'; readonly record: MessageRecord }
  | { readonly type: 'home_published'; readonly home: HomeView }
  | { readonly type: 'api_call'; readonly call: ApiCall };

/** A function told of every store change. */
export type StoreListener = (event: StoreEvent) => void;

/** Options of the `waitFor...` helpers. */
export interface WaitOptions {
  /** @default 2000 */
  timeoutMs?: number;
}

/** Short enough to fail a test quickly, long enough for a reply that goes through a real HTTP round trip or two. */
const DEFAULT_WAIT_MS = 2000;

/** One line per message, for timeout errors that show what did arrive. */
export function describeRecord(record: MessageRecord): string {
  const flags = [
    record.thread_ts ? `thread ${record.thread_ts}` : '',
    record.ephemeralTo ? `ephemeral to ${record.ephemeralTo}` : '',
    record.deleted ? 'deleted' : '',
    record.edits.length > 0 ? `${record.edits.length} edit(s)` : '',
  ].filter(Boolean);
  const text = record.text.length > 60 ? `${record.text.slice(0, 57)}...` : record.text;
  return `${record.channel} ${record.ts} ${record.user}${flags.length ? ` (${flags.join(', ')})` : ''}: ${JSON.stringify(text)} [${record.blocks.length} blocks]`;
}

/** Everything the stand-in saw, in order: messages, Web API calls, Home views; with change notification and waits. */
export class RecordStore {
  readonly messages: MessageRecord[] = [];
  readonly calls: ApiCall[] = [];
  readonly homeViews = new Map<string, JsonObject>();
  private readonly listeners = new Set<StoreListener>();
  private readonly waiters = new Set<(error: Error) => void>();

  /** Calls `listener` on every change from now on; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Records a new message and announces it. */
  addMessage(record: MessageRecord): MessageRecord {
    this.messages.push(record);
    this.emit({ type: 'message_added', record });
    return record;
  }

  /** Applies `change` to a recorded message and announces it. */
  changeMessage(record: MessageRecord, change: (record: MessageRecord) => void): MessageRecord {
    change(record);
    this.emit({ type: 'message_changed', record });
    return record;
  }

  /** The message with this channel and ts, deleted ones included. */
  findMessage(channel: string, ts: string): MessageRecord | undefined {
    return this.messages.find((record) => record.channel === channel && record.ts === ts);
  }

  /** Records a Web API call and announces it. */
  addCall(call: ApiCall): void {
    this.calls.push(call);
    this.emit({ type: 'api_call', call });
  }

  /** Stores the Home view published for a user and announces it. */
  publishHome(userId: string, view: JsonObject): void {
    this.homeViews.set(userId, view);
    this.emit({ type: 'home_published', home: { userId, view } });
  }

  /** Resolves with `check()`'s first defined result, checking now and after every change; rejects after the timeout. */
  waitUntil<T>(check: () => T | undefined, what: string, options: WaitOptions = {}): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        unsubscribe();
        this.waiters.delete(fail);
      };
      const fail = (error: Error): void => {
        finish();
        reject(error);
      };
      const unsubscribe = this.subscribe(() => {
        const result = check();
        if (result === undefined) return;
        finish();
        resolve(result);
      });
      const timer = setTimeout(() => {
        fail(new WaitTimeoutError(this.timeoutMessage(what, timeoutMs)));
      }, timeoutMs);
      this.waiters.add(fail);
    });
  }

  /** Rejects every pending wait; the stand-in calls this when it closes. */
  close(): void {
    for (const fail of [...this.waiters]) fail(new StandInClosedError('a wait was pending'));
  }

  private emit(event: StoreEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A faulty subscriber (say, a playground socket gone away) must not break the app's Web API call.
      }
    }
  }

  private timeoutMessage(what: string, timeoutMs: number): string {
    const lines = this.messages.map((record) => `  ${describeRecord(record)}`);
    const calls = this.calls.map((call) => `${call.method}${call.ok ? '' : `(${call.error})`}`);
    return [
      `timed out after ${timeoutMs} ms waiting for ${what}.`,
      lines.length > 0 ? `Messages so far:\n${lines.join('\n')}` : 'No messages so far.',
      `Web API calls so far: ${calls.length > 0 ? calls.join(', ') : 'none'}.`,
    ].join('\n');
  }
}
