#!/usr/bin/env node
// `npm test`: every tier, in order, with one summary at the end.
//
// A tier whose prerequisite is missing (Chromium for the browser tier, Python 3.11+ for the
// Python and examples tiers) is skipped with a loud message and counted in the summary. With
// CI=true or REQUIRE_ALL_TIERS=1 a missing prerequisite is a failure instead: CI may not skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const requireAll = process.env.CI === 'true' || process.env.REQUIRE_ALL_TIERS === '1';
const python = process.env.PYTHON ?? 'python3';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The sub-path the browser tier's second build is served under, as on GitHub Pages. */
const SUB_PATH = '/asyncio-study/';
const reportDir = mkdtempSync(path.join(tmpdir(), 'test-report-'));

const results = [];
/** Failed tests, named again under the summary: a CI log often keeps only its tail. */
const failures = [];

/** `tier › file › test: first line of the error` for each failed test of a Vitest JSON report. */
function failedTests(tier, json) {
  const lines = [];
  for (const file of json.testResults ?? []) {
    const relative = path.relative(process.cwd(), file.name);
    const failedAssertions = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const assertion of failedAssertions) {
      const firstLine = (assertion.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
      lines.push(`${tier} › ${relative} › ${assertion.fullName}: ${firstLine}`);
    }
    // A file that failed to load has no assertions, only a message.
    if (file.status === 'failed' && failedAssertions.length === 0) {
      lines.push(`${tier} › ${relative}: ${(file.message ?? '').split('\n')[0].slice(0, 300)}`);
    }
  }
  return lines;
}

/** `tier › file › test: first line of the error` for each failed test of a Playwright JSON report. */
function failedPlaywrightTests(tier, json) {
  const lines = [];
  const walk = (suite, titles) => {
    for (const child of suite.suites ?? []) walk(child, child.title && child.title !== child.file ? [...titles, child.title] : titles);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
        const result = test.results?.findLast((r) => r.status !== 'passed' && r.status !== 'skipped');
        const error = result?.errors?.[0]?.message ?? result?.error?.message ?? '';
        // Playwright's messages carry terminal colours; a log wants plain text.
        const firstLine = error.replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0].slice(0, 300);
        lines.push(`${tier} › ${path.join('tests/e2e', spec.file)} › ${[...titles, spec.title].join(' › ')}: ${firstLine}`);
      }
    }
  };
  for (const suite of json.suites ?? []) walk(suite, []);
  // Errors outside any test: a config or web server that did not start, a file that did not load.
  for (const error of json.errors ?? []) {
    lines.push(`${tier}: ${(error.message ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n')[0].slice(0, 300)}`);
  }
  return lines;
}

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

function vitestTier(name, project, files = [], env = {}) {
  const report = path.join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  const { ok, seconds } = run(
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...files],
    env,
  );
  let passed = 0;
  let failed = ok ? 0 : 1;
  let skipped = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (ok || json.numFailedTests > 0 ? 0 : 1);
    skipped = json.numPendingTests + json.numTodoTests;
    failures.push(...failedTests(name, json));
  }
  results.push({ name, passed, failed, skipped, seconds });
}

/**
 * The browser tier: Playwright Test (playwright.config.ts) against a built site. Returns the
 * parsed JSON report (undefined if none was written) for the budget report.
 */
function playwrightTier(name, args, env) {
  const report = path.join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  const { ok, seconds } = run('npx', ['playwright', 'test', ...args], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report });
  let passed = 0;
  let failed = ok ? 0 : 1;
  let skipped = 0;
  let json;
  if (existsSync(report)) {
    json = JSON.parse(readFileSync(report, 'utf8'));
    const stats = json.stats ?? {};
    passed = stats.expected ?? 0;
    // With no retries nothing can be flaky; if it ever is, it failed once and counts as failed.
    const failedTests = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    failed = failedTests + (ok || failedTests > 0 ? 0 : 1);
    skipped = stats.skipped ?? 0;
    failures.push(...failedPlaywrightTests(name, json));
  }
  results.push({ name, passed, failed, skipped, seconds });
  return { seconds, json };
}

function commandTier(name, command, args, env = {}) {
  const { ok, seconds } = run(command, args, env);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds });
  return ok;
}

