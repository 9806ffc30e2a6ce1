// The I/O chapters' part of `npm run bench` (BENCH_PARTS=io): on the built chapter 5 page, a
// reader's first database run (Python, then PGlite, then the pooled query example) against a
// reader's first plain run on the same page, in fresh tabs, paired and alternating, as a ratio
// (goal: 1.5 or less); where the database run's time goes (from the worker's own messages);
// PGlite's bytes as the site serves them, gzipped; and the memory each run adds to the browser.
//
// The plain run is the same page with the pooled example's playground turned into a plain one
// (its configuration in the HTML declares no stand-ins and holds a program that only prints),
// so both runs load the same page, the same scripts and the same Python.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const CHAPTER = 'chapters/05-non-blocking-database-drivers/';
const DATABASE_EXAMPLE = '05-non-blocking-database-drivers/pool_handout.py';
const PLAIN_PROGRAM = 'import asyncio\n\n\nasync def main() -> None:\n    await asyncio.sleep(0.1)\n    print("first line")\n\n\nasyncio.run(main())\n';
/** How often the browser's memory is sampled during a run, for its peak. */
const MEMORY_SAMPLE_MS = 250;

/**
 * Every process the browser started (descendants of this Node process: the browser, its zygotes,
 * renderers and GPU/utility processes), with their proportional set size summed: shared pages
 * are split between the processes that share them, so the sum does not count them twice.
 */
function browserMemoryBytes() {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift();
    queue.push(...(children.get(pid) ?? []));
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // gone, or not ours to read
    }
  }
  return total;
}

/**
 * The worker's messages as the page receives them, stamped with the page's clock. The runtime's
 * client talks with its worker over a MessageChannel (port1 stays in the page): one more
 * listener on every channel's port1 sees what the client sees.
 */
function recordWorkerMessages() {
  window.__ioBench = { messages: [] };
  const Original = window.MessageChannel;
  window.MessageChannel = class extends Original {
    constructor() {
      super();
      this.port1.addEventListener('message', (event) => {
        const { type, what, phase, ms, status } = event.data ?? {};
        if (type === 'output' || type === 'taskEvents') return;
        window.__ioBench.messages.push({ at: performance.now(), type, what, phase, ms, status });
      });
    }
  };
}

/** The chapter page with the database example's playground made plain (see the header). */
function plainPage(html) {
  return html.replace(/(<script type="application\/json" class="pg-config"[^>]*>)(.*?)(<\/script>)/gs, (whole, open, json, close) => {
    const config = JSON.parse(json);
    if (config.id !== DATABASE_EXAMPLE) return whole;
    config.main.code = PLAIN_PROGRAM;
    config.run.standins = [];
    delete config.recorded;
    return `${open}${JSON.stringify(config).replace(/</g, '\\u003c')}${close}`;
  });
}

/**
 * One reader's first run on a fresh visit: the page opens, the playground comes into view (which
 * starts loading Python, as it does for a reader), Run is pressed as soon as it can be; the time
 * is from the press to the status line's "exit status".
 */
