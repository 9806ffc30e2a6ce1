// `npm run bench` part "offline" (BENCH_PARTS=offline): the "Available offline" switch as a
// reader uses it, in headless Chromium on the built site.
// - save: from turning the switch on to its "done" (one language: pages, search, Pyodide,
//   PGlite), and the bytes it stored;
// - navigation to first output on a chapter, opened with no network from the saved copy, as a
//   ratio to the same navigation online in a fresh browser (no copy, empty HTTP cache). Rounds
//   alternate which goes first; the ratio is taken within each round.
const FIRST = 'chapters/01-getting-to-know-asyncio/';
const CHAPTER = 'chapters/02-asyncio-basics/';
const EXAMPLE = '02-asyncio-basics/create_task.py';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Milliseconds from navigating to `CHAPTER` to its playground's first line of output. */
async function navigationToFirstOutput(page, url) {
  const started = Date.now();
  await page.goto(url(CHAPTER));
  const figure = page.locator(`figure[data-playground][data-example="${EXAMPLE}"]`);
  await figure.scrollIntoViewIfNeeded();
  const run = figure.getByRole('button', { name: 'Run', exact: true });
  await run.click({ timeout: 60_000 });
  await figure.locator('.pg-line').first().waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

/** A fresh browser that saved the offline copy: how long saving took and what it stored. */
async function savedCopy(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url(FIRST));
  const toggle = page.getByRole('switch', { name: 'Available offline' });
  await toggle.scrollIntoViewIfNeeded();
  const started = Date.now();
  await toggle.check();
  await page.locator('[data-offline-switch][data-offline-state="saved"]').waitFor({ timeout: 180_000 });
  const saveMs = Date.now() - started;
  const storedBytes = await page.evaluate(async () => {
    let bytes = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
    }
    return bytes;
  });
  return { context, page, saveMs, storedBytes };
}

export async function offlineBench({ browser, url, rounds = 3 }) {
  const saveMs = [];
  const offlineMs = [];
  const onlineMs = [];
  let storedBytes = 0;
  for (let round = 0; round < rounds; round++) {
    const offline = async () => {
      const copy = await savedCopy(browser, url);
      saveMs.push(copy.saveMs);
      storedBytes = copy.storedBytes;
      await copy.context.setOffline(true);
      offlineMs.push(await navigationToFirstOutput(copy.page, url));
      await copy.context.close();
    };
    const online = async () => {
      const context = await browser.newContext();
      onlineMs.push(await navigationToFirstOutput(await context.newPage(), url));
      await context.close();
    };
    for (const visit of round % 2 === 0 ? [offline, online] : [online, offline]) await visit();
  }
  const ratios = offlineMs.map((ms, i) => ms / onlineMs[i]);
  return {
    offlineRounds: rounds,
    offlineSaveMs: Math.round(median(saveMs)),
    offlineStoredMB: Number((storedBytes / 1e6).toFixed(1)),
    offlineFirstOutputMs: Math.round(median(offlineMs)),
    onlineFirstOutputMs: Math.round(median(onlineMs)),
    offlineRatio: Number(median(ratios).toFixed(3)),
    offlineRatioRange: [Math.min(...ratios), Math.max(...ratios)].map((r) => Number(r.toFixed(3))),
  };
}

/** The line `npm run bench` prints for this part. */
export function offlineLine(s) {
  return (
    `Offline copy: saved ${s.offlineStoredMB} MB in ${s.offlineSaveMs} ms; navigation to first output ` +
    `offline from the copy ${s.offlineFirstOutputMs} ms vs online ${s.onlineFirstOutputMs} ms: ` +
    `${s.offlineRatio}x (${s.offlineRatioRange.join('-')}, ${s.offlineRounds} paired rounds)`
  );
}