function pythonTier() {
  const started = Date.now();
  const result = spawnSync(python, ['-m', 'unittest', 'discover', '-s', 'tests/python', '-t', '.', '-v'], {
    encoding: 'utf8',
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  const ran = Number(/Ran (\d+) tests?/.exec(result.stderr ?? '')?.[1] ?? 0);
  const counts = /FAILED \(([^)]*)\)/.exec(result.stderr ?? '')?.[1] ?? '';
  const failed = [...counts.matchAll(/(?:failures|errors)=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  const skipped = Number(/skipped=(\d+)/.exec(counts || result.stderr || '')?.[1] ?? 0);
  for (const match of (result.stderr ?? '').matchAll(/^(?:FAIL|ERROR): (.+)$/gm)) {
    failures.push(`python › ${match[1]}`);
  }
  results.push({
    name: 'python (CPython runner)',
    passed: ran - failed - skipped,
    failed: result.status === 0 ? failed : Math.max(failed, 1),
    skipped,
    seconds: (Date.now() - started) / 1000,
  });
}

function missing(name, why) {
  const banner = '!'.repeat(78);
  console.error(`\n${banner}\n!! ${name} tier NOT RUN: ${why}\n${banner}\n`);
  results.push({ name, passed: 0, failed: requireAll ? 1 : 0, skipped: 1, seconds: 0, why });
}

function pythonVersionOk() {
  const probe = spawnSync(python, ['-c', 'import sys; print(sys.version_info >= (3, 11))'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.trim() === 'True';
}

/**
 * The browser tier's time against its goal, and how much of it the crawl takes: the tier must
 * stay under BROWSER_GOAL seconds (root and sub-path runs together). a11y.spec.ts marks each
 * per-page test with a `crawled page` annotation (and a `template` one) and each per-template
 * test with `template page`; a page added later adds about its kind's time per page.
 */
const BROWSER_GOAL = 300;

/** Test time (s) and template of each test that carries an annotation of `type`. */
function annotatedTests(json, type) {
  const tests = [];
  const walk = (suite) => {
    for (const child of suite.suites ?? []) walk(child);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const annotations = test.annotations ?? [];
        if (!annotations.some((a) => a.type === type)) continue;
        tests.push({
          seconds: (test.results ?? []).reduce((n, r) => n + r.duration, 0) / 1000,
          template: annotations.find((a) => a.type === 'template')?.description ?? '',
        });
      }
    }
  };
  for (const suite of json?.suites ?? []) walk(suite);
  return tests;
}

const sum = (list) => list.reduce((a, b) => a + b, 0);
const mean = (list) => sum(list) / Math.max(1, list.length);

function browserBudget(root, sub) {
  const pages = annotatedTests(root.json, 'crawled page');
  if (pages.length === 0) return undefined;
  const templates = annotatedTests(root.json, 'template page');
  const workers = root.json.config?.metadata?.actualWorkers ?? root.json.config?.workers ?? 1;
  // Tests run `workers` at a time: a page adds its test time divided by the workers.
  const perPage = mean(pages.map((p) => p.seconds)) / workers;
  // The costliest kind of page (with at least two pages): what a new long page costs.
  const byTemplate = new Map();
  for (const p of pages) byTemplate.set(p.template, [...(byTemplate.get(p.template) ?? []), p.seconds]);
  const [costliest, costliestPages] = [...byTemplate]
    .filter(([, seconds]) => seconds.length >= 2)
    .map(([name, seconds]) => [name, mean(seconds) / workers])
    .reduce((a, b) => (b[1] > a[1] ? b : a), ['', perPage]);
  const perTemplate = mean(templates.map((t) => t.seconds)) / workers;
  const now = root.seconds + (sub?.seconds ?? 0);
  const crawl = (sum(pages.map((p) => p.seconds)) + sum(templates.map((t) => t.seconds))) / workers;
  return [
    `Browser tier budget (goal: under ${BROWSER_GOAL} s, root and sub-path runs together)`,
    `  crawl: ${pages.length} pages, ${perPage.toFixed(2)} s of tier time per page on average (${workers} workers); ` +
      `${costliest || 'a page'}: ${costliestPages.toFixed(2)} s per page`,
    `  crawl in all: ${crawl.toFixed(1)} s with its ${templates.length} template checks (${perTemplate.toFixed(2)} s each); ` +
      `every other browser test: ${(root.seconds - crawl).toFixed(1)} s`,
    `  now: ${now.toFixed(1)} s (root ${root.seconds.toFixed(1)} s${sub ? ` + sub-path ${sub.seconds.toFixed(1)} s` : ''})` +
      (now > BROWSER_GOAL ? '  OVER BUDGET' : ''),
  ];
}

let budget;
const hasPython = pythonVersionOk();
const hasChromium = existsSync(chromium);

vitestTier('unit', 'unit');
// TypeScript strict over the whole project, .astro files included.
commandTier('typecheck (astro check)', 'npx', ['astro', 'check']);
if (hasPython) {
  if (existsSync('tests/python')) pythonTier();
  vitestTier('examples', 'examples');
} else {
  missing('python + examples', `${python} 3.11 or newer not found (set PYTHON to another interpreter)`);
}

const build = commandTier('build (root base)', 'npm', ['run', 'build']);
if (!hasChromium) {
  missing('browser', `no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
} else if (build) {
  const root = playwrightTier('browser', [], { SITE_DIST: 'dist', BASE_PATH: '/' });
  // The same sources built for a sub-path: no asset or link may assume the site lives at `/`.
  // The tests tagged @subpath (what depends on the base: assets, links, search, Python) run again.
  const subBuild = commandTier(`build (base ${SUB_PATH})`, 'npm', ['run', 'build'], {
    BASE_PATH: SUB_PATH,
    OUT_DIR: './dist-subpath',
  });
  const sub = subBuild
    ? playwrightTier(`browser (base ${SUB_PATH})`, ['--grep', '@subpath'], { SITE_DIST: 'dist-subpath', BASE_PATH: SUB_PATH })
    : undefined;
  budget = browserBudget(root, sub);
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nTier summary');
for (const r of results) {
  total.passed += r.passed;
  total.failed += r.failed;
  total.skipped += r.skipped;
  const note = r.why ? `  NOT RUN: ${r.why}` : '';
  console.log(
    `  ${r.name.padEnd(30)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)} s${note}`,
  );
}
if (budget) console.log(`\n${budget.join('\n')}`);
if (failures.length > 0) {
  console.log('\nFailed tests');
  for (const line of failures) console.log(`  ${line}`);
}
if (total.skipped > 0 && !requireAll) {
  console.log('\nWARNING: some tests or tiers did not run (see above). This is not a full pass.');
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
