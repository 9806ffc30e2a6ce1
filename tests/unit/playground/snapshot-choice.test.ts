import { describe, expect, it } from 'vitest';
import {
  cpuProbe,
  downloadRate,
  expectedDownloadMs,
  MIN_MEASURED_BYTES,
  REFERENCE_PROBE_MS,
  shouldFetchSnapshot,
  SNAPSHOT_DOWNLOAD_BUDGET_MS,
  snapshotBudgetMs,
} from '../../../src/lib/playground/snapshot-choice.ts';

/** The gzipped snapshot of this build, about: 6.3 MB. */
const SNAPSHOT_BYTES = 6_260_000;
/** Megabits per second, in bytes per millisecond. */
const mbits = (n: number) => (n * 1_000_000) / 8 / 1000;
/** The snapshot's download time at `n` Mbit/s. */
const at = (n: number) => expectedDownloadMs(mbits(n), SNAPSHOT_BYTES);

describe('the network, from downloads made side by side', () => {
  it('sums their bytes over the span from the first start to the last end', () => {
    const rate = downloadRate([
      { transferSize: 3_500_000, startTime: 100, responseEnd: 1100 },
      { transferSize: 2_500_000, startTime: 120, responseEnd: 900 },
      { transferSize: 300_000, startTime: 110, responseEnd: 400 },
    ]);
    expect(rate).toBeCloseTo(6_300_000 / 1000);
    expect(expectedDownloadMs(rate, 6_300_000)).toBeCloseTo(1000);
  });

  it('says nothing when the files came from the browser cache, or the size is unknown', () => {
    expect(downloadRate([{ transferSize: 0, startTime: 0, responseEnd: 3 }])).toBeUndefined();
    expect(downloadRate([{ transferSize: MIN_MEASURED_BYTES - 1, startTime: 0, responseEnd: 5000 }])).toBeUndefined();
    expect(expectedDownloadMs(undefined, SNAPSHOT_BYTES)).toBeUndefined();
    expect(expectedDownloadMs(mbits(10), 0)).toBeUndefined();
  });
});

describe('whether the start-up snapshot is worth its download', () => {
  const desktop = REFERENCE_PROBE_MS;
  const phone = REFERENCE_PROBE_MS * 5;

  it('is, on a desktop, at 50 Mbit/s and on a local network', () => {
    expect(shouldFetchSnapshot(at(50), desktop)).toBe(true);
    expect(shouldFetchSnapshot(at(1000), desktop)).toBe(true);
  });

  it('is not, on a desktop, at 10 Mbit/s, where it cost 5 s and the first output came 1.43x later', () => {
    expect(shouldFetchSnapshot(at(10), desktop)).toBe(false);
  });

  it('is, on a CPU five times slower, at 10 Mbit/s: the restore saves more than the download costs', () => {
    expect(shouldFetchSnapshot(at(10), phone)).toBe(true);
    expect(shouldFetchSnapshot(at(2), phone)).toBe(false);
  });

  it('has a budget that grows with a slower CPU and never falls below the reference', () => {
    expect(snapshotBudgetMs(desktop)).toBe(SNAPSHOT_DOWNLOAD_BUDGET_MS);
    expect(snapshotBudgetMs(desktop / 4)).toBe(SNAPSHOT_DOWNLOAD_BUDGET_MS);
    expect(snapshotBudgetMs(phone)).toBe(SNAPSHOT_DOWNLOAD_BUDGET_MS * 5);
  });

  it('is fetched when the download time is unknown: one download, kept for every later visit', () => {
    expect(shouldFetchSnapshot(undefined, desktop)).toBe(true);
  });

  it("is not when Pyodide's own files took too long to arrive at all", () => {
    expect(shouldFetchSnapshot(Infinity, phone * 10)).toBe(false);
  });
});

describe('the CPU probe', () => {
  it('times its work with the clock it is given', () => {
    let clock = 0;
    expect(cpuProbe(() => (clock += 7))).toBe(7);
  });
});
