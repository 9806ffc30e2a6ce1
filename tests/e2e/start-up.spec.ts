/**
 * How a chapter measures the network its reader is on, to choose whether the build's start-up
 * snapshot (6.3 MB) is worth downloading (src/lib/playground/snapshot-choice.ts): from the
 * preloads of Pyodide's files, as they arrive. The slow network is Chromium's own throttling of
 * the page. (The choice itself also weighs the CPU: runtime.spec.ts checks a download too slow
 * for any CPU; on the test server's own speed the snapshot is downloaded, which
 * playground.spec.ts checks in its first run.)
 */
import { expect, test } from './fixtures';

const CHAPTER = 'chapters/02-asyncio-basics/';
/** Where the page keeps the network's measured rate, in bytes per ms. */
const RATE_KEY = 'asyncio-live:download-rate:v1';

test('a chapter measures a slow network on the files Python starts with, and keeps the rate', async ({ page, playground }) => {
  const cdp = await page.context().newCDPSession(page);
  // 20 Mbit/s: Pyodide's 13.5 MB (as this server sends them, uncompressed) take 5.4 s.
  const bytesPerSecond = 2_500_000;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  await page.goto(CHAPTER);
  expect(await page.evaluate((key) => localStorage.getItem(key), RATE_KEY), 'nothing measured before Python is needed').toBeNull();
  await playground().figure.scrollIntoViewIfNeeded();
  const measured = await page.waitForFunction((key) => Number(localStorage.getItem(key)), RATE_KEY, { timeout: 30_000 });
  const rate = (await measured.jsonValue()) as number;
  // Bytes per ms: at most the throttle's, and not far below it (the files' own round trips).
  expect(rate).toBeLessThanOrEqual(bytesPerSecond / 1000);
  expect(rate).toBeGreaterThan(bytesPerSecond / 1000 / 2);
});
