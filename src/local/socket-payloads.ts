// What the stand-in sends over Socket Mode besides the payloads themselves: hello, envelopes, disconnect.
import type { JsonObject } from './block-rules.ts';
import type { Workspace } from './workspace.ts';

/** The Socket Mode envelope types the stand-in sends (Slack's names). */
export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** The Socket Mode `hello` Slack sends as soon as a connection opens. */
export function helloMessage(workspace: Workspace, numConnections: number): JsonObject {
  return {
    type: 'hello',
    num_connections: numConnections,
    debug_info: { host: 'talkbot-stand-in', build_number: 1, approximate_connection_time: 18060 },
    connection_info: { app_id: workspace.apiAppId },
  };
}

/** A Socket Mode envelope; only `events_api` ones carry the retry fields, and only slash commands accept a payload. */
export function socketEnvelope(
  type: EnvelopeType,
  payload: JsonObject,
  envelopeId: string,
  retryAttempt: number,
): JsonObject {
  return {
    envelope_id: envelopeId,
    payload,
    type,
    accepts_response_payload: type === 'slash_commands',
    ...(type === 'events_api'
      ? { retry_attempt: retryAttempt, retry_reason: retryAttempt > 0 ? 'timeout' : '' }
      : {}),
  };
}

/** Why Slack asks a Socket Mode client to go: `warning` comes about 10 s before `refresh_requested`. */
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled' | 'too_many_websockets';

/** The Socket Mode `disconnect` message. */
export function disconnectMessage(reason: DisconnectReason): JsonObject {
  return { type: 'disconnect', reason, debug_info: { host: 'talkbot-stand-in' } };
}
