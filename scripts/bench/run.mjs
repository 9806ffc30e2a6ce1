// `npm run bench`: the runtime against a bare Pyodide page, in headless Chromium, on the built
// site (run `npm run build` first). Figures, not a pass/fail test:
// - cold: from the first Run to the first line of output, as a ratio to the baseline's;
// - warm: a second Run to its first output;
// - started ahead: warmUp() when the page opens, a reader who reads for 3 s, then Run;
// - stop: a runaway loop, with JSPI (cooperative) and without (the worker is ended);
// - recording: a program of 10,000 tasks and about 100,000 steps, with the timeline's task
//   events recorded and without, as a ratio (goal: 1.10 or less);
// - drawing: the same program run in a playground, its 100,000 events drawn as they arrive,
//   then the lanes scrolled and the cursor moved to the end: the longest main-thread task seen
//   by a long-task observer (goal: never over 200 ms), and the page's JavaScript heap;
// - navigation (navigation.mjs): the reader's way, from navigation to the first output on a
//   chapter (first visit) and on another chapter in the same browser (return visit), served
//   as built and over a reader's networks (throttle.mjs).
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/e2e/support/chromium.ts';
import { ioBench } from './io.mjs';
import { offlineBench, offlineLine } from './offline.mjs';
import { navigationBench, printNavigation } from './navigation.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.env.SITE_DIST ?? 'dist');
const base = process.env.BASE_PATH ?? '/';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const READING_MS = 3000;
const PROGRAM = 'import asyncio\n\nasync def main():\n    print("first line")\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n';
/** 10,000 tasks of 10 steps each: 100,000 steps, 220,000 task events (past the recorder's cap). */
const MANY_TASKS = `import asyncio


async def worker(n: int) -> int:
    for _ in range(9):
        await asyncio.sleep(0)
    return n


async def main() -> None:
    results = await asyncio.gather(*(worker(i) for i in range(10_000)))
    print(len(results), sum(results))


asyncio.run(main())
`;
const RECORDING_ROUNDS = Number(process.env.BENCH_RECORDING_ROUNDS ?? 5);
/** `BENCH_PARTS=recording,drawing` measures only those (default: all but `offline`, see offline.mjs). */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'cold,recording,drawing,io,navigation').split(','));

if (!existsSync(path.join(dist, 'dev/runtime/index.html'))) {
  console.error(`No built site with the runtime page in ${dist}: run \`npm run build\` first.`);
  process.exit(1);
}
const benchDir = path.join(dist, '__bench');
mkdirSync(benchDir, { recursive: true });
for (const file of ['baseline.html', 'baseline-worker.mjs']) copyFileSync(path.join(here, file), path.join(benchDir, file));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value) => `${Math.round(value)} ms`;
/** A ratio to three places; null when that part was not measured (BENCH_PARTS). */
const fixed = (value) => (Number.isFinite(value) ? Number(value.toFixed(3)) : null);

