/**
 * The runs that prove every exercise, generated from its data (tests/examples/exercises.test.ts):
 *
 * - code kinds: the reference solution passes every check; the starter fails with the message
 *   `starter-fails-with` names; each `wrong/<message-id>.py` fails with its own message;
 * - predict: `program.py` prints `program.out` (and a choice question's answer is what it does).
 *
 * Each run is exactly what the page sends the worker (driver.ts), so a test passing here means a
 * reader's Check behaves the same.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunOutcome } from '../../src/runtime/protocol.ts';
import { CHECKER_MODULES, checkRun, type CheckerFiles, type CheckRun } from '../../src/lib/exercises/driver.ts';
import { localizedExercise } from '../../src/lib/exercises/comments.ts';
import { exerciseFile } from '../../src/lib/exercises/download.ts';
import { EXERCISES_DIR, loadExercises } from '../../src/lib/exercises/load.ts';
import { isCodeExercise, type CodeExercise, type Exercise, type PredictExercise } from '../../src/lib/exercises/types.ts';
import { failureIds, readVerdict, type Verdict } from '../../src/lib/exercises/verdict.ts';
import type { Lang } from '../../src/lib/site.ts';

const PYTHON_DIR = fileURLToPath(new URL('../../src/runtime/python/', import.meta.url));

/** The checker's modules, as the page sends them to the worker. */
export function checkerFiles(): CheckerFiles {
  return Object.fromEntries(CHECKER_MODULES.map((name) => [name, readFileSync(PYTHON_DIR + name, 'utf8')])) as CheckerFiles;
}

export type Expectation = { pass: true } | { failsWith: string };

export interface CheckFixture {
  /** `02-asyncio-basics/breakfast: starter fails with "too-slow"` */
  name: string;
  role: 'solution' | 'starter' | 'wrong';
  exercise: CodeExercise;
  expect: Expectation;
  run: CheckRun;
}

export interface PredictFixture {
  name: string;
  exercise: PredictExercise;
  run: CheckRun;
}

/** Words for the two verdicts the checker cannot write (a stop, a checker that never started). */
export const TEST_WORDS = {
  stoppedTitle: 'stopped',
  stopped: 'stopped after {seconds} s',
  brokenTitle: 'broken',
  broken: 'broken: {message}',
};

/** The fixtures of one code exercise: its solution, its starter, its known wrong answers. */
function fixturesOf<T>(exercise: CodeExercise, make: (role: CheckFixture['role'], label: string, code: string, expect: Expectation) => T): T[] {
  return [
    make('solution', 'solution passes', exercise.solution, { pass: true }),
    make('starter', `starter fails with "${exercise.starterFailsWith}"`, exercise.starter, { failsWith: exercise.starterFailsWith }),
    ...exercise.wrong.map((w) => make('wrong', `wrong/${w.messageId}.py fails with "${w.messageId}"`, w.code, { failsWith: w.messageId })),
  ];
}

/**
 * The exercises as a page in `lang` shows them: their starters and solutions with the comments
 * in that language (comments.ts), so a Portuguese page's code is the code the tests run.
 */
function shownIn<T extends Exercise>(lang: Lang, exercises: T[], root: string): T[] {
  return exercises.map((e) => localizedExercise(e, lang, root) as T);
}

/** Exercises that run in the page: checked through the runner, as the page checks them. */
export function checkFixtures(lang: Lang, exercises: Exercise[] = [...loadExercises().values()], root: string = EXERCISES_DIR): CheckFixture[] {
  const checker = checkerFiles();
  return shownIn(lang, exercises.filter(isCodeExercise), root).filter((e) => e.runs === 'browser').flatMap((exercise) => {
    const make = (role: CheckFixture['role'], label: string, code: string, expect: Expectation): CheckFixture => ({
      name: `${exercise.id}: ${label}${lang === 'en' ? '' : ` (${lang})`}`,
      role,
      exercise,
      expect,
      run: checkRun(exercise, code, lang, checker),
    });
    return fixturesOf(exercise, make);
  });
}

export interface LocalFixture {
  name: string;
  role: CheckFixture['role'];
  exercise: CodeExercise;
  expect: Expectation;
  /** The downloaded file, with the fixture's code between its markers. */
  file: string;
}

/**
 * Exercises that need threads, processes or services (`runs: local`): checked as a reader checks
 * them, by running the downloaded file with plain python3 (`--json` prints the verdict).
 */
