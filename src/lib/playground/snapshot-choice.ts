/**
 * Whether a first visit should download the start-up snapshot (src/runtime/snapshot.ts). Restoring
 * it saves CPU, and the slower the CPU the more it saves; it costs 6.3 MB more to download, and the
 * slower the network the more that costs. Measured with `npm run bench` (README, "How Python
 * starts in the page"): on this project's desktop CPU the snapshot won at 50 Mbit/s and lost at
 * 10 Mbit/s (1.43x a bare Pyodide start); with the browser held to half a core, like a modest
 * phone, it saved 7.9 s and a start without it at 10 Mbit/s came 1.5x later than the bare page's.
 *
 * So the page measures the network (how fast Pyodide's own files came) and the worker its CPU
 * (a fixed piece of work, timed), and the snapshot is fetched when its download should take less
 * than what it saves on that CPU. One the browser already has is always used.
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
 * What the snapshot saves on the reference CPU, the desktop `cpuProbe` takes REFERENCE_PROBE_MS
 * on, in ms of download it may cost. A restore saved 1.3-1.6 s there; 2 s is fetched from about
 * 25 Mbit/s.
 */
export const SNAPSHOT_DOWNLOAD_BUDGET_MS = 2000;

/**
 * `cpuProbe` on the reference desktop CPU, run once in a fresh Chromium worker as the site runs
 * it: 12-62 ms, median 22, over ten runs. With the browser held to half a core it took 50-244 ms,
 * median 105: the probe is noisy, but the trade is near even close to the budget, where it errs.
 */
export const REFERENCE_PROBE_MS = 20;

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

/** How long `bytes` should take at `rate` (bytes per ms); undefined when either is unknown. */
export function expectedDownloadMs(rate: number | undefined, bytes: number): number | undefined {
  return rate === undefined || bytes <= 0 ? undefined : bytes / rate;
}

/**
 * The download the snapshot may cost on a CPU that took `probeMs` for `cpuProbe`: the reference
 * budget, grown in proportion to how much slower the CPU is (never shrunk: a faster CPU than the
 * reference gains less, but the budget is already the reference's cautious figure).
 */
export function snapshotBudgetMs(probeMs: number): number {
  return SNAPSHOT_DOWNLOAD_BUDGET_MS * Math.max(1, probeMs / REFERENCE_PROBE_MS);
}

/**
 * Whether to fetch the snapshot, expected to download in `downloadMs`, on a CPU that took
 * `probeMs` for `cpuProbe`. An unknown download time (the other files were cached, and no rate
 * was kept) fetches it: it is then one download, kept for every later visit, where a start
 * without it would be paid again on each.
 */
export function shouldFetchSnapshot(downloadMs: number | undefined, probeMs: number): boolean {
  return downloadMs === undefined || downloadMs <= snapshotBudgetMs(probeMs);
}

/**
 * A fixed piece of CPU work (hashing 4 MB in a loop), timed in ms: about REFERENCE_PROBE_MS on the
 * reference desktop, more on a slower CPU or a busy one, which are the same to a reader waiting.
 */
export function cpuProbe(now: () => number = () => performance.now()): number {
  const data = new Uint8Array(1 << 20);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  const started = now();
  let hash = 0x811c9dc5;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ data[i]!, 0x01000193);
  }
  const ms = now() - started;
  // The hash is used, so no engine can skip the loop.
  return hash === 0.5 ? ms + 1 : ms;
}
