import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { renderUnfurl } from '../../blocks/unfurl.ts';
import { slackErrorCode } from '../../slack-errors.ts';
import type { ListenerDeps } from '../deps.ts';

/** What `chat.unfurl` attaches under one URL: the card's blocks, and its text for clients that show no blocks. */
interface UnfurlCard {
  readonly blocks: ReturnType<typeof renderUnfurl>['blocks'];
  readonly fallback: string;
}

/**
 * Unfurls links to the blog's own posts with the post's card. A link to no loaded post (one removed
 * since, or another page of the site) is left out, so Slack shows its default preview for it.
 */
export function linkShared(deps: ListenerDeps) {
  return async ({ event, client, logger }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'link_shared'>) => {
    const library = deps.library();
    const unfurls: Record<string, UnfurlCard> = {};
    for (const link of event.links) {
      const post = library.postByUrl(link.url);
      if (!post) continue;
      const card = renderUnfurl(post);
      // Keyed by the URL exactly as the event gave it: Slack matches the keys to the message's links.
      unfurls[link.url] = { blocks: card.blocks, fallback: card.text };
    }
    const count = Object.keys(unfurls).length;
    if (count === 0) return;
    try {
      // channel + message_ts work for every link_shared, a link still in the composer ("COMPOSER") too;
      // unfurl_id + source would not: Enterprise organisations send neither.
      await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
    } catch (error) {
      logger.warn(
        `chat.unfurl of ${count} ${count === 1 ? 'link' : 'links'} in ${event.channel} failed: ` +
          `${slackErrorCode(error) ?? (error as Error).message}`,
      );
    }
  };
}