export function localFixtures(lang: Lang, exercises: Exercise[] = [...loadExercises().values()], root: string = EXERCISES_DIR): LocalFixture[] {
  const checker = checkerFiles();
  return shownIn(lang, exercises.filter(isCodeExercise), root).filter((e) => e.runs === 'local').flatMap((exercise) =>
    fixturesOf(exercise, (role, label, code, expect): LocalFixture => ({
      name: `${exercise.id}: ${label} (downloaded, ${lang})`,
      role,
      exercise,
      expect,
      file: exerciseFile(exercise, code, lang, checker),
    })),
  );
}

export function predictFixtures(exercises: Exercise[] = [...loadExercises().values()], lang: Lang = 'en', root: string = EXERCISES_DIR): PredictFixture[] {
  const predictions = exercises.filter((e): e is PredictExercise => e.kind === 'predict' && e.runs === 'browser');
  return shownIn(lang, predictions, root)
    .map((exercise) => ({
      name: `${exercise.id}: program.py prints program.out${lang === 'en' ? '' : ` (${lang})`}`,
      exercise,
      run: { code: exercise.program, filename: exercise.file, files: {} },
    }));
}

export interface LocalPredictFixture {
  name: string;
  exercise: PredictExercise;
}

/**
 * Predictions over programs that need threads, processes or services (`runs: local`): the page
 * answers them from `program.out`, so the tests run `program.py` with plain python3 (as a reader
 * would, under the exercise's file name) and hold it to that output.
 */
export function localPredictFixtures(exercises: Exercise[] = [...loadExercises().values()]): LocalPredictFixture[] {
  return exercises
    .filter((e): e is PredictExercise => e.kind === 'predict' && e.runs === 'local')
    .map((exercise) => ({ name: `${exercise.id}: program.py prints program.out (plain python3)`, exercise }));
}

/** Why a check run does not meet its expectation, or undefined when it does. */
export function judgeCheck(fixture: Pick<CheckFixture, 'expect'>, output: string, outcome: RunOutcome): string | undefined {
  const verdict: Verdict = readVerdict(output, outcome, TEST_WORDS);
  const summary = verdict.checks.map((c) => `  ${c.status} ${c.id}${c.message ? `: ${c.message}` : ''}`).join('\n');
  const mistake = verdict.mistake ? `\n  mistake ${verdict.mistake.id}: ${verdict.mistake.message}` : '';
  const internal = verdict.checks.filter((c) => c.internal);
  if (internal.length > 0) return `the exercise itself failed:\n${summary}${mistake}`;
  if ('pass' in fixture.expect) {
    return verdict.passed ? undefined : `expected every check to pass:\n${summary}${mistake}${verdict.details ? `\n${verdict.details}` : ''}`;
  }
  const wanted = fixture.expect.failsWith;
  if (verdict.passed) return `expected a failure with "${wanted}", but every check passed`;
  const ids = failureIds(verdict);
  return ids.includes(wanted) ? undefined : `expected a failure with "${wanted}", got [${ids.join(', ')}]:\n${summary}${mistake}`;
}

/** What the run of a predict program did, as a choice's outcome. */
export function outcomeKind(outcome: RunOutcome): 'output' | 'exception' | 'hang' | 'stopped' {
  if (outcome.status === 'deadlock') return 'hang';
  if (outcome.status === 'stopped') return 'stopped';
  return outcome.exitCode === 0 ? 'output' : 'exception';
}

/** The text a run leaves for the reader, with a deadlock's sentence last (as run_example.py prints it). */
export function shownOutput(output: string, outcome: RunOutcome): string {
  const line = outcome.status === 'deadlock' && outcome.message ? `${outcome.message}\n` : '';
  // The Pyodide runner of the examples tier already adds it, as run_example.py does.
  return line && !output.endsWith(line) ? `${output}${line}` : output;
}

/** Why a predict program's run disagrees with its exercise, or undefined when it agrees. */
export function judgePredict(fixture: PredictFixture, output: string, outcome: RunOutcome): string | undefined {
  const { exercise } = fixture;
  const shown = shownOutput(output, outcome);
  if (shown !== exercise.output) {
    return `program.py printed something else than program.out:\n--- program.out\n${exercise.output}\n--- the run\n${shown}`;
  }
  if (exercise.question === 'choice') {
    const right = exercise.choices.find((c) => c.id === exercise.answer);
    const did = outcomeKind(outcome);
    if (right?.outcome !== did) return `the answer "${exercise.answer}" says the program ends with ${right?.outcome}; it ${did === 'output' ? 'ended normally' : `ended with ${did}`}`;
  }
  return undefined;
}
