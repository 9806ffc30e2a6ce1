// The reader's way, for `npm run bench` (BENCH_PARTS=navigation): from navigation to the first
// line of output.
// - first visit: a browser with an empty profile opens a chapter, scrolls to its first playground
//   as soon as the HTML is parsed and presses Run the moment the button takes a click;
// - return visit: the same browser (same profile: HTTP cache, compiled-code caches, storage), a
//   little later, does the same on another chapter.
// The site is served with the deploy target's headers (GitHub Pages: `Cache-Control: max-age=600`).
// The bare page of the same build (baseline-nav.html) starts Pyodide the moment it loads and runs
// the same example with Pyodide's own means; it gets a first and a return visit too. Each round
// visits both, in alternating order; ratios are the median of the rounds' own ratios.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { NETWORKS, startThrottle } from './throttle.mjs';

export const FIRST_CHAPTER = 'chapters/02-asyncio-basics/';
export const RETURN_CHAPTER = 'chapters/12-asynchronous-queues/';
/** The first chapter's first playground: the bare page runs the same program. */
const EXAMPLE = 'examples/02-asyncio-basics/coroutine_object.py';
/** How long the reader reads between the two visits (browsers write their caches meanwhile). */
const BETWEEN_VISITS_MS = 5000;
/** GitHub Pages, the deploy target, lets browsers keep every file for ten minutes. */
const DEPLOY_HEADERS = { 'cache-control': 'max-age=600' };

/**
 * Runs in every page before its own scripts: scrolls to the first playground as soon as the HTML
 * is parsed, clicks its Run button the moment the live one takes a click, and notes when the first
 * line of output shows. Times are `performance.now()`: milliseconds since navigation.
 */
