/**
 * How a chapter's Python starts on a reader's first visit: the build's start-up snapshot (6.3 MB)
 * is downloaded only on a network fast enough for it to pay for itself
 * (src/lib/playground/snapshot-choice.ts). The slow network is Chromium's own throttling of the
 * page, whose preloads of Pyodide's files are what the page measures.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Playground } from './fixtures';

const CHAPTER = 'chapters/02-asyncio-basics/';
/** Where the page keeps the network's measured rate, in bytes per ms. */
const RATE_KEY = 'asyncio-live:download-rate:v1';

/**
 * The start-up snapshot's downloads, from the page and from its worker. The worker first asks
 * the browser's cache alone (`cache: 'only-if-cached'`); that request fails when the cache does
 * not have it, and is not counted.
 */
function snapshotDownloads(page: Page): string[] {
  const seen: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('.snapshot')) seen.push(request.url());
  });
  return seen;
}

async function run(first: Playground): Promise<void> {
  await first.live();
  await first.run();
}

test('on a fast network, the first visit downloads the start-up snapshot', async ({ page, playground }) => {
  const snapshots = snapshotDownloads(page);
  await page.goto(CHAPTER);
  await run(playground());
  expect(snapshots).toHaveLength(1);
});

test('on a slow network, the first visit starts Python without downloading the snapshot', async ({ page, playground }) => {
  const cdp = await page.context().newCDPSession(page);
  const throttle = (bytesPerSecond: number) =>
    cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  // 20 Mbit/s: Pyodide's 13.5 MB (as this server sends them, uncompressed) take 5.4 s, and the
  // 6.3 MB snapshot would take 2.5 s more, past its 2 s budget.
  await throttle(2_500_000);
  const snapshots = snapshotDownloads(page);
  await page.goto(CHAPTER);
  const first = playground();
  await first.figure.scrollIntoViewIfNeeded();
  // The page has measured the network (and keeps the rate for visits that measure nothing).
  const rate = await page.waitForFunction((key) => Number(localStorage.getItem(key)), RATE_KEY, { timeout: 30_000 });
  expect(await rate.jsonValue()).toBeLessThanOrEqual(2500);
  // The rest at full speed: in this test browser the worker downloads the 9.6 MB WebAssembly
  // file again (its in-memory cache keeps no file that large), which says nothing of the site.
  await throttle(-1);
  await run(first);
  expect(snapshots, 'no snapshot downloaded').toEqual([]);
});