async function firstRun(browser, url, plain) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } }); // empty cache
  if (plain) {
    await context.route(`**/${CHAPTER}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: plainPage(await response.text()) });
    });
  }
  const page = await context.newPage();
  await page.addInitScript(recordWorkerMessages);
  await page.goto(url(CHAPTER));
  const figure = page.locator(`figure[data-example="${DATABASE_EXAMPLE}"]`);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.pg-live .cm-content').waitFor({ timeout: 120_000 });
  const memoryBefore = browserMemoryBytes();
  let memoryPeak = memoryBefore;
  const sampler = setInterval(() => (memoryPeak = Math.max(memoryPeak, browserMemoryBytes())), MEMORY_SAMPLE_MS);
  const pressed = await page.evaluate(() => performance.now());
  await figure.getByRole('button', { name: 'Run', exact: true }).click();
  await figure.locator('.pg-status').filter({ hasText: /exit status/ }).waitFor({ timeout: 300_000 });
  const ended = await page.evaluate(() => performance.now());
  clearInterval(sampler);
  const memoryAfter = browserMemoryBytes();
  memoryPeak = Math.max(memoryPeak, memoryAfter);
  const status = await figure.locator('.pg-status').innerText();
  if (!/exit status 0/.test(status)) throw new Error(`the ${plain ? 'plain' : 'database'} run ended with "${status}"`);
  const messages = await page.evaluate(() => window.__ioBench.messages);
  await context.close();
  const since = (at) => (at === undefined ? undefined : Math.round(at - pressed));
  const first = (test) => messages.find((m) => m.at >= pressed && test(m))?.at;
  return {
    ms: ended - pressed,
    // Phases from Run: Python ready, PGlite's files downloaded (and its wasm compiled), PGlite
    // started from the snapshot (its own figure, `ms`, is from the start of its download).
    pythonReadyMs: since(messages.find((m) => m.type === 'ready')?.at ?? pressed) ?? 0,
    databaseDownloadStartMs: since(first((m) => m.type === 'loading' && m.phase === 'download')),
    databaseDownloadedMs: since(first((m) => m.type === 'loading' && m.phase === 'start')),
    databaseReadyMs: since(first((m) => m.type === 'loading' && m.phase === 'ready')),
    databaseLoadMs: messages.find((m) => m.type === 'loading' && m.phase === 'ready')?.ms,
    memoryAddedBytes: memoryAfter - memoryBefore,
    memoryPeakAddedBytes: memoryPeak - memoryBefore,
  };
}

/** PGlite's files as the site serves them, raw and gzipped (the snapshot is a .tar.gz already). */
export function pgliteBytes(dist) {
  const folder = path.join(dist, 'pglite');
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  const sizes = { raw: 0, gzipped: 0, snapshot: 0 };
  for (const name of readdirSync(folder)) {
    if (name === 'manifest.json') continue;
    const file = path.join(folder, name);
    if (name === manifest.snapshot) sizes.snapshot = statSync(file).size;
    else {
      sizes.raw += statSync(file).size;
      sizes.gzipped += gzipSync(readFileSync(file), { level: 9 }).length;
    }
  }
  return sizes;
}

const median = (values) => {
  const defined = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  return defined[Math.floor(defined.length / 2)];
};
const mb = (bytes) => Math.round(bytes / 1e5) / 10;
const fixed = (value) => Number(value.toFixed(3));

/** Runs the rounds; returns the figures and the lines `npm run bench` prints. */
export async function ioBench({ browser, url, dist, rounds }) {
  const database = [];
  const plain = [];
  for (let round = 0; round < rounds; round++) {
    // Alternating order: whatever drifts over a round does not always favour the same side.
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const isPlain of order) (isPlain ? plain : database).push(await firstRun(browser, url, isPlain));
  }
  const ratios = database.map((d, i) => d.ms / plain[i].ms);
  const bytes = pgliteBytes(dist);
  const summary = {
    rounds,
    firstDatabaseRunMs: Math.round(median(database.map((r) => r.ms))),
    firstPlainRunMs: Math.round(median(plain.map((r) => r.ms))),
    databaseRatio: fixed(median(ratios)),
    databaseRatioRange: [Math.min(...ratios), Math.max(...ratios)].map(fixed),
    // Where the database run's time goes, from Run (medians).
    pythonReadyMs: median(database.map((r) => r.pythonReadyMs)),
    databaseDownloadStartMs: median(database.map((r) => r.databaseDownloadStartMs)),
    databaseDownloadedMs: median(database.map((r) => r.databaseDownloadedMs)),
    databaseReadyMs: median(database.map((r) => r.databaseReadyMs)),
    databaseLoadMs: median(database.map((r) => r.databaseLoadMs)),
    pgliteRawBytes: bytes.raw,
    pgliteGzippedBytes: bytes.gzipped,
    snapshotBytes: bytes.snapshot,
    databaseMemoryAddedMb: mb(median(database.map((r) => r.memoryAddedBytes))),
    databaseMemoryPeakAddedMb: mb(median(database.map((r) => r.memoryPeakAddedBytes))),
    plainMemoryAddedMb: mb(median(plain.map((r) => r.memoryAddedBytes))),
    plainMemoryPeakAddedMb: mb(median(plain.map((r) => r.memoryPeakAddedBytes))),
  };
  const s = summary;
  const lines = [
    `Chapter 5, first database run (PGlite + pooled queries): ${s.firstDatabaseRunMs} ms, first plain run ${s.firstPlainRunMs} ms  ratio ${s.databaseRatio} (median of ${rounds} paired rounds, range ${s.databaseRatioRange.join('-')}) (goal <= 1.5)`,
    `  the database run from Run: Python ready ${s.pythonReadyMs} ms, PGlite's download begun ${s.databaseDownloadStartMs} ms, downloaded and compiled ${s.databaseDownloadedMs} ms, started from its snapshot ${s.databaseReadyMs} ms (PGlite's own load ${s.databaseLoadMs} ms)`,
    `  PGlite ${mb(s.pgliteRawBytes)} MB raw, ${mb(s.pgliteGzippedBytes)} MB gzipped (goal <= 6 MB) + snapshot ${mb(s.snapshotBytes)} MB; memory added (browser PSS): database run ${s.databaseMemoryAddedMb} MB (peak ${s.databaseMemoryPeakAddedMb}), plain run ${s.plainMemoryAddedMb} MB (peak ${s.plainMemoryPeakAddedMb})`,
  ];
  return { summary, samples: { database, plain }, lines };
}
