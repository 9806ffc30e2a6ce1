/**
 * Every browser example in Pyodide under Node, through the same runner CLI, on one interpreter
 * loaded once for the file (loading costs ~3 s; the runner wrapper resets state between runs).
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { EXAMPLES_DIR } from '../../src/lib/examples/files.ts';
import { parseExampleMeta } from '../../src/lib/examples/metadata.ts';
import { readFileSync } from 'node:fs';
import { PyodideExampleRunner } from '../../scripts/examples/pyodide.ts';
import { runnerCliExists } from '../../scripts/examples/python.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';
import { loadExample, verifyOnPyodide } from '../../scripts/examples/verify.ts';

function runsInBrowser(file: string): boolean {
  try {
    return parseExampleMeta(readFileSync(file, 'utf8')).runs === 'browser';
  } catch {
    return true; // A broken header fails in loadExample with a readable message.
  }
}

const browserPrograms = discoverExamples().programs.filter((p) => runsInBrowser(p.file));
let runner: PyodideExampleRunner | undefined;
let loadError: string | undefined;

beforeAll(async () => {
  if (!runnerCliExists() || browserPrograms.length === 0) return;
  try {
    runner = await PyodideExampleRunner.create(EXAMPLES_DIR);
  } catch (error) {
    loadError = `Pyodide could not be loaded under Node: ${(error as Error).message}`;
  }
});

afterAll(() => {
  runner = undefined;
});

// One interpreter: the examples run one after another.
describe.sequential('browser examples in Pyodide', () => {
  for (const program of browserPrograms) {
    test(program.id, async (ctx) => {
      if (!runnerCliExists()) skipOrFail(ctx, 'the Python runner CLI (src/runtime/python/run_example.py) is missing');
      if (loadError !== undefined) skipOrFail(ctx, loadError);
      if (!runner) throw new Error('Pyodide runner was not created');
      const example = loadExample(program);
      if ('error' in example) throw new Error(example.error);
      const verdict = await verifyOnPyodide(example, runner, program.id);
      if (verdict.status === 'fail') throw new Error(verdict.message);
    });
  }
});