// Served as the browser tier serves it: `astro preview` of this build under its base.
process.env.OUT_DIR = dist;
process.env.BASE_PATH = base;
const server = await preview({ logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
const url = (p) => `http://127.0.0.1:${server.port}${base.replace(/\/?$/, '/')}${p}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info'] });

async function freshPage(p) {
  const context = await browser.newContext(); // empty cache: a cold visit
  const page = await context.newPage();
  await page.goto(url(p));
  return page;
}

const runPython = (page, code, clock = 'virtual', record = true) => page.evaluate(([c, k, r]) => window.runPython(c, k, r), [code, clock, record]);

try {
  const results = {
    baselineMs: [],
    coldMs: [],
    warmMs: [],
    aheadMs: [],
    stopJspiMs: [],
    stopNoJspiMs: [],
    recordOnMs: [],
    recordOffMs: [],
  };
  for (let round = 0; round < (PARTS.has('cold') ? ROUNDS : 0); round++) {
    // The cold pair runs in alternating order, so that whatever drifts over a round (the
    // machine warming up, the other core busy) does not always favour the same side.
    const pair = [coldBaseline, coldRuntime];
    for (const visit of round % 2 === 0 ? pair : pair.reverse()) await visit(results);

    let page = await freshPage('dev/runtime/');
    await page.waitForFunction(() => typeof window.runPython === 'function');
    await page.evaluate(() => void window.pyRuntime.warmUp()); // what a playground does when it comes into view
    await page.waitForTimeout(READING_MS);
    results.aheadMs.push((await runPython(page, PROGRAM)).firstOutputMs);
    await page.context().close();

    page = await freshPage('dev/runtime/?jspi=off');
    await page.waitForFunction(() => typeof window.runPython === 'function');
    await runPython(page, 'print(1)');
    results.stopNoJspiMs.push(await stopTime(page));
    await page.context().close();
  }

  if (PARTS.has('recording')) await recording(results);
  const drawing = PARTS.has('drawing') ? await drawingRun() : {};
  // The I/O chapters' database runs (io.mjs).
  const io = PARTS.has('io') ? await ioBench({ browser, url, dist, rounds: Number(process.env.BENCH_IO_ROUNDS ?? 5) }) : undefined;
  // The "Available offline" switch (offline.mjs).
  const offline = PARTS.has('offline') ? await offlineBench({ browser, url, rounds: Number(process.env.BENCH_OFFLINE_ROUNDS ?? 3) }) : undefined;
  const rounds = Number(process.env.BENCH_NAVIGATION_ROUNDS ?? 5);
  const navigation = PARTS.has('navigation')
    ? await navigationBench({
        dist,
        base,
        rounds,
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_FLAGS,
        // The reader's networks (throttle.mjs): BENCH_NETWORKS=none measures only the local figures.
        networks: (process.env.BENCH_NETWORKS ?? 'broadband,mobile').split(',').filter((n) => n && n !== 'none'),
        networkRounds: Number(process.env.BENCH_NETWORK_ROUNDS ?? 3),
      })
    : { summary: {}, samples: [] };
  results.navigation = navigation.samples;

  const baseline = median(results.baselineMs);
  const cold = median(results.coldMs);
  // Each round's runtime against the same round's baseline: the machine's mood cancels out.
  const pairedRatios = results.coldMs.map((c, i) => c / results.baselineMs[i]);
  const summary = {
    rounds: ROUNDS,
    baselineFirstOutputMs: Math.round(baseline),
    coldFirstOutputMs: Math.round(cold),
    coldRatio: fixed(median(pairedRatios)),
    coldRatioRange: [Math.min(...pairedRatios), Math.max(...pairedRatios)].map(fixed),
    // Medians move with a busy machine; the fastest of each is the steadier comparison.
    coldRatioBest: fixed(Math.min(...results.coldMs) / Math.min(...results.baselineMs)),
    warmFirstOutputMs: Math.round(median(results.warmMs)),
    startedAheadFirstOutputMs: Math.round(median(results.aheadMs)),
    stopJspiMs: Math.round(median(results.stopJspiMs)),
    stopWithoutJspiMs: Math.round(median(results.stopNoJspiMs)),
    recordingOffMs: Math.round(median(results.recordOffMs)),
    recordingOnMs: Math.round(median(results.recordOnMs)),
    recordingRatio: fixed(median(results.recordOnMs.map((on, i) => on / results.recordOffMs[i]))),
    recordingRatioBest: fixed(Math.min(...results.recordOnMs) / Math.min(...results.recordOffMs)),
    taskEvents: results.taskEvents,
    ...drawing,
    ...navigation.summary,
  };
  if (PARTS.has('cold')) {
    console.log(`Pyodide baseline, Run to first output (cold):   ${ms(baseline)}`);
    console.log(
      `Runtime, Run to first output (cold):             ${ms(cold)}  ratio ${summary.coldRatio} (median of ${ROUNDS} paired rounds, range ${summary.coldRatioRange.join('-')}; best-of ${summary.coldRatioBest}) (goal <= 1.05)`,
    );
    console.log(`Runtime, Run to first output (warm):             ${ms(summary.warmFirstOutputMs)}  (goal < 50 ms)`);
    console.log(`Started when seen, reader reads ${READING_MS / 1000} s, then Run:  ${ms(summary.startedAheadFirstOutputMs)}  (goal < 300 ms)`);
    console.log(`Stop a runaway loop, JSPI (cooperative):         ${ms(summary.stopJspiMs)}`);
    console.log(`Stop a runaway loop, no JSPI (worker ended):     ${ms(summary.stopWithoutJspiMs)}`);
  }
  if (PARTS.has('recording'))
    console.log(
      `Recording, 10,000 tasks / 100,000 steps:         ${ms(summary.recordingOnMs)} on, ${ms(summary.recordingOffMs)} off  ratio ${summary.recordingRatio} (median of ${RECORDING_ROUNDS} paired rounds; best-of ${summary.recordingRatioBest}) (goal <= 1.10); ${summary.taskEvents} events kept`,
    );
  if (PARTS.has('drawing'))
    console.log(
      `Drawing ${drawing.drawnEvents} events (${drawing.drawnTasks} tasks) in a playground:  longest main-thread task ${ms(drawing.longestTaskMs)} (${drawing.longTasks} over 50 ms: ${drawing.longTaskPhases.join(' ')}) (goal <= 200 ms); with the timeline hidden ${ms(drawing.hiddenLongestTaskMs)} (${drawing.hiddenLongTasks} over 50 ms: ${drawing.hiddenLongTaskPhases.join(' ')}); from a trace, the longest main-thread task took ${ms(drawing.longestTaskCpuMs)} of CPU with the timeline shown (${ms(drawing.hiddenLongestTaskCpuMs)} hidden), over ${ms(drawing.longestTaskWallMs)} of wall time; JS heap ${drawing.heapBeforeMb} MB before, ${drawing.heapAfterMb} MB after; ${drawing.droppedNote}`,
    );
  if (io) console.log(io.lines.join('\n'));
  if (offline) console.log(offlineLine(offline));
  if (PARTS.has('navigation')) printNavigation(summary);
  console.log(JSON.stringify({ summary, samples: results, ...(io && { io: io.summary, ioSamples: io.samples }), ...(offline && { offline }) }));
} finally {
  await browser.close();
  await server.stop();
  rmSync(benchDir, { recursive: true, force: true });
}

/** A fresh visit to the bare Pyodide page: Run to the first line of output. */
async function coldBaseline(results) {
  const page = await freshPage('__bench/baseline.html');
  await page.waitForFunction(() => typeof window.baseline === 'function');
  results.baselineMs.push((await page.evaluate((code) => window.baseline(code), PROGRAM)).firstOutputMs);
  await page.context().close();
}

/** A fresh visit to the runtime page: the first Run, then warm runs and a stop on the same page. */
async function coldRuntime(results) {
  const page = await freshPage('dev/runtime/');
  await page.waitForFunction(() => typeof window.runPython === 'function');
  results.coldMs.push((await runPython(page, PROGRAM)).firstOutputMs);
  for (let i = 0; i < 3; i++) results.warmMs.push((await runPython(page, PROGRAM)).firstOutputMs);
  results.stopJspiMs.push(await stopTime(page));
  await page.context().close();
}

/**
 * The same program with the timeline's recording on and off, on one page, in alternating order
 * (a busy machine moves both sides together); the page reads every event as a playground does.
 */
async function recording(results) {
  const page = await freshPage('dev/runtime/');
  await page.waitForFunction(() => typeof window.runPython === 'function');
  await runPython(page, 'print(1)');
  for (let round = 0; round < RECORDING_ROUNDS; round++) {
    for (const record of round % 2 === 0 ? [true, false] : [false, true]) {
      const run = await runPython(page, MANY_TASKS, 'virtual', record);
      if (run.stdout !== '10000 49995000\n') throw new Error(`the recording benchmark printed ${JSON.stringify(run.stdout)}`);
      (record ? results.recordOnMs : results.recordOffMs).push(run.wallMs);
      if (record) results.taskEvents = run.taskEvents;
    }
  }
  await page.context().close();
}

/**
 * The recording program run in the scratch playground, as a reader would: the timeline draws the
 * events as batches arrive; then the reader scrolls the lanes and moves the cursor to the end.
 * A long-task observer, installed before the page loads, sees every main-thread task of 50 ms
 * or more.
 */
async function drawingRun() {
  // Twice: the timeline shown, then hidden (the reader's choice, remembered). What the page does
  // anyway (receiving the events, the playground's own redraws, a machine busy with the worker)
  // shows in the second; the difference is the drawing.
  const shown = await playgroundRun(false);
  const hidden = await playgroundRun(true);
  return {
    ...shown,
    hiddenLongTasks: hidden.longTasks,
    hiddenLongestTaskMs: hidden.longestTaskMs,
    hiddenLongTaskPhases: hidden.longTaskPhases,
    hiddenLongestTaskCpuMs: hidden.longestTaskCpuMs,
  };
}

/**
 * The recording program run in the scratch playground, as a reader would (after a first, warm-up
 * run, so loading Python is not counted): the timeline draws the events as batches arrive; then
 * the reader scrolls the lanes and moves the cursor to the end. A long-task observer, installed
 * before the page loads, sees every main-thread task of 50 ms or more from Run on.
 */
async function playgroundRun(timelineHidden) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.addInitScript((hidden) => {
    if (hidden) localStorage.setItem('playground:timeline-collapsed', 'true');
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__longTasks.push({
          start: entry.startTime,
          duration: entry.duration,
        });
    }).observe({ type: 'longtask', buffered: true });
  }, timelineHidden);
  await page.goto(url('my-playgrounds/'));
  const fig = page.locator('figure[data-playground]').first();
  await fig.locator('.pg-live .cm-content').waitFor({ timeout: 120_000 });
  const typeCode = async (code) => {
    await fig.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(code);
  };
  await typeCode('print("warm")\n');
  await fig.locator('.pg-btn-primary').click();
  await fig
    .locator('.pg-status')
    .filter({ hasText: /exit status 0/ })
    .waitFor({ timeout: 600_000 });
  await typeCode(MANY_TASKS);
  const heapBefore = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  const from = await page.evaluate(() => performance.now());
  // A trace too: it gives each main-thread task's CPU time beside its wall time. On a loaded
  // machine a task can take 300 ms of wall time for 30 ms of work: the thread was waiting for a core.
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await fig.locator('.pg-btn-primary').click();
  await fig
    .locator('.pg-status')
    .filter({ hasText: /exit status 0/ })
    .waitFor({ timeout: 600_000 });
  const ended = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  const scrolled = await page.evaluate(() => performance.now());
  let summary = { tasks: 0, events: 0, dropped: '' };
  let stepped = scrolled;
  if (!timelineHidden) {
    const lanes = fig.locator('.tl-lanes');
    for (let i = 1; i <= 10; i++) {
      await lanes.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), i / 10);
      await page.waitForTimeout(100);
    }
    stepped = await page.evaluate(() => performance.now());
    await fig.locator('.tl-step input[type=range]').focus();
    await page.keyboard.press('End');
    await page.waitForTimeout(500);
    summary = await page.evaluate(() => {
      const text = document.querySelector('.tl-summary')?.textContent ?? '';
      return {
        tasks: Number(/^\D*(\d+)/.exec(text)?.[1] ?? 0), // the summary's first number: tasks
        events: Number(document.querySelector('.tl-step input[type=range]')?.getAttribute('max') ?? -1) + 1,
        dropped: document.querySelector('.tl-note-warn')?.textContent ?? '',
      };
    });
  }
  const mainTasks = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()));
  const long = await page.evaluate((t0) => window.__longTasks.filter((t) => t.start >= t0), from);
  const heapAfter = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await context.close();
  const mb = (bytes) => Math.round(bytes / 1e5) / 10;
  return {
    drawnEvents: summary.events,
    drawnTasks: summary.tasks,
    droppedNote: summary.dropped || 'nothing dropped',
    longTasks: long.length,
    longestTaskMs: Math.round(Math.max(0, ...long.map((t) => t.duration))),
    // When each long task started: while the run went on, after it, while scrolling, stepping.
    longTaskPhases: long.map(
      (t) => `${t.start < ended ? 'run' : t.start < scrolled ? 'after' : t.start < stepped ? 'scroll' : 'cursor'}+${Math.round(t.duration)}`,
    ),
    heapBeforeMb: mb(heapBefore),
    heapAfterMb: mb(heapAfter),
    longestTaskWallMs: Math.round(Math.max(0, ...mainTasks.map((t) => t.wallMs))),
    longestTaskCpuMs: Math.round(Math.max(0, ...mainTasks.map((t) => t.cpuMs))),
  };
}

/** The page's main-thread tasks in a Chromium trace: wall time and the thread's CPU time, in ms. */
function mainThreadTasks(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  return events
    .filter((e) => e.tid === main && e.ph === 'X' && e.name === 'RunTask')
    .map((e) => ({ wallMs: e.dur / 1000, cpuMs: (e.tdur ?? e.dur) / 1000 }));
}

async function stopTime(page) {
  return page.evaluate(async () => {
    const running = window.pyRuntime.run('n = 0\nwhile True:\n    n += 1', {
      clock: 'real',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = performance.now();
    await window.pyRuntime.stop();
    const stopMs = performance.now() - started;
    await running;
    return stopMs;
  });
}
