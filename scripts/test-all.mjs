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
  vitestTier('browser', 'e2e', [], { SITE_DIST: 'dist', BASE_PATH: '/' });
  // The same sources built for a sub-path: no asset or link may assume the site lives at `/`.
  const subBuild = commandTier(`build (base ${SUB_PATH})`, 'npm', ['run', 'build'], {
    BASE_PATH: SUB_PATH,
    OUT_DIR: './dist-subpath',
  });
  if (subBuild) {
    vitestTier(`browser (base ${SUB_PATH})`, 'e2e', ['tests/e2e/site.test.ts', 'tests/e2e/runtime.test.ts'], {
      SITE_DIST: 'dist-subpath',
      BASE_PATH: SUB_PATH,
    });
  }
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
if (failures.length > 0) {
  console.log('\nFailed tests');
  for (const line of failures) console.log(`  ${line}`);
}
if (total.skipped > 0 && !requireAll) {
  console.log('\nWARNING: some tests or tiers did not run (see above). This is not a full pass.');
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
