import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePost } from '../../src/content/parse-post.ts';

const post = (body: string) => {
  const { post: parsed, problems } = parsePost(
    'posts/monitorama.md',
    `---\ntitle: Notes from Monitorama\n---\n${body}`,
  );
  assert.deepEqual(problems, []);
  assert.ok(parsed);
  return parsed;
};

describe('shortcodes around and among links', () => {
  it('keeps a wrapping shortcode’s calls out of its links’ contexts', () => {
    const { links } = post(
      [
        '{{< notice info >}}',
        'The organisers posted [all the recordings](https://www.youtube.com/playlist?list=PLmon) on their channel.',
        '{{< /notice >}}',
        '',
        '{{% details title="Day two" %}}',
        '- Day two — [Slides](https://speakerdeck.com/someone/observability-101)',
        '{{% /details %}}',
      ].join('\n'),
    );
    assert.deepEqual(
      links.map((l) => [l.url, l.context, l.line]),
      [
        [
          'https://www.youtube.com/playlist?list=PLmon',
          'The organisers posted all the recordings on their channel.',
          5,
        ],
        ['https://speakerdeck.com/someone/observability-101', 'Day two — Slides', 9],
      ],
    );
    assert.equal(links[1]?.label, 'Day two · slides');
  });

  it('makes Hugo’s figure a resource at its `link`, named by its caption, and never reads its arguments as bare URLs', () => {
    const { links, body } = post(
      '{{< figure src="/img/stage.jpg" link="https://monitorama.example.com/2023/" caption="The main stage" >}}',
    );
    assert.deepEqual(
      links.map((l) => [l.kind, l.url, l.label]),
      [['article', 'https://monitorama.example.com/2023/', 'The main stage']],
    );
    assert.doesNotMatch(body, /src=|img\/stage/);
  });

  it('reads no links or text inside highlight and comment, and keeps later lines where they are', () => {
    const { links, body } = post(
      [
        '{{< highlight yaml >}}',
        'endpoint: https://metrics.internal.example/api',
        '{{< /highlight >}}',
        '{{< comment >}}Check https://draft.example.org before publishing{{< /comment >}}',
        '',
        'The [dashboard template](https://grafana.example.com/dashboards/42) is shared.',
      ].join('\n'),
    );
    assert.deepEqual(
      links.map((l) => [l.url, l.line]),
      [['https://grafana.example.com/dashboards/42', 9]],
    );
    assert.doesNotMatch(body, /metrics\.internal|draft\.example/);
  });
});