function readerScript() {
  const nav = (window.__nav ??= {});
  document.addEventListener('DOMContentLoaded', () => {
    const figure = document.querySelector('figure[data-playground]');
    if (!figure) return;
    nav.contentLoadedAt = performance.now();
    figure.scrollIntoView({ block: 'center' });
    const look = () => {
      if (nav.runAt === undefined) {
        const run = figure.dataset.ready ? figure.querySelector('.pg-island .pg-btn-primary') : null;
        if (run && run.getAttribute('aria-disabled') !== 'true' && !run.disabled) {
          nav.runAt = performance.now();
          run.click();
        }
      }
      if (nav.runAt !== undefined && nav.firstOutputAt === undefined && figure.querySelector('.pg-line')) {
        nav.firstOutputAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(look);
    observer.observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
    look();
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fixed = (value) => (Number.isFinite(value) ? Number(value.toFixed(3)) : null);
const ms = (value) => `${Math.round(value)} ms`;

/**
 * What the page noted: navigation to Run pressed and to first output, and the page's marks; and,
 * given `sent` (bytes the network has carried so far), the megabytes this visit downloaded.
 */
async function visit(context, url, sent) {
  const before = sent?.();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__nav?.firstOutputAt !== undefined, undefined, { timeout: 180_000, polling: 50 });
  const nav = await page.evaluate(() => ({
    ...window.__nav,
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
  }));
  await page.close();
  return sent ? { ...nav, downloadedMb: (sent() - before) / 1e6 } : nav;
}

/**
 * One reader on the site and one on the bare page, each in a browser with a profile of its own (a
 * persistent context keeps the disk cache and code caches a real browser keeps; an incognito
 * context keeps neither), first visit then return visit.
 */
async function round({ url, launchOptions, order, sent }) {
  const sides = {
    site: [url(FIRST_CHAPTER), url(RETURN_CHAPTER)],
    bare: [url('__bench/baseline-nav.html'), url('__bench/baseline-nav.html?again')],
  };
  const result = {};
  for (const side of order) {
    const profile = mkdtempSync(path.join(tmpdir(), 'bench-profile-'));
    const context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript(readerScript);
      const [first, again] = sides[side];
      const firstVisit = await visit(context, first, sent);
      await new Promise((resolve) => setTimeout(resolve, BETWEEN_VISITS_MS));
      const returnVisit = await visit(context, again, sent);
      result[side] = { first: firstVisit, again: returnVisit };
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return result;
}

/** Medians of the rounds; each ratio is taken within its round first. */
function summarize(rounds) {
  const at = (v) => v.firstOutputAt;
  const range = (values) => [Math.min(...values), Math.max(...values)].map(fixed);
  const first = rounds.map((r) => at(r.site.first) / at(r.bare.first));
  const again = rounds.map((r) => at(r.site.again) / at(r.site.first));
  const againBare = rounds.map((r) => at(r.site.again) / at(r.bare.again));
  const bareAgain = rounds.map((r) => at(r.bare.again) / at(r.bare.first));
  return {
    navigationRounds: rounds.length,
    bareFirstVisitMs: Math.round(median(rounds.map((r) => at(r.bare.first)))),
    bareReturnVisitMs: Math.round(median(rounds.map((r) => at(r.bare.again)))),
    bareReturnRatio: fixed(median(bareAgain)),
    firstVisitMs: Math.round(median(rounds.map((r) => at(r.site.first)))),
    firstVisitRunAtMs: Math.round(median(rounds.map((r) => r.site.first.runAt))),
    // When the page made the Python worker, and when Python was ready (page marks, if any).
    firstVisitWorkerAtMs: Math.round(median(rounds.map((r) => r.site.first.marks['python:worker'] ?? NaN))),
    firstVisitPythonReadyMs: Math.round(median(rounds.map((r) => r.site.first.marks['python:ready'] ?? NaN))),
    firstVisitRatio: fixed(median(first)),
    firstVisitRatioRange: range(first),
    returnVisitMs: Math.round(median(rounds.map((r) => at(r.site.again)))),
    returnVisitRunAtMs: Math.round(median(rounds.map((r) => r.site.again.runAt))),
    returnVisitRatio: fixed(median(again)),
    returnVisitRatioRange: range(again),
    returnVisitBareRatio: fixed(median(againBare)),
    // Over a throttled network only: megabytes each visit downloaded.
    firstVisitMb: fixed(median(rounds.map((r) => r.site.first.downloadedMb ?? NaN))),
    returnVisitMb: fixed(median(rounds.map((r) => r.site.again.downloadedMb ?? NaN))),
  };
}

/** The files a visit downloads that the proxy would gzip: compressed before the rounds. */
function bigFiles(dist, base) {
  const under = (dir) => readdirSync(path.join(dist, dir)).map((name) => `${base}${dir}/${name}`);
  return [...under('pyodide'), ...under('_astro'), ...[FIRST_CHAPTER, RETURN_CHAPTER, '__bench/'].map((p) => `${base}${p}`)];
}

/** `rounds` paired rounds against the site at `origin` (`sent`: see `visit`). */
async function rounds(origin, base, count, launchOptions, sent) {
  const url = (p) => `${origin}${base}${p}`;
  const samples = [];
  for (let i = 0; i < count; i++) {
    samples.push(await round({ url, launchOptions, sent, order: i % 2 === 0 ? ['bare', 'site'] : ['site', 'bare'] }));
  }
  return samples;
}

/**
 * The navigation figures: `count` paired rounds on the built site in `dist` under `base`, served
 * as it is (no network: what the browser's CPU does) and then through each of `networks` (names in
 * throttle.mjs's NETWORKS), `networkRounds` rounds each.
 */
export async function navigationBench({ dist, base, rounds: count, executablePath, args, networks = [], networkRounds = 3 }) {
  base = base.replace(/\/?$/, '/');
  const benchDir = path.join(dist, '__bench');
  const program = readFileSync(EXAMPLE, 'utf8');
  const page = readFileSync(new URL('./baseline-nav.html', import.meta.url), 'utf8');
  writeFileSync(path.join(benchDir, 'baseline-nav.html'), page.replace('"__PROGRAM__"', JSON.stringify(program).replace(/</g, '\\u003c')));
  const server = await preview({ logLevel: 'error', server: { host: '127.0.0.1', port: 0, headers: DEPLOY_HEADERS } });
  const origin = `http://127.0.0.1:${server.port}`;
  const launchOptions = { executablePath, headless: true, args };
  const byNetwork = {};
  let samples;
  try {
    samples = await rounds(origin, base, count, launchOptions);
    for (const name of networks) {
      const throttle = await startThrottle(origin, NETWORKS[name]);
      try {
        await throttle.prime(bigFiles(dist, base));
        byNetwork[name] = await rounds(throttle.origin, base, networkRounds, { ...launchOptions, args: [...args, ...throttle.chromiumArgs] }, throttle.sent);
      } finally {
        await throttle.close();
      }
    }
  } finally {
    await server.stop();
  }
  const networkSummaries = Object.fromEntries(Object.entries(byNetwork).map(([name, s]) => [name, summarize(s)]));
  return { summary: { ...summarize(samples), networks: networkSummaries }, samples: { local: samples, ...byNetwork } };
}

/** The lines `npm run bench` prints. */
export function printNavigation(n) {
  console.log(
    `Navigation to first output, bare page (Pyodide at load): first visit ${ms(n.bareFirstVisitMs)}, return visit ${ms(n.bareReturnVisitMs)} (ratio ${n.bareReturnRatio})`,
  );
  console.log(
    `Navigation to first output, chapter, first visit: ${ms(n.firstVisitMs)} (worker made at ${ms(n.firstVisitWorkerAtMs)}, Run pressed at ${ms(n.firstVisitRunAtMs)}, Python ready at ${ms(n.firstVisitPythonReadyMs)})  ratio to bare ${n.firstVisitRatio} (median of ${n.navigationRounds} paired rounds, range ${n.firstVisitRatioRange.join('-')}) (goal <= 1.05, then 0.8)`,
  );
  console.log(
    `Navigation to first output, another chapter, return visit: ${ms(n.returnVisitMs)} (Run pressed at ${ms(n.returnVisitRunAtMs)})  ratio to first visit ${n.returnVisitRatio} (range ${n.returnVisitRatioRange.join('-')}) (goal <= 0.5); to the bare return visit ${n.returnVisitBareRatio}`,
  );
  for (const [name, w] of Object.entries(n.networks ?? {})) {
    const { mbps, rttMs } = NETWORKS[name];
    console.log(
      `  over ${name} (${mbps} Mbit/s, ${rttMs} ms round trip, ${w.navigationRounds} rounds): first visit ${ms(w.firstVisitMs)} (${w.firstVisitMb} MB downloaded, Python ready at ${ms(w.firstVisitPythonReadyMs)}), ratio to bare ${w.firstVisitRatio} (range ${w.firstVisitRatioRange.join('-')}); return visit ${ms(w.returnVisitMs)} (${w.returnVisitMb} MB), ratio to first visit ${w.returnVisitRatio} (range ${w.returnVisitRatioRange.join('-')}); bare page ${ms(w.bareFirstVisitMs)} then ${ms(w.bareReturnVisitMs)}`,
    );
  }
}
