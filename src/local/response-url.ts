import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonObject, type JsonObject } from './block-rules.ts';
import { type Chat, isTrue } from './chat.ts';
import { SlackApiError } from './errors.ts';
import { answerFor, type Faults } from './faults.ts';
import { readBody, sendJson } from './http-io.ts';
import type { IdSource } from './ids.ts';
import type { MessageRecord, RecordStore } from './store.ts';
import type { Workspace } from './workspace.ts';

/** Slack's documented cap: a response_url may be used up to five times within 30 minutes. */
const MAX_USES = 5;
const LIFETIME_MS = 30 * 60 * 1000;

/** What a response_url is bound to: where it answers, for whom, and (for a button click) the message clicked. */
export interface ResponseBinding {
  readonly kind: 'command' | 'action';
  readonly channel: string;
  readonly userId: string;
  /** The message holding the clicked button; absent for slash commands. */
  readonly source?: MessageRecord;
}

interface LiveBinding extends ResponseBinding {
  uses: number;
  readonly expiresAt: number;
}

/** The response_urls handed out with slash commands and block actions, and what POSTing to one does. */
export class ResponseUrls {
  private readonly bindings = new Map<string, LiveBinding>();
  private readonly store: RecordStore;
  private readonly chat: Chat;
  private readonly ids: IdSource;
  private readonly workspace: Workspace;
  private readonly faults: Faults;

  constructor(deps: { store: RecordStore; chat: Chat; ids: IdSource; workspace: Workspace; faults: Faults }) {
    this.store = deps.store;
    this.chat = deps.chat;
    this.ids = deps.ids;
    this.workspace = deps.workspace;
    this.faults = deps.faults;
  }

  /** A fresh `${baseUrl}/response/<id>` bound to a channel, a user and perhaps a source message. */
  create(baseUrl: string, binding: ResponseBinding): string {
    const id = this.ids.secret();
    this.bindings.set(id, { ...binding, uses: 0, expiresAt: Date.now() + LIFETIME_MS });
    return `${baseUrl}/response/${id}`;
  }

  /** Does what a response_url body asks: a new ephemeral or in-channel message, or replacing or deleting the source. */
  apply(
    binding: ResponseBinding,
    body: JsonObject,
    via: 'response_url' | 'ack' = 'response_url',
  ): MessageRecord | undefined {
    const source = binding.kind === 'action' ? binding.source : undefined;
    // Checked first, so that a refused message leaves the source untouched.
    const hasMessage = body.text !== undefined || body.blocks !== undefined;
    const content = hasMessage ? this.chat.content(body.text, body.blocks) : undefined;
    if (isTrue(body.delete_original) && source !== undefined) {
      this.chat.remove(source);
      // Slack: delete_original together with a new message deletes the source and publishes the new one.
      if (content === undefined) return source;
    } else if (
      isTrue(body.replace_original) &&
      source !== undefined &&
      !source.deleted &&
      content !== undefined
    ) {
      // The message keeps its visibility: an ephemeral source stays ephemeral whatever response_type says.
      return this.chat.replace(source, content);
    }
    if (content === undefined) throw new SlackApiError('no_text');
    const threadTs = typeof body.thread_ts === 'string' && body.thread_ts !== '' ? body.thread_ts : undefined;
    const inChannel = body.response_type === 'in_channel';
    return this.chat.post({
      channel: binding.channel,
      user: this.workspace.botUserId,
      content,
      source: via,
      ...(threadTs ? { threadTs } : {}),
      ...(inChannel ? {} : { ephemeralTo: binding.userId }),
    });
  }

  /** Answers a POST to `/response/<id>`; never throws. */
  async handle(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      body = undefined;
    }
    const args = isJsonObject(body) ? body : {};
    const answer = (status: number, reply: JsonObject, headers: Record<string, string> = {}): void => {
      const ok = reply.ok === true;
      this.store.addCall({ method: 'response_url', args, ok, ...(ok ? {} : { error: String(reply.error) }) });
      sendJson(res, status, reply, headers);
    };
    const binding = this.bindings.get(id);
    if (binding === undefined || binding.expiresAt < Date.now())
      return answer(404, { ok: false, error: 'expired_url' });
    if (binding.uses >= MAX_USES) return answer(404, { ok: false, error: 'used_url' });
    if (!isJsonObject(body)) return answer(400, { ok: false, error: 'invalid_payload' });
    const fault = this.faults.take('response_url');
    if (fault !== undefined) {
      const { status, headers, body: reply } = answerFor(fault);
      return answer(status, reply, headers);
    }
    binding.uses += 1;
    try {
      this.apply(binding, body);
      answer(200, { ok: true });
    } catch (error) {
      if (error instanceof SlackApiError) return answer(400, { ok: false, error: error.code });
      answer(500, { ok: false, error: 'internal_error', stand_in_error: String(error) });
    }
  }

  /** Forgets every URL (when the stand-in closes). */
  clear(): void {
    this.bindings.clear();
  }
}
