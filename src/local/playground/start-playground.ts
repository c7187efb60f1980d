import { SlackStandIn } from '../SlackStandIn.ts';
import { playgroundAssets } from './assets.ts';
import { type ContentStatus, LOCAL_USER } from './protocol.ts';
import { PlaygroundRoutes } from './routes.ts';

/** Where the playground listens and what it shows beyond the stand-in. */
export interface PlaygroundOptions {
  /** @default 3000 */
  readonly port?: number;
  /** @default '127.0.0.1' (the playground is for this machine only) */
  readonly host?: string;
  /** What is loaded now, for the side panel; read on each request. */
  readonly status: () => ContentStatus;
  /** Posts today's reading tip ("Post today's tip" in the side panel); resolves with its slot's time. */
  readonly postTip: () => Promise<Date | null>;
  /** Subscribes to reloads, so the side panel follows them live. @default none: the panel shows the first load */
  readonly statusChanges?: (listener: () => void) => () => void;
}

/**
 * Starts the stand-in of Slack with the playground page on its own server: `/` in a browser is a Slack-like
 * channel where you talk to whichever app connects to the stand-in (over Socket Mode), as the user `you`.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<SlackStandIn> {
  // Read and bundle the page first: a broken page should stop startup, not greet the first visitor with a 500.
  await playgroundAssets();
  const routes = new PlaygroundRoutes({
    status: options.status,
    postTip: options.postTip,
    statusChanges: options.statusChanges,
    userId: LOCAL_USER.id,
  });
  const standIn = await SlackStandIn.start({
    port: options.port ?? 3000,
    host: options.host ?? '127.0.0.1',
    transport: 'socket',
    userNames: { [LOCAL_USER.id]: LOCAL_USER.name },
    fallback: routes.handle,
  });
  routes.attach(standIn);
  return standIn;
}
