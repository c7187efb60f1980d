import type { JsonObject } from './block-rules.ts';
import { StandInError } from './errors.ts';
import { type AppAnswer, encodeForm, encodeInteractivePayload, postToApp } from './http-delivery.ts';
import type { IdSource } from './ids.ts';
import type { Transport } from './options.ts';
import type { SocketModeServer } from './socket-mode.ts';
import { type EnvelopeType, socketEnvelope } from './socket-payloads.ts';

/** One delivery to the app and its acknowledgement. */
export interface Delivery {
  readonly type: EnvelopeType;
  readonly transport: Transport;
  /** The Slack payload sent: event_callback, slash command fields, or block_actions. */
  readonly payload: JsonObject;
  /** 0 on first delivery; `redeliver` adds one. */
  readonly retryAttempt: number;
  /** Socket Mode only. */
  readonly envelopeId?: string;
  /** Slash commands and block actions only. */
  readonly responseUrl?: string;
  /** The HTTP status of the app's answer; 200 for a Socket Mode ack. */
  readonly status: number;
  /** The ack's payload: `{}` for a bare `ack()`, `{ text }` for `ack('text')`, the object for `ack({...})`. */
  readonly ack: unknown;
  /** HTTP only: the app's raw answer body. */
  readonly rawBody?: string;
  /** Set when a slash command's ack held a message Slack would refuse (e.g. `invalid_blocks`). */
  readonly ackError?: string;
}

/** The ack an HTTP answer carries, read as Slack reads it: empty, plain text, or JSON; undefined for non-2xx. */
export function ackOf(answer: AppAnswer): unknown {
  if (answer.status < 200 || answer.status >= 300) return undefined;
  if (answer.body === '') return {};
  if (String(answer.headers['content-type'] ?? '').includes('json')) {
    try {
      return JSON.parse(answer.body);
    } catch {
      return { text: answer.body };
    }
  }
  return { text: answer.body };
}

/** The HTTP body and content type Slack uses for each kind of payload. */
function httpBody(
  type: EnvelopeType,
  payload: JsonObject,
): Pick<Parameters<typeof postToApp>[0], 'body' | 'contentType'> {
  if (type === 'events_api') return { body: JSON.stringify(payload), contentType: 'application/json' };
  const form =
    type === 'slash_commands'
      ? encodeForm(Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, String(value)])))
      : encodeInteractivePayload(payload);
  return { body: form, contentType: 'application/x-www-form-urlencoded' };
}

/** Sends payloads to the app over the chosen transport and reports the ack. */
export class Deliverer {
  private readonly deps: {
    readonly transport: Transport;
    readonly socketMode: SocketModeServer;
    readonly ids: IdSource;
    readonly signingSecret: string;
    readonly ackTimeoutMs: number;
    readonly appUrl: () => string | undefined;
  };

  constructor(deps: Deliverer['deps']) {
    this.deps = deps;
  }

  /** The app's Request URL, which HTTP delivery cannot do without. */
  appUrl(): string {
    const url = this.deps.appUrl();
    if (url === undefined) {
      throw new StandInError(
        'no_app_url',
        'HTTP delivery needs appUrl (the app Request URL, e.g. .../slack/events)',
      );
    }
    return url;
  }

  /** Delivers one payload: an envelope over Socket Mode, or a signed POST (with retry headers on redelivery). */
  async deliver(type: EnvelopeType, payload: JsonObject, retryAttempt: number): Promise<Delivery> {
    const { transport, socketMode, ids, signingSecret, ackTimeoutMs } = this.deps;
    const responseUrl = typeof payload.response_url === 'string' ? payload.response_url : undefined;
    const common = { type, transport, payload, retryAttempt, ...(responseUrl ? { responseUrl } : {}) };
    if (transport === 'socket') {
      const envelopeId = ids.envelopeId();
      const ack = await socketMode.deliver(socketEnvelope(type, payload, envelopeId, retryAttempt));
      return { ...common, envelopeId, status: 200, ack };
    }
    const answer = await postToApp({
      url: this.appUrl(),
      signingSecret,
      ...httpBody(type, payload),
      ...(retryAttempt > 0 ? { retry: { num: retryAttempt, reason: 'http_timeout' } } : {}),
      timeoutMs: ackTimeoutMs,
    });
    return { ...common, status: answer.status, ack: ackOf(answer), rawBody: answer.body };
  }
}
