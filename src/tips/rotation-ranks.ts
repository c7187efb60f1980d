/** A key with its rank in (0, 1): a hash while a round is drawn, then its evenly spaced place. */
export interface Ranked {
  readonly key: string;
  v: number;
}

/** Orders by rank, ties by key, so that equal hashes still give one order everywhere. */
export function byRank(a: Ranked, b: Ranked): number {
  return a.v - b.v || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Inserts by rank, never before index `from`: the keys already shown keep their places. */
export function insertAfter(list: Ranked[], from: number, item: Ranked): void {
  let i = from;
  while (i < list.length && byRank(list[i] as Ranked, item) <= 0) i++;
  list.splice(i, 0, item);
}

/** A binary min-heap by rank: the free key with the lowest hash comes out first. */
export class RankHeap {
  readonly #items: Ranked[] = [];

  /** Adds a released key. */
  push(item: Ranked): void {
    const items = this.#items;
    items.push(item);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (byRank(items[parent] as Ranked, items[i] as Ranked) <= 0) break;
      [items[parent], items[i]] = [items[i] as Ranked, items[parent] as Ranked];
      i = parent;
    }
  }

  /** Takes out the key of lowest rank; undefined when none is free. */
  pop(): Ranked | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && byRank(items[l] as Ranked, items[m] as Ranked) < 0) m = l;
      if (r < items.length && byRank(items[r] as Ranked, items[m] as Ranked) < 0) m = r;
      if (m === i) break;
      [items[m], items[i]] = [items[i] as Ranked, items[m] as Ranked];
      i = m;
    }
    return top;
  }
}
