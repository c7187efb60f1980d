// The playground page's state and how each event changes it: pure, so it is tested without a browser.
import type {
  PlaygroundChannel,
  PlaygroundMessage,
  PlaygroundSnapshot,
  PlaygroundStatus,
} from '../protocol.ts';
import type { View } from './templates.ts';

/** A thread, by its parent message. */
export interface ThreadRef {
  readonly channel: string;
  readonly ts: string;
}

/** Everything the page shows, as the stand-in's event stream and the user's actions left it. */
export interface PageState {
  readonly snapshot: PlaygroundSnapshot | null;
  /** In the order they were posted; a changed message keeps its place. */
  readonly messages: readonly PlaygroundMessage[];
  readonly channels: readonly PlaygroundChannel[];
  readonly home: unknown;
  readonly view: View;
  /** The open thread. */
  readonly thread: ThreadRef | null;
  readonly status: PlaygroundStatus | null;
  /** Messages sent from the main box (`channel/ts`), whose thread opens by itself when the bot answers in it. */
  readonly awaitingReply: readonly string[];
  /** True from "Post today's tip" until the tip arrives, to show it wherever it was posted. */
  readonly awaitingTip: boolean;
}

/** What can happen to the page: the event stream's events and the user's own actions. */
export type PageAction =
  | { readonly type: 'snapshot'; readonly snapshot: PlaygroundSnapshot }
  | { readonly type: 'message'; readonly message: PlaygroundMessage }
  | { readonly type: 'home'; readonly home: unknown }
  | { readonly type: 'status'; readonly status: PlaygroundStatus }
  | { readonly type: 'select'; readonly view: View }
  | { readonly type: 'openThread'; readonly thread: ThreadRef }
  | { readonly type: 'closeThread' }
  | { readonly type: 'awaitReply'; readonly thread: ThreadRef }
  | { readonly type: 'tipRequested' }
  | { readonly type: 'tipFailed' };

/** The page before the event stream's first snapshot: #general, nothing loaded. */
export const initialState: PageState = {
  snapshot: null,
  messages: [],
  channels: [],
  home: null,
  view: { kind: 'channel', channel: 'C0GENERAL' },
  thread: null,
  status: null,
  awaitingReply: [],
  awaitingTip: false,
};

/** `channel/ts`: how a message is found again, in the state and in the page (`data-msg`). */
export const keyOf = (message: ThreadRef): string => `${message.channel}/${message.ts}`;

/** Whether a message shows: an ephemeral message that is deleted (Share in channel removes it) vanishes, as in Slack. */
export function visible(message: PlaygroundMessage): boolean {
  return !(message.deleted && message.ephemeral);
}

/** The visible replies in a thread, oldest first. */
export function repliesTo(state: PageState, thread: ThreadRef): PlaygroundMessage[] {
  return state.messages.filter((m) => m.channel === thread.channel && m.threadTs === thread.ts && visible(m));
}

/** The conversation the main pane shows, or undefined on the Home tab. */
export function currentChannel(state: PageState): PlaygroundChannel | undefined {
  const { view } = state;
  return view.kind === 'channel' ? state.channels.find((c) => c.id === view.channel) : undefined;
}

/** The DM with the bot. */
export function dmChannel(state: PageState): PlaygroundChannel | undefined {
  return state.channels.find((c) => c.kind === 'im');
}

/** Whether a message is not yet in the state (so it is new, not a change to one shown). */
export function isNewMessage(state: PageState, message: PlaygroundMessage): boolean {
  const key = keyOf(message);
  return !state.messages.some((m) => keyOf(m) === key);
}

/** The state after an action. Never changes the state it is given. */
export function reduce(state: PageState, action: PageAction): PageState {
  switch (action.type) {
    case 'snapshot':
      return {
        ...state,
        snapshot: action.snapshot,
        messages: [...action.snapshot.messages],
        channels: [...action.snapshot.channels],
        home: action.snapshot.home,
      };
    case 'message':
      return withMessage(state, action.message);
    case 'home':
      return { ...state, home: action.home };
    case 'status':
      return { ...state, status: action.status };
    case 'select':
      return { ...state, view: action.view };
    case 'openThread':
      return { ...state, thread: action.thread };
    case 'closeThread':
      return { ...state, thread: null };
    case 'awaitReply':
      return { ...state, awaitingReply: [...state.awaitingReply, keyOf(action.thread)] };
    case 'tipRequested':
      return { ...state, awaitingTip: true };
    case 'tipFailed':
      return { ...state, awaitingTip: false };
  }
}

/**
 * A message added or changed. A new conversation joins the sidebar; the bot's answer in a thread the user
 * is waiting on opens that thread; the tip the user asked for brings its channel into view.
 */
function withMessage(state: PageState, message: PlaygroundMessage): PageState {
  const key = keyOf(message);
  const isNew = isNewMessage(state, message);
  const messages = isNew
    ? [...state.messages, message]
    : state.messages.map((m) => (keyOf(m) === key ? message : m));
  const channels = state.channels.some((c) => c.id === message.channel)
    ? state.channels
    : [
        ...state.channels,
        {
          id: message.channel,
          name: message.channelName,
          kind: message.channel.startsWith('D') ? ('im' as const) : ('channel' as const),
        },
      ];
  let next: PageState = { ...state, messages, channels };
  if (!isNew || !message.isBot) return next;
  if (message.threadTs !== null) {
    const parent = keyOf({ channel: message.channel, ts: message.threadTs });
    if (next.awaitingReply.includes(parent)) {
      next = {
        ...next,
        awaitingReply: next.awaitingReply.filter((k) => k !== parent),
        thread: { channel: message.channel, ts: message.threadTs },
      };
    }
  } else if (next.awaitingTip) {
    next = { ...next, awaitingTip: false, view: { kind: 'channel', channel: message.channel } };
  }
  return next;
}
