import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';

const content = 'test/fixtures/sites/workshop/content';
const now = new Date('2025-01-01T00:00:00Z');

describe('permalinks in both forms, for sections, and per language', async () => {
  const { posts, problems } = await loadContent(content, { now });
  const byPath = new Map(posts.map((p) => [p.path, p]));

  it('places every page by its language’s pattern, the plain form and the per-kind tables alike', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(posts.map((p) => [p.path, p.url]).sort(), [
      ['about.md', 'https://workshop.example.net/about/'],
      ['articles/pairing.de.md', 'https://workshop.example.net/de/artikel/2024/paarweise/'],
      ['articles/pairing.md', 'https://workshop.example.net/blog/2024/remote-pairing/'],
      ['notes/whiteboards.de.md', 'https://workshop.example.net/de/n/whiteboards-im-homeoffice/'],
      ['notes/whiteboards.md', 'https://workshop.example.net/n/whiteboards-for-remote-teams/'],
    ]);
  });

  it('gives section pages the URL of `permalinks.section`, in the linking page’s language', () => {
    assert.deepEqual(
      byPath.get('articles/pairing.md')?.pageLinks.map((l) => [l.title, l.url]),
      [
        ['article', 'https://workshop.example.net/blog/'],
        ['same list', 'https://workshop.example.net/blog/'],
        ['jottings', 'https://workshop.example.net/jottings/'],
        ['whiteboard note', 'https://workshop.example.net/n/whiteboards-for-remote-teams/'],
      ],
    );
    assert.deepEqual(
      byPath.get('articles/pairing.de.md')?.pageLinks.map((l) => [l.title, l.url]),
      [
        ['Alle Artikel', 'https://workshop.example.net/de/artikel/'],
        ['die Notizen', 'https://workshop.example.net/de/jottings/'],
      ],
    );
    assert.deepEqual(
      byPath.get('articles/pairing.md')?.links.map((l) => l.url),
      ['https://slides.example.com/pairing-across-time-zones'],
    );
  });
});
