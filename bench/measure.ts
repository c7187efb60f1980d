/** The value below which `p` percent of the values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** The median. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Milliseconds `work` took. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Collects garbage when the process was started with --expose-gc, so heap figures mean live data. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Heap used and resident set, in MB. */
export function memoryMb(): { heapUsedMb: number; rssMb: number } {
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsedMb: round(heapUsed / 1048576, 1), rssMb: round(rss / 1048576, 1) };
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
