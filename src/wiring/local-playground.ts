import type { SlackStandIn } from '../local/index.ts';
import { startPlayground } from '../local/playground/index.ts';
import { listening } from '../slack/connect/start-failure.ts';
import type { LibraryStore } from '../slack/library-store.ts';
import { unfurlDomain } from '../sources/content-source.ts';

/** What local mode's playground shows and does, as the composition root hands it over. */
export interface LocalPlaygroundOptions {
  readonly port: number;
  readonly contentDir: string;
  /** The Library served: its counts and problems fill the side panel, and follow each reload. */
  readonly store: LibraryStore;
  readonly siteBaseUrl: string | null;
  /** Posts the next reading tip now ("Post today's tip"); resolves with its slot's time, or null when none was posted. */
  readonly postTip: () => Promise<Date | null>;
}

/** Starts the stand-in of Slack with the playground on `port`, resolving once it listens (a taken port is a clear error). */
export function startLocalPlayground(options: LocalPlaygroundOptions): Promise<SlackStandIn> {
  const { port, contentDir, store, siteBaseUrl, postTip } = options;
  return listening(
    port,
    startPlayground({
      port,
      host: '127.0.0.1',
      status: () => ({
        contentDir,
        posts: store.current.posts.length,
        resources: store.current.resources.length,
        problems: store.current.problems,
      }),
      statusChanges: (listener) => store.subscribe(listener),
      postTip,
      // As `talkbot manifest` registers it: links to the blog unfurl in the playground as in Slack.
      unfurlDomains: siteBaseUrl ? [unfurlDomain(siteBaseUrl)] : [],
    }),
  );
}
