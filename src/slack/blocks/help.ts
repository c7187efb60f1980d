import { fitMessage } from './limits.ts';
import type { Message } from './message.ts';
import { context, section } from './parts.ts';

/** What a greeting or a thanks is answered with, before the help. */
export type Greeting = 'hello' | 'thanks';

const openings: Record<Greeting, string> = {
  hello: 'Hi! 👋',
  thanks: 'You’re welcome! 🙂',
};

/** Renders the short help: what talkbot answers and one example of each way to ask; after a greeting, a greeting first. */
export function renderHelp(greeting?: Greeting): Message {
  const opening = greeting === undefined ? '' : `${openings[greeting]} `;
  return fitMessage({
    text: `${opening}talkbot finds conference talks and the papers, videos and people they cite. Try /talk jepsen`,
    blocks: [
      section(
        `${opening}*talkbot* finds conference talks from the blog, and the papers, videos and people they cite.`,
      ),
      section(
        [
          '`/talk testing distributed`  talks and resources matching your words',
          '`/talk tag:testing`  talks with a tag (`/talk tags` lists them)',
          '`/talk jepsen`  a paper, a tool or a person',
          '`@talkbot jepsen?`  ask in a channel, and everyone sees the answer',
          '`/talk tip`  a reading tip',
        ].join('\n'),
      ),
      context('Answers to `/talk` are only visible to you until you press *Share in channel*.'),
    ],
  });
}
