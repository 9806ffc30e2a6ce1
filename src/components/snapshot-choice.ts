/**
 * The page's side of the start-up snapshot's choice (src/lib/playground/snapshot-choice.ts):
 * Resource Timing tells how fast Pyodide's preloaded files came, and so how long the snapshot's
 * download should take; the worker weighs that against its CPU, and asks only when the browser
 * does not have the snapshot yet. The rate is remembered for the visits whose files all come from
 * the cache, which measure nothing.
 */
import { downloadRate, expectedDownloadMs, type Download } from '../lib/playground/snapshot-choice.ts';

/** The gzipped snapshot's size in bytes, known to the build (0 when it has none). */
declare const __PYODIDE_SNAPSHOT_BYTES__: number;

/** Only a rate: how fast this browser's last measured network was, in bytes per ms. */
const RATE_KEY = 'asyncio-live:download-rate:v1';
/** Files that take longer than this to arrive came over a network far too slow for the snapshot. */
const PATIENCE_MS = 20_000;

function rememberedRate(): number | undefined {
  try {
    const rate = Number(localStorage.getItem(RATE_KEY));
    return Number.isFinite(rate) && rate > 0 ? rate : undefined;
  } catch {
    return undefined;
  }
}

function remember(rate: number): void {
  try {
    localStorage.setItem(RATE_KEY, String(Math.round(rate)));
  } catch {
    // Storage full or refused: the next visit measures again or fetches.
  }
}

/** The Resource Timing entries of these URLs, once all have arrived; undefined after `patienceMs`. */
function downloadsOf(urls: readonly string[], patienceMs: number): Promise<Download[] | undefined> {
  return new Promise((resolve) => {
    const found = new Map<string, PerformanceResourceTiming>();
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
        if (urls.includes(entry.name) && !found.has(entry.name)) found.set(entry.name, entry);
      }
      if (found.size < urls.length) return;
      done([...found.values()]);
    });
    const timer = setTimeout(() => done(undefined), patienceMs);
    const done = (downloads: Download[] | undefined) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(downloads);
    };
    observer.observe({ type: 'resource', buffered: true });
  });
}

/**
 * How long the snapshot should take to download, in ms: watches the preloads of `urls`
 * (absolute) and answers once they have all arrived. Files too slow to arrive at all answer
 * Infinity; undefined when there is nothing to tell by.
 */
export async function expectSnapshotDownload(urls: readonly string[], patienceMs = PATIENCE_MS): Promise<number | undefined> {
  if (typeof PerformanceObserver === 'undefined') return undefined;
  const downloads = await downloadsOf(urls, patienceMs);
  if (!downloads) return Infinity;
  const measured = downloadRate(downloads);
  if (measured !== undefined) remember(measured);
  return expectedDownloadMs(measured ?? rememberedRate(), __PYODIDE_SNAPSHOT_BYTES__);
}
