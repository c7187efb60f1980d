import { fitMessage } from './limits.ts';
import type { Message } from './message.ts';
import { context, section } from './parts.ts';

/** Renders the short help: what talkbot answers and one example of each way to ask. */
export function renderHelp(): Message {
  return fitMessage({
    text: 'talkbot finds conference talks and the papers, videos and people they cite. Try /talk jepsen',
    blocks: [
      section('*talkbot* finds conference talks from the blog, and the papers, videos and people they cite.'),
      section(
        [
          '`/talk testing distributed`  talks and resources matching your words',
          '`/talk tag:testing`  talks with a tag',
          '`/talk jepsen`  a paper, a tool or a person',
          '`@talkbot jepsen?`  ask in a channel, and everyone sees the answer',
          '`/talk tip`  a reading tip',
        ].join('\n'),
      ),
      context('Answers to `/talk` are only visible to you until you press *Share in channel*.'),
    ],
  });
}
