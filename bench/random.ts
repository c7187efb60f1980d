/** A seeded source of randomness: the same seed gives the same site, the same queries, the same figures' inputs. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1) (mulberry32: small, fast, and good enough for synthetic text). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s: Zipf's law, which word
 * frequencies in real text follow closely (a few words everywhere, a long tail of rare ones).
 */
export class Zipf {
  readonly #cumulative: Float64Array;

  constructor(n: number, s = 1.07) {
    this.#cumulative = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) {
      total += 1 / (rank + 1) ** s;
      this.#cumulative[rank] = total;
    }
    for (let rank = 0; rank < n; rank++) this.#cumulative[rank] = (this.#cumulative[rank] ?? 0) / total;
  }

  /** A rank, 0 the most frequent, within [fromRank, toRank) when given (those ranks keep their proportions). */
  draw(random: Random, fromRank = 0, toRank = this.#cumulative.length): number {
    const floor = fromRank > 0 ? (this.#cumulative[fromRank - 1] ?? 0) : 0;
    const ceiling = this.#cumulative[toRank - 1] ?? 1;
    const u = floor + random.next() * (ceiling - floor);
    let low = fromRank;
    let high = toRank - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#cumulative[mid] ?? 1) < u) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
