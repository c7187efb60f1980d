import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SocketModeTiming } from './socket-mode.ts';
import type { Workspace } from './workspace.ts';

/** How the stand-in delivers to the app: over a Socket Mode WebSocket, or as signed HTTP POSTs. */
export type Transport = 'socket' | 'http';

/** Everything configurable; every field has a default that suits a test. */
export interface StandInOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 'xoxb-test' */
  botToken?: string;
  /** @default 'xapp-test' */
  appToken?: string;
  /** @default 'test-signing-secret' */
  signingSecret?: string;
  /** @default 'socket' */
  transport?: Transport;
  /** The app's Request URL for HTTP delivery; may also be set later through `appUrl`. */
  appUrl?: string;
  /** @default 'T0001' */
  teamId?: string;
  /** @default 'talkbot-local' */
  teamDomain?: string;
  /** @default 'Talkbot Local' */
  teamName?: string;
  /** @default 'A0001' */
  apiAppId?: string;
  /** @default 'U0BOT' */
  botUserId?: string;
  /** @default 'B0001' */
  botId?: string;
  /** @default 'talkbot' */
  botName?: string;
  /** Channels that answer `channel_not_found`. */
  unknownChannels?: Iterable<string>;
  /** Channels the bot is not in: posting there answers `not_in_channel`. */
  channelsWithoutBot?: Iterable<string>;
  /** Names by user id, for payloads and users.info. */
  userNames?: Record<string, string>;
  /** IANA time zones by user id, for users.info's `tz`. @default Europe/London for everyone */
  userTimezones?: Record<string, string>;
  /** Archived channels: posting there answers `is_archived`. */
  archivedChannels?: Iterable<string>;
  /** Names by channel id, for payloads and conversations.info. @default { C0GENERAL: 'general' } */
  channelNames?: Record<string, string>;
  /** Slack's ack deadline. @default 3000 */
  ackTimeoutMs?: number;
  /** How long a Socket Mode delivery waits for an app to be connected. @default 6000 (Bolt reconnects after 5 s) */
  connectionWaitMs?: number;
  /** How long a client told to `disconnect` (or being closed) gets to finish the close handshake. @default 1000 */
  disconnectGraceMs?: number;
  /** Answers requests to other paths (the browser playground will hang here); default 404. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  readonly transport: Transport;
  readonly appUrl: string | undefined;
  readonly workspace: Workspace;
  readonly timing: SocketModeTiming;
  readonly fallback: StandInOptions['fallback'];
}

/** The person who acts when a test does not say who: a plain workspace member. */
export const DEFAULT_USER = 'U0USER';
/** The channel things happen in when a test does not say where. */
export const DEFAULT_CHANNEL = 'C0GENERAL';

/** Fills in the defaults. */
export function resolveOptions(options: StandInOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    botToken: options.botToken ?? 'xoxb-test',
    appToken: options.appToken ?? 'xapp-test',
    signingSecret: options.signingSecret ?? 'test-signing-secret',
    transport: options.transport ?? 'socket',
    appUrl: options.appUrl,
    workspace: {
      teamId: options.teamId ?? 'T0001',
      teamDomain: options.teamDomain ?? 'talkbot-local',
      teamName: options.teamName ?? 'Talkbot Local',
      apiAppId: options.apiAppId ?? 'A0001',
      botUserId: options.botUserId ?? 'U0BOT',
      botId: options.botId ?? 'B0001',
      botName: options.botName ?? 'talkbot',
      verificationToken: 'stand-in-verification-token',
      unknownChannels: new Set(options.unknownChannels ?? []),
      channelsWithoutBot: new Set(options.channelsWithoutBot ?? []),
      userNames: new Map(Object.entries(options.userNames ?? {})),
      channelNames: new Map(Object.entries(options.channelNames ?? { [DEFAULT_CHANNEL]: 'general' })),
      userTimezones: new Map(Object.entries(options.userTimezones ?? {})),
      archivedChannels: new Set(options.archivedChannels ?? []),
    },
    timing: {
      ackTimeoutMs: options.ackTimeoutMs ?? 3000,
      connectionWaitMs: options.connectionWaitMs ?? 6000,
      disconnectGraceMs: options.disconnectGraceMs ?? 1000,
    },
    fallback: options.fallback,
  };
}
