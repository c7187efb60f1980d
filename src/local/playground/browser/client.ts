// The page's side of the playground's protocol: its small JSON API and the event stream of the stand-in.
import {
  PLAYGROUND_EVENTS,
  PLAYGROUND_PATHS,
  type PlaygroundMessage,
  type PlaygroundModal,
  type PlaygroundReply,
  type PlaygroundSnapshot,
  type PlaygroundStatus,
} from '../protocol.ts';

/** Posts to the playground's API; a server that does not answer is a reply saying so, never a throw. */
export async function post(path: string, body: unknown): Promise<PlaygroundReply> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return (await response.json()) as PlaygroundReply;
  } catch {
    return {
      ok: false,
      error: 'unreachable',
      message: 'The playground server is not answering. Is npm start still running?',
    };
  }
}

/** What is loaded now, or null when the server cannot say (the event stream reports the connection). */
export async function fetchStatus(): Promise<PlaygroundStatus | null> {
  try {
    const response = await fetch(PLAYGROUND_PATHS.status);
    return response.ok ? ((await response.json()) as PlaygroundStatus) : null;
  } catch {
    return null;
  }
}

/** What the page does with each event of the stream. */
export interface StreamHandlers {
  readonly snapshot: (snapshot: PlaygroundSnapshot) => void;
  readonly message: (message: PlaygroundMessage) => void;
  readonly home: (home: unknown) => void;
  /** A modal the app opened for the local user, changed or closed. */
  readonly modal: (modal: PlaygroundModal) => void;
  /** The content was loaded again: new counts and problems. */
  readonly status: (status: PlaygroundStatus) => void;
  /** The stream broke; the browser reconnects by itself and a new snapshot follows. */
  readonly lost: () => void;
}

/** Listens to the stand-in's event stream: a snapshot first, then each message, Home view and reload. */
export function connect(handlers: StreamHandlers): void {
  const events = new EventSource(PLAYGROUND_PATHS.events);
  const data = (event: Event): unknown => JSON.parse((event as MessageEvent<string>).data);
  events.addEventListener(PLAYGROUND_EVENTS.snapshot, (event) => {
    handlers.snapshot(data(event) as PlaygroundSnapshot);
  });
  events.addEventListener(PLAYGROUND_EVENTS.message, (event) => {
    handlers.message(data(event) as PlaygroundMessage);
  });
  events.addEventListener(PLAYGROUND_EVENTS.home, (event) => handlers.home(data(event)));
  events.addEventListener(PLAYGROUND_EVENTS.modal, (event) => handlers.modal(data(event) as PlaygroundModal));
  events.addEventListener(PLAYGROUND_EVENTS.status, (event) => {
    handlers.status(data(event) as PlaygroundStatus);
  });
  events.addEventListener('error', () => handlers.lost());
}
