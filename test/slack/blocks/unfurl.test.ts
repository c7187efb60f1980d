import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Link, Post, ResourceKind } from '../../../src/content/types.ts';
import { renderUnfurl } from '../../../src/slack/blocks/unfurl.ts';
import { slackProblems } from '../../helpers/slack-rules.ts';

function link(title: string, url: string, kind: ResourceKind, line: number): Link {
  return { title, label: title, context: '', titleAttribute: null, url, kind, section: 'Resources', line };
}

function post(links: readonly Link[], more: Partial<Post> = {}): Post {
  return {
    id: '/posts/raft-in-five-minutes/',
    language: 'en',
    aliases: [],
    pageLinks: [],
    slug: 'raft-in-five-minutes',
    title: 'Raft in Five Minutes',
    description: 'How a cluster agrees on a log, told with one whiteboard.',
    date: new Date('2015-03-02T10:00:00Z'),
    tags: ['consensus', 'distributed systems'],
    author: 'Diego Ongaro',
    section: 'posts',
    path: 'posts/raft-in-five-minutes.md',
    url: 'https://talks.example.org/posts/raft-in-five-minutes/',
    headings: ['Resources'],
    links,
    body: '',
    draft: false,
    ...more,
  };
}

const texts = (message: ReturnType<typeof renderUnfurl>) =>
  (message.blocks as { text?: { text: string }; elements?: { text: string }[] }[]).map(
    (block) => block.text?.text ?? block.elements?.map((e) => e.text).join(' '),
  );

describe('renderUnfurl', () => {
  it('lists video, then slides, then papers, three of each at most, and counts the rest', () => {
    const links = [
      link('The Raft paper', 'https://raft.github.io/raft.pdf', 'paper', 10),
      link('Talk recording', 'https://www.youtube.com/watch?v=YbZ3zDzDnrw', 'video', 11),
      link('Slides', 'https://speakerdeck.com/ongardie/raft', 'slides', 12),
      link('Paxos Made Simple', 'https://lamport.azurewebsites.net/pubs/paxos-simple.pdf', 'paper', 13),
      link('Viewstamped Replication', 'https://pmg.csail.mit.edu/papers/vr-revisited.pdf', 'paper', 14),
      link('ZAB', 'https://marcoserafini.github.io/papers/zab.pdf', 'paper', 15),
      link('Diego on GitHub', 'https://github.com/ongardie', 'profile', 16),
    ];
    const message = renderUnfurl(post(links));
    assert.deepEqual(texts(message), [
      '*<https://talks.example.org/posts/raft-in-five-minutes/|Raft in Five Minutes>*\nHow a cluster agrees on a log, told with one whiteboard.',
      '2 Mar 2015 · consensus, distributed systems',
      '🎬 *Video:* <https://www.youtube.com/watch?v=YbZ3zDzDnrw|Talk recording>\n' +
        '📑 *Slides:* <https://speakerdeck.com/ongardie/raft|Slides>\n' +
        '📄 *Papers:* <https://raft.github.io/raft.pdf|The Raft paper> · ' +
        '<https://lamport.azurewebsites.net/pubs/paxos-simple.pdf|Paxos Made Simple> · ' +
        '<https://pmg.csail.mit.edu/papers/vr-revisited.pdf|Viewstamped Replication> · _1 more_',
      '2 more links in <https://talks.example.org/posts/raft-in-five-minutes/|the post>',
    ]);
    assert.equal(
      message.text,
      'Raft in Five Minutes · 2 Mar 2015 · How a cluster agrees on a log, told with one whiteboard.',
    );
  });

  it('escapes the post’s own text for mrkdwn, so a title cannot mention or link', () => {
    const message = renderUnfurl(
      post([], {
        title: 'Ping <!channel> & <https://evil.example|click>',
        description: '*not bold* <@U123>',
        tags: [],
      }),
    );
    const [first] = texts(message);
    assert.ok(first);
    assert.doesNotMatch(first, /<!channel>|<@U123>|<https:\/\/evil/);
    assert.match(first, /&lt;!channel&gt; &amp;/);
    assert.doesNotMatch(message.text, /<!channel>/);
  });

  it('stays within Slack’s limits for a post of huge titles and hundreds of links', () => {
    const long = 'A very long resource title that goes on '.repeat(40);
    const links = Array.from({ length: 300 }, (_, i) =>
      link(
        `${long}${i}`,
        `https://example.org/${'x'.repeat(200)}/${i}.pdf`,
        (['video', 'slides', 'paper'] as const)[i % 3] ?? 'paper',
        i,
      ),
    );
    const message = renderUnfurl(post(links, { title: long, description: long.repeat(5) }));
    assert.deepEqual(slackProblems(message), []);
  });

  it('without a permalink, names the post in plain bold and says nothing of more links', () => {
    const message = renderUnfurl(
      post([link('Talk recording', 'https://vimeo.com/1', 'video', 3)], { url: null, date: null, tags: [] }),
    );
    assert.deepEqual(texts(message), [
      '*Raft in Five Minutes*\nHow a cluster agrees on a log, told with one whiteboard.',
      '🎬 *Video:* <https://vimeo.com/1|Talk recording>',
    ]);
  });
});
