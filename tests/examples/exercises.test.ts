/**
 * Every exercise, proven from its data (scripts/exercises/fixtures.ts), through the runner a
 * reader's Check uses:
 * - on CPython (one batch per core), every fixture with the English words, and the starters
 *   again with the Portuguese ones;
 * - in Pyodide under Node (one interpreter for the file), the reference solutions, with the
 *   Portuguese words (the failing fixtures add time there and no new runtime path);
 * so both languages' messages are filled in by a real check, and both runtimes agree.
 *
 * Per code exercise: the solution passes every check, the starter fails with its intended
 * message, every known wrong answer fails with its own. Per predict exercise: the program prints
 * its recorded output and does what the right choice says.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findPythons } from '../../scripts/examples/python.ts';
import { interpreterFor } from '../../scripts/examples/packages.ts';
import { missingServices } from '../../scripts/examples/services.ts';
import { PyodideExampleRunner } from '../../scripts/examples/pyodide.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';
import { runOnCPython, runOnCPythonInParallel, type BatchResult } from '../../scripts/exercises/cpython.ts';
import {
  checkerFiles,
  checkFixtures,
  judgeCheck,
  judgePredict,
  localFixtures,
  localPredictFixtures,
  predictFixtures,
  TEST_WORDS,
} from '../../scripts/exercises/fixtures.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMerged } from '../../scripts/examples/process.ts';
import { exerciseFile } from '../../src/lib/exercises/download.ts';
import { checkRun } from '../../src/lib/exercises/driver.ts';
import { loadExercise, loadExercises } from '../../src/lib/exercises/load.ts';
import { isCodeExercise, type CodeExercise } from '../../src/lib/exercises/types.ts';
import { failureIds, parseVerdict, readVerdict } from '../../src/lib/exercises/verdict.ts';

const onCPython = [...checkFixtures('en'), ...checkFixtures('pt-BR').filter((f) => f.role === 'starter')];
// A Portuguese page runs its program with translated comments: it must print the same.
const predictions = [...predictFixtures(), ...predictFixtures(undefined, 'pt-BR')];
const [python] = findPythons();

describe('exercises on CPython (English)', () => {
  let results: BatchResult[] | undefined;
  let failure: Error | undefined;

  beforeAll(async () => {
    if (!python) return;
    try {
      // Both cores: the tier runs its files one at a time, so this batch has the machine.
      results = await runOnCPythonInParallel(python.command, [...onCPython, ...predictions].map((f) => f.run), 240_000);
    } catch (error) {
      failure = error as Error;
    }
  }, 300_000);

  const resultOf = (index: number, ctx: Parameters<typeof skipOrFail>[0]): BatchResult => {
    if (!python) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
    if (failure) throw failure;
    const result = results?.[index];
    if (!result) throw new Error('no result for this run');
    return result;
  };

  onCPython.forEach((fixture, index) => {
    test(fixture.name, (ctx) => {
      const { output, outcome } = resultOf(index, ctx);
      expect(judgeCheck(fixture, output, outcome)).toBeUndefined();
    });
  });
  predictions.forEach((fixture, index) => {
    test(fixture.name, (ctx) => {
      const { output, outcome } = resultOf(onCPython.length + index, ctx);
      expect(judgePredict(fixture, output, outcome)).toBeUndefined();
    });
  });
});

describe('exercises in Pyodide (Portuguese)', () => {
  const inPyodide = checkFixtures('pt-BR').filter((f) => f.role === 'solution');
  let runner: PyodideExampleRunner | undefined;
  let loadError: string | undefined;

  beforeAll(async () => {
    try {
      runner = await PyodideExampleRunner.create();
    } catch (error) {
      loadError = `Pyodide could not be loaded under Node: ${(error as Error).message}`;
    }
  });
  afterAll(() => {
    runner = undefined;
  });

  const pyodide = (ctx: Parameters<typeof skipOrFail>[0]): PyodideExampleRunner => {
    if (loadError !== undefined) skipOrFail(ctx, loadError);
    if (!runner) throw new Error('Pyodide runner was not created');
    return runner;
  };

  for (const fixture of inPyodide) {
    test(fixture.name, async (ctx) => {
      const { output, outcome } = await pyodide(ctx).runSource(fixture.run.code, { clock: 'virtual', filename: fixture.run.filename, files: fixture.run.files });
      if (!outcome) throw new Error(`the worker failed:\n${output}`);
      expect(judgeCheck(fixture, output, outcome)).toBeUndefined();
    });
  }
  for (const fixture of predictions) {
    test(fixture.name, async (ctx) => {
      const { output, outcome } = await pyodide(ctx).runSource(fixture.run.code, { clock: 'virtual', filename: fixture.run.filename });
      if (!outcome) throw new Error(`the worker failed:\n${output}`);
      expect(judgePredict(fixture, output, outcome)).toBeUndefined();
    });
  }

  test('a runaway answer (computing forever, never awaiting) is stopped and reported as a run that did not end', async (ctx) => {
    const exercise = [...loadExercises().values()].find(isCodeExercise);
    if (!exercise) throw new Error('no code exercise to try a runaway on');
    const runaway = `import asyncio\n\n\nasync def main() -> None:\n    while True:\n        pass\n\n\nasyncio.run(main())\n`;
    const run = checkRun(exercise, runaway, 'en', checkerFiles());
    const { output, outcome, timedOut } = await pyodide(ctx).runSource(run.code, { clock: 'virtual', filename: run.filename, files: run.files }, 2_000);
    expect(timedOut).toBe(true);
    expect(outcome?.status).toBe('stopped');
    const verdict = readVerdict(output, outcome!, TEST_WORDS);
    expect(verdict.passed).toBe(false);
    expect(verdict.checks.map((c) => c.messageId)).toEqual(['stopped']);
  });
});

describe('a downloaded exercise checks itself with plain python3 (real clock, no runner)', () => {
  const loaded = loadExercise('02-asyncio-basics/lost-emails');
  if (!isCodeExercise(loaded)) throw new Error('lost-emails should be a code exercise');
  const exercise: CodeExercise = loaded;
  const folder = mkdtempSync(path.join(tmpdir(), 'exercise-download-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function runFile(code: string, args: string[]): Promise<{ status: number | undefined; output: string }> {
    const file = path.join(folder, exercise.file);
    writeFileSync(file, exerciseFile(exercise, code, 'pt-BR', checkerFiles()));
    const result = await runMerged(python!.command, [file, ...args], { cwd: folder, env: process.env, timeoutMs: 60_000 });
    return { status: result.exitCode, output: result.output };
  }

  test('the reference solution passes every check (exit status 0), with the Portuguese words', async (ctx) => {
    if (!python) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
    const { status, output } = await runFile(exercise.solution, []);
    expect(output).toContain('Todas as 4 verificações passaram.');
    expect(status).toBe(0);
  });

  test('the starter fails (exit status 1) with its intended message', async (ctx) => {
    if (!python) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
    const { status, output } = await runFile(exercise.starter, ['--json']);
    expect(status).toBe(1);
    const verdict = parseVerdict(output);
    expect(verdict && failureIds(verdict)).toContain(exercise.starterFailsWith);
  });

  test('--run runs the reader’s program without checking it', async (ctx) => {
    if (!python) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
    const { status, output } = await runFile(exercise.solution, ['--run']);
    expect(status).toBe(0);
    expect(output).toContain('emails sent: 3');
  });
});

describe('the request reaches Python intact', () => {
  test('quotes, backslashes, line separators and non-ASCII text in the reader’s code survive the driver', async (ctx) => {
    if (!python) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
    const exercise = loadExercise('02-asyncio-basics/breakfast');
    if (!isCodeExercise(exercise)) throw new Error('breakfast should be a code exercise');
    // The solution with a comment full of characters a careless encoding would break.
    const comment = String.raw`# "quotes" 'single' \ back\slash \u0041 """ '''` + ' \u2028 \u2029 café ☕';
    const code = `${exercise.solution}\n${comment}\n`;
    const [result] = await runOnCPython(python.command, [checkRun(exercise, code, 'en', checkerFiles())], 60_000);
    const verdict = result && parseVerdict(result.output);
    expect(verdict?.passed).toBe(true);
  });
});

describe.concurrent('exercises that need threads or processes, checked by their downloaded file on plain python3', () => {
  // The site's local exercises, and a fixture that needs real threads (asyncio.to_thread).
  const fixtureRoot = fileURLToPath(new URL('./fixtures/exercises/', import.meta.url));
  const local = [
    ...localFixtures('en'),
    ...localFixtures('pt-BR', [...loadExercises(fixtureRoot).values()], fixtureRoot),
    ...localFixtures('en', [...loadExercises(fixtureRoot).values()], fixtureRoot),
  ];
  const folder = mkdtempSync(path.join(tmpdir(), 'exercise-local-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // As `uv run` would: an interpreter that has the packages the file declares (aiohttp comes
  // from Debian for /usr/bin/python3, which need not be the python3 first on PATH).
  const pythons = findPythons();
  const interpreters = new Map<string, Promise<Awaited<ReturnType<typeof interpreterFor>>>>();
  const interpreterOf = (dependencies: readonly string[]) => {
    const key = dependencies.join(' ');
    if (!interpreters.has(key)) interpreters.set(key, interpreterFor({ dependencies, requiresPython: '>=3.11' }, pythons));
    return interpreters.get(key)!;
  };

  local.forEach((fixture, index) => {
    test(fixture.name, async (ctx) => {
      if (!python) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
      const choice = await interpreterOf(fixture.exercise.dependencies);
      if (!choice.ok) skipOrFail(ctx, choice.reason);
      const missing = await missingServices(fixture.exercise.services);
      if (missing.length > 0) skipOrFail(ctx, missing.join('; '));
      const dir = path.join(folder, String(index));
      mkdirSync(dir);
      const file = path.join(dir, fixture.exercise.file);
      writeFileSync(file, fixture.file);
      const result = await runMerged(choice.python.command, [file, '--json'], { cwd: dir, env: process.env, timeoutMs: 120_000 });
      const outcome = { status: 'ok' as const, exitCode: result.exitCode ?? 1, droppedChars: 0, durationMs: result.durationMs };
      expect(judgeCheck(fixture, result.output, outcome)).toBeUndefined();
      expect(result.exitCode).toBe('pass' in fixture.expect ? 0 : 1);
    });
  });
});

describe.concurrent('predictions over local programs print their recorded output on plain python3', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'exercise-local-predict-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  localPredictFixtures().forEach((fixture, index) => {
    test(fixture.name, async (ctx) => {
      if (!python) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
      const dir = path.join(folder, String(index));
      mkdirSync(dir);
      const file = path.join(dir, fixture.exercise.file);
      writeFileSync(file, fixture.exercise.program);
      const { exercise } = fixture;
      const result = await runMerged(python.command, [file], { cwd: dir, env: process.env, timeoutMs: 60_000 });
      expect(result.output).toBe(exercise.output);
      // What the right answer says the program does: ends normally, or with an exception.
      const outcome = exercise.question === 'choice' ? exercise.choices.find((c) => c.id === exercise.answer)?.outcome : 'output';
      expect(outcome === 'output' ? result.exitCode === 0 : outcome === 'exception' && result.exitCode !== 0).toBe(true);
    });
  });
});
