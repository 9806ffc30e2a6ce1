/**
 * An exercise author's quick loop: runs the fixtures of the exercises you name (every one when
 * none is named) through the runner on CPython, exactly as the tests do, and says which behave.
 *
 *     node scripts/exercises/check.ts breakfast              # ids containing "breakfast"
 *     node scripts/exercises/check.ts 11- --lang pt-BR -v    # chapter 11, Portuguese, verdicts
 *
 * `-v` prints every verdict: each check with its message, and the known mistake. The tests
 * (tests/examples/exercises.test.ts) are the judge; this only gets you there faster.
 */
import { findPythons } from '../examples/python.ts';
import { loadExercises } from '../../src/lib/exercises/load.ts';
import { readVerdict } from '../../src/lib/exercises/verdict.ts';
import type { Lang } from '../../src/lib/site.ts';
import { runOnCPythonInParallel } from './cpython.ts';
import { checkFixtures, judgeCheck, judgePredict, predictFixtures, TEST_WORDS } from './fixtures.ts';

const args = process.argv.slice(2);
const verbose = args.includes('-v') || args.includes('--verbose');
const langAt = args.indexOf('--lang');
const lang: Lang = langAt >= 0 && args[langAt + 1] === 'pt-BR' ? 'pt-BR' : 'en';
const wanted = args.filter((arg, i) => !arg.startsWith('-') && (langAt < 0 || i !== langAt + 1));

const [python] = findPythons();
if (!python) {
  console.error('No Python 3.11+ found: set PYTHON to one.');
  process.exit(2);
}
const exercises = [...loadExercises().values()].filter((e) => wanted.length === 0 || wanted.some((w) => e.id.includes(w)));
const checks = checkFixtures(lang, exercises);
const predictions = predictFixtures(exercises, lang);
const started = performance.now();
const results = await runOnCPythonInParallel(python.command, [...checks, ...predictions].map((f) => f.run), 600_000);
let failures = 0;

checks.forEach((fixture, index) => {
  const { output, outcome } = results[index]!;
  const problem = judgeCheck(fixture, output, outcome);
  if (problem) failures++;
  console.log(`${problem ? 'FAIL' : 'ok  '} ${fixture.name}${problem ? `\n${problem}` : ''}`);
  if (verbose) {
    const verdict = readVerdict(output, outcome, TEST_WORDS);
    for (const check of verdict.checks) console.log(`       ${check.status.padEnd(4)} ${check.title}${check.message ? `: ${check.message}` : ''}`);
    if (verdict.mistake) console.log(`       mistake: ${verdict.mistake.message}`);
  }
});
predictions.forEach((fixture, index) => {
  const { output, outcome } = results[checks.length + index]!;
  const problem = judgePredict(fixture, output, outcome);
  if (problem) failures++;
  console.log(`${problem ? 'FAIL' : 'ok  '} ${fixture.name}${problem ? `\n${problem}` : ''}`);
});
console.log(`\n${results.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failures} not as expected.`);
process.exit(failures === 0 ? 0 : 1);
