import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePost } from '../../src/content/parse-post.ts';

describe('the Stack theme’s front matter links', () => {
  it('reads `links: [{title, website, description}]` as the page’s links, with no false problem', () => {
    const source = [
      '---',
      'title: Reading the Jepsen reports',
      'links:',
      '  - title: Jepsen',
      '    description: Safety analyses of distributed databases',
      '    website: https://jepsen.example.io/analyses',
      '  - title: Slides',
      '    website: https://speakerdeck.com/someone/reading-jepsen',
      '---',
      'What I took from the reports.',
    ].join('\n');
    const { post, problems } = parsePost('post/jepsen/index.md', source);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      post?.links.map((l) => [l.kind, l.url, l.label, l.line]),
      [
        ['article', 'https://jepsen.example.io/analyses', 'Jepsen · Reading the Jepsen reports', 4],
        [
          'slides',
          'https://speakerdeck.com/someone/reading-jepsen',
          'Slides · Reading the Jepsen reports',
          7,
        ],
      ],
    );
  });
});
