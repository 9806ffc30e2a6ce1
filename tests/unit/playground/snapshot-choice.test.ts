import { describe, expect, it } from 'vitest';
import {
  downloadRate,
  MIN_MEASURED_BYTES,
  shouldFetchSnapshot,
  SNAPSHOT_DOWNLOAD_BUDGET_MS,
} from '../../../src/lib/playground/snapshot-choice.ts';

/** The gzipped snapshot of this build, about: 6.3 MB. */
const SNAPSHOT_BYTES = 6_260_000;
/** Megabits per second, in bytes per millisecond. */
const mbits = (n: number) => (n * 1_000_000) / 8 / 1000;

describe('the network, from downloads made side by side', () => {
  it('sums their bytes over the span from the first start to the last end', () => {
    const rate = downloadRate([
      { transferSize: 3_500_000, startTime: 100, responseEnd: 1100 },
      { transferSize: 2_500_000, startTime: 120, responseEnd: 900 },
      { transferSize: 300_000, startTime: 110, responseEnd: 400 },
    ]);
    expect(rate).toBeCloseTo(6_300_000 / 1000);
  });

  it('says nothing when the files came from the browser cache', () => {
    expect(downloadRate([{ transferSize: 0, startTime: 0, responseEnd: 3 }])).toBeUndefined();
    expect(downloadRate([{ transferSize: MIN_MEASURED_BYTES - 1, startTime: 0, responseEnd: 5000 }])).toBeUndefined();
  });
});

describe('whether the start-up snapshot is worth its download', () => {
  it('is at 50 Mbit/s and on a local network', () => {
    expect(shouldFetchSnapshot(mbits(50), SNAPSHOT_BYTES)).toBe(true);
    expect(shouldFetchSnapshot(mbits(1000), SNAPSHOT_BYTES)).toBe(true);
  });

  it('is not at 10 Mbit/s, where it cost 5 s and the first output came 1.43x later than without it', () => {
    expect(shouldFetchSnapshot(mbits(10), SNAPSHOT_BYTES)).toBe(false);
  });

  it('is when its download fits the budget, and not when it does not', () => {
    const atBudget = SNAPSHOT_BYTES / SNAPSHOT_DOWNLOAD_BUDGET_MS;
    expect(shouldFetchSnapshot(atBudget * 1.01, SNAPSHOT_BYTES)).toBe(true);
    expect(shouldFetchSnapshot(atBudget * 0.99, SNAPSHOT_BYTES)).toBe(false);
  });

  it('is fetched when the network or the size is unknown: one download, kept for every later visit', () => {
    expect(shouldFetchSnapshot(undefined, SNAPSHOT_BYTES)).toBe(true);
    expect(shouldFetchSnapshot(mbits(10), 0)).toBe(true);
  });
});
