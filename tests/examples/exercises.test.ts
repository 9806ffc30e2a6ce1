/**
 * Every exercise, proven from its data (scripts/exercises/fixtures.ts), through the runner a
 * reader's Check uses:
 * - on CPython (one process for the whole batch), every fixture, with the English words;
 * - in Pyodide under Node (one interpreter for the file), the solutions and the starters, with
 *   the Portuguese words (the known wrong answers add time there and no new runtime path);
 * so both languages' messages are filled in by a real check, and both runtimes agree.
 *
 * Per code exercise: the solution passes every check, the starter fails with its intended
 * message, every known wrong answer fails with its own. Per predict exercise: the program prints
 * its recorded output and does what the right choice says.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findPythons } from '../../scripts/examples/python.ts';
import { PyodideExampleRunner } from '../../scripts/examples/pyodide.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';
import { runOnCPython, type BatchResult } from '../../scripts/exercises/cpython.ts';
import {
  checkerFiles,
  checkFixtures,
  judgeCheck,
  judgePredict,
  predictFixtures,
  TEST_WORDS,
} from '../../scripts/exercises/fixtures.ts';
import { checkRun } from '../../src/lib/exercises/driver.ts';
import { loadExercises } from '../../src/lib/exercises/load.ts';
import { isCodeExercise } from '../../src/lib/exercises/types.ts';
import { readVerdict } from '../../src/lib/exercises/verdict.ts';

const onCPython = checkFixtures('en');
const predictions = predictFixtures();
const [python] = findPythons();

describe('exercises on CPython (English)', () => {
  let results: BatchResult[] | undefined;
  let failure: Error | undefined;

  beforeAll(async () => {
    if (!python) return;
    try {
      results = await runOnCPython(python.command, [...onCPython, ...predictions].map((f) => f.run), 120_000);
    } catch (error) {
      failure = error as Error;
    }
  }, 150_000);

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
  const inPyodide = checkFixtures('pt-BR').filter((f) => f.role !== 'wrong');
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
