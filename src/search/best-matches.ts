import type { TermMatch } from './term-index.ts';

/** The `limit` best matches, best first (ties by document order), without sorting them all. */
export function bestMatches(found: TermMatch[], limit: number): TermMatch[] {
  const better = (x: TermMatch, y: TermMatch) => x.score > y.score || (x.score === y.score && x.doc < y.doc);
  if (found.length > limit * 4) {
    // A min-heap of the best `limit` so far: O(n log limit) for the common words of a large site.
    const heap: TermMatch[] = [];
    for (const match of found) {
      if (heap.length < limit) {
        heap.push(match);
        siftUp(heap, heap.length - 1, better);
      } else if (better(match, heap[0] as TermMatch)) {
        heap[0] = match;
        siftDown(heap, 0, better);
      }
    }
    found = heap;
  }
  return found.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0)).slice(0, limit);
}

type Better = (x: TermMatch, y: TermMatch) => boolean;

function siftUp(heap: TermMatch[], at: number, better: Better): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!better(heap[parent] as TermMatch, heap[at] as TermMatch)) return;
    [heap[parent], heap[at]] = [heap[at] as TermMatch, heap[parent] as TermMatch];
    at = parent;
  }
}

function siftDown(heap: TermMatch[], at: number, better: Better): void {
  for (;;) {
    const left = at * 2 + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && better(heap[worst] as TermMatch, heap[left] as TermMatch)) worst = left;
    if (right < heap.length && better(heap[worst] as TermMatch, heap[right] as TermMatch)) worst = right;
    if (worst === at) return;
    [heap[worst], heap[at]] = [heap[at] as TermMatch, heap[worst] as TermMatch];
    at = worst;
  }
}
