// What the playground page and the server say to each other; imported by both (types only in the browser).

/** The person typing into the playground. */
export const LOCAL_USER = { id: 'U0YOU', name: 'you' } as const;

/** Paths the playground answers on the stand-in's server (`/api/...` belongs to the Web API). */
export const PLAYGROUND_PATHS = {
  page: '/',
  script: '/playground/app.js',
  styles: '/playground/app.css',
  icon: '/playground/icon.svg',
  events: '/playground/events',
  status: '/playground/status',
  send: '/playground/send',
  click: '/playground/click',
  home: '/playground/home',
  tip: '/playground/tip',
  modal: '/playground/modal',
} as const;

/** A conversation the page lists in its sidebar. */
export interface PlaygroundChannel {
  readonly id: string;
  /** `general` for a channel (shown as `#general`), the other person's name for a DM. */
  readonly name: string;
  readonly kind: 'channel' | 'im';
}

/** A message as the local user sees it. */
export interface PlaygroundMessage {
  readonly channel: string;
  /** The channel's name without `#`, or the bot's name for a DM with it. */
  readonly channelName: string;
  readonly ts: string;
  /** The parent's ts for a reply in a thread (the parent itself has none here). */
  readonly threadTs: string | null;
  readonly user: string;
  readonly userName: string;
  readonly isBot: boolean;
  /** Slack mrkdwn, entities escaped as Slack sends them. */
  readonly text: string;
  /** Block Kit blocks to render; empty when the text is all there is. */
  readonly blocks: readonly unknown[];
  /** Only the local user sees it. */
  readonly ephemeral: boolean;
  readonly deleted: boolean;
  readonly edited: boolean;
}

/** Everything the page needs to draw itself, sent first on the event stream (and again after a reconnect). */
export interface PlaygroundSnapshot {
  readonly workspaceName: string;
  readonly me: { readonly id: string; readonly name: string };
  readonly bot: { readonly id: string; readonly name: string };
  readonly channels: readonly PlaygroundChannel[];
  /** Display names by user id, for `<@U…>` mentions. */
  readonly userNames: Readonly<Record<string, string>>;
  readonly messages: readonly PlaygroundMessage[];
  /** The Home view last published for the local user, if any. */
  readonly home: unknown;
}

/** One content problem, as `talkbot index` prints it: `path:line: message`. */
export interface PlaygroundProblem {
  readonly path: string;
  readonly line: number | null;
  readonly message: string;
}

/** What is loaded, for the side panel. */
export interface ContentStatus {
  readonly contentDir: string;
  readonly posts: number;
  readonly resources: number;
  readonly problems: readonly PlaygroundProblem[];
}

/** `GET /playground/status`. */
export type PlaygroundStatus = ContentStatus;

/** `POST /playground/send`: `/talk …` runs the command; anything else is a message (`@talkbot` mentions the bot). */
export interface SendRequest {
  readonly channel: string;
  readonly text: string;
  readonly threadTs?: string;
}

/** `POST /playground/click`: a button of a message the local user sees. */
export interface ClickRequest {
  readonly channel: string;
  readonly ts: string;
  readonly actionId: string;
  readonly blockId?: string;
  /** A press of Slack's feedback element: which of its two buttons. */
  readonly feedback?: 'positive' | 'negative';
  /** Enter pressed in a message's text input: what was typed. */
  readonly value?: string;
}

/** `POST /playground/modal`: Submit pressed in an open modal, with its inputs as Slack's `state.values`. */
export interface ModalSubmitRequest {
  readonly viewId: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** A modal the app opened for the local user, or closed (`open: false`). */
export interface PlaygroundModal {
  readonly id: string;
  readonly open: boolean;
  readonly view: unknown;
  /** The errors the app answered a submission with, by block id. */
  readonly errors?: Readonly<Record<string, string>>;
}

/** The answer of every POST: `ok`, or an error code and a sentence to show. */
export type PlaygroundReply =
  | {
      readonly ok: true;
      /** The ts of the message sent, when one was. */
      readonly ts?: string;
      /** For "Post today's tip": the time of the slot whose tip was posted (ISO 8601). */
      readonly at?: string;
    }
  | { readonly ok: false; readonly error: string; readonly message: string };

/** Event names on `GET /playground/events` (Server-Sent Events); each event's data is JSON. */
export const PLAYGROUND_EVENTS = {
  /** `PlaygroundSnapshot` */
  snapshot: 'snapshot',
  /** `PlaygroundMessage`, new or changed (same channel and ts replaces the earlier one). */
  message: 'message',
  /** The Home view just published for the local user. */
  home: 'home',
  /** `PlaygroundModal`: opened, changed, closed, or answered with errors. */
  modal: 'modal',
  /** `PlaygroundStatus`, each time the content is loaded again (an edited post, a fixed problem). */
  status: 'status',
} as const;
