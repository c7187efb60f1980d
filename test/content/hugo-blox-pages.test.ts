import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import type { LoadResult } from '../../src/content/types.ts';

const base = 'https://blox.example.org';

describe('Hugo Blox `slides:` and `projects:`: a talk’s links named by the site’s own pages', () => {
  let root: string;
  let load: LoadResult;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'talkbot-blox-pages-'));
    const files: Record<string, string> = {
      'hugo.yaml': `baseURL: ${base}/\n`,
      'content/talk/clock-drift/index.md': [
        '---',
        "title: 'Clock Drift in Practice'",
        "date: '2024-06-01T10:00:00Z'",
        'event: Storage Summit',
        'slides: clock-drift-deck',
        'projects:',
        '  - drift-lab',
        '  - no-such-project',
        '---',
        'What we measured.',
        '',
      ].join('\n'),
      'content/talk/missing-deck/index.md':
        "---\ntitle: 'Missing Deck'\ndate: '2024-05-01'\nslides: gone\n---\nx\n",
      'content/slides/clock-drift-deck/index.md':
        "---\ntitle: 'Clock Drift: the slides'\ndate: '2024-06-01'\ntype: slides\n---\n# Drift\n",
      'content/project/drift-lab/index.md': "---\ntitle: 'Drift Lab'\ndate: '2023-01-01'\n---\nA lab.\n",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    load = await loadContent(join(root, 'content'));
  });

  after(() => rm(root, { recursive: true, force: true }));

  it('makes `slides:` a slides resource at the slides page’s URL, and `projects:` links to their pages', () => {
    const talk = load.posts.find((p) => p.path === 'talk/clock-drift/index.md');
    assert.deepEqual(
      talk?.links.map((l) => [l.kind, l.title, l.url, l.line, l.context]),
      [
        [
          'slides',
          'Slides · Clock Drift in Practice',
          `${base}/slides/clock-drift-deck/`,
          5,
          'Storage Summit',
        ],
      ],
    );
    assert.deepEqual(
      talk?.pageLinks.map((l) => [l.title, l.url, l.page, l.line]),
      [['Project · drift-lab', `${base}/project/drift-lab/`, '/project/drift-lab/', 6]],
    );
  });

  it('reports a name that fits no page, with its file and line', () => {
    assert.deepEqual(
      load.problems.map((p) => [p.path, p.line, p.message]),
      [
        [
          'talk/clock-drift/index.md',
          6,
          '`projects` names "no-such-project", but the site has no published page project/no-such-project or projects/no-such-project; the link is left out',
        ],
        [
          'talk/missing-deck/index.md',
          4,
          '`slides` names "gone", but the site has no published page slides/gone; the link is left out',
        ],
      ],
    );
  });
});
