/**
 * The `limit` best of `docs` by `scores` (higher first, ties by document order), among those `admit`
 * lets through, without sorting them all or making an object per document: a common word of a large
 * site is held by a hundred thousand documents, of which a query keeps twenty.
 */
export function bestDocs(
  docs: ArrayLike<number>,
  scores: Float64Array,
  limit: number,
  admit: (doc: number) => boolean,
): number[] {
  const better = (x: number, y: number) =>
    (scores[x] as number) > (scores[y] as number) || (scores[x] === scores[y] && x < y);
  // A min-heap of the best `limit` so far, its worst at the top: O(n log limit).
  const heap: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as number;
    if (!admit(doc)) continue;
    if (heap.length < limit) {
      heap.push(doc);
      siftUp(heap, heap.length - 1, better);
    } else if (better(doc, heap[0] as number)) {
      heap[0] = doc;
      siftDown(heap, 0, better);
    }
  }
  return heap.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
}

type Better = (x: number, y: number) => boolean;

function siftUp(heap: number[], at: number, better: Better): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!better(heap[parent] as number, heap[at] as number)) return;
    [heap[parent], heap[at]] = [heap[at] as number, heap[parent] as number];
    at = parent;
  }
}

function siftDown(heap: number[], at: number, better: Better): void {
  for (;;) {
    const left = at * 2 + 1;
    const right = left + 1;
    let worst = at;
    if (left < heap.length && better(heap[worst] as number, heap[left] as number)) worst = left;
    if (right < heap.length && better(heap[worst] as number, heap[right] as number)) worst = right;
    if (worst === at) return;
    [heap[worst], heap[at]] = [heap[at] as number, heap[worst] as number];
    at = worst;
  }
}
