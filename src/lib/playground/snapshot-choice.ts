/**
 * Whether a first visit should download the start-up snapshot (src/runtime/snapshot.ts), decided
 * from how fast the network delivered Pyodide's own files. Restoring the snapshot saves CPU (on
 * this project's desktop, a start 1.3 s shorter than Pyodide's own), but the snapshot is 6.3 MB
 * more to download: at 50 Mbit/s it pays for itself, at 10 Mbit/s it costs 5 s and the first
 * output came 1.43x later than a bare Pyodide start's (README, "The start-up snapshot's trade").
 * A snapshot the browser already has is always used; this only decides whether to fetch it.
 */

/** What Resource Timing says of one download (a `PerformanceResourceTiming` has these). */
export interface Download {
  /** Bytes that came over the network, headers included; 0 when the browser's cache answered. */
  transferSize: number;
  startTime: number;
  responseEnd: number;
}

/**
 * Below this many bytes on the wire, Pyodide's files came (mostly) from the browser's cache and
 * say nothing of the network.
 */
export const MIN_MEASURED_BYTES = 1_000_000;

/**
 * The longest the snapshot's download may be expected to take for it to be worth it. A restore
 * saved 1.3 s over a fresh start on a desktop CPU; a phone's CPU, two to four times slower, saves
 * two to four times that. 2 s is fetched from about 25 Mbit/s: a desktop on a link just above
 * that loses at most 0.7 s, a phone gains.
 */
export const SNAPSHOT_DOWNLOAD_BUDGET_MS = 2000;

/**
 * Bytes per millisecond the network delivered across downloads made side by side (they share
 * one link, so their bytes are summed over the span from the first start to the last end);
 * undefined when too few bytes crossed it to tell.
 */
export function downloadRate(downloads: readonly Download[]): number | undefined {
  const bytes = downloads.reduce((sum, download) => sum + download.transferSize, 0);
  if (bytes < MIN_MEASURED_BYTES) return undefined;
  const start = Math.min(...downloads.map((download) => download.startTime));
  const end = Math.max(...downloads.map((download) => download.responseEnd));
  return bytes / Math.max(end - start, 1);
}

/**
 * Whether to fetch a snapshot of `snapshotBytes` at `rate` (bytes per ms). An unknown rate (the
 * other files were cached) or size fetches it: it is then one download, kept for every later
 * visit, where a fresh start would be paid again on each.
 */
export function shouldFetchSnapshot(rate: number | undefined, snapshotBytes: number): boolean {
  if (rate === undefined || snapshotBytes <= 0) return true;
  return snapshotBytes / rate <= SNAPSHOT_DOWNLOAD_BUDGET_MS;
}
