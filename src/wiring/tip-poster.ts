import type { webApi } from '@slack/bolt';
import type { TipPoster } from '../tips/index.ts';

/** The scheduler's poster in the app: `chat.postMessage` through Bolt's client, links not unfurled. */
export function slackTipPoster(client: webApi.WebClient): TipPoster {
  return {
    post: async (channel, message) => {
      await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
      });
    },
  };
}
