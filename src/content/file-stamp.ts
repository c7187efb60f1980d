import type { Stats } from 'node:fs';

/** What says a file is unchanged since it was read: any write changes its size or its times. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /** The change time: also moves when a copy or checkout restores an old modification time. */
  readonly ctimeMs: number;
  readonly ino: number;
}

/** The stamp of a file's stats. */
export function fileStamp(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** Whether two stamps are of the same file, unchanged. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/**
 * File systems keep times coarsely (a few milliseconds on Linux, two seconds on FAT), so a file
 * written twice within one tick, at the same size, keeps its stamp. A stamp is trusted only when the
 * file had not been written for this long before it was read; a newer file is parsed again next time.
 * (Only the modification time counts: a write moves it to the present, wherever it was before.)
 */
const settleMs = 2000;

/** Whether a file stamped as it was read at `readAt` (ms since the epoch) can be trusted later. */
export function isSettled(stamp: FileStamp, readAt: number): boolean {
  return stamp.mtimeMs < readAt - settleMs;
}
