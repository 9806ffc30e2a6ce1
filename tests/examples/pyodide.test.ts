/**
 * Every browser example in Pyodide under Node, through the worker's own Host and Python runner,
 * on one interpreter loaded once for the file (loading costs ~2–3 s; the runner resets its state
 * after every run). The interpreter is restored from a start-up snapshot made here the way the
 * build makes the site's (src/runtime/snapshot.ts), so the examples run as a reader's browser runs
 * them.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { parseExampleMeta } from '../../src/lib/examples/metadata.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { PyodideExampleRunner } from '../../scripts/examples/pyodide.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';
import { loadExample, verifyOnPyodide } from '../../scripts/examples/verify.ts';
import { COMMENT_LANGS, translateExample } from '../../src/lib/examples/translations.ts';
import { changesDocstrings } from '../../scripts/examples/comment-coverage.ts';
import { loadPyodide } from 'pyodide';
import { runnerFiles } from '../../scripts/runtime/runner-files.ts';
import { makeSnapshot } from '../../src/runtime/snapshot.ts';

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
  try {
    const snapshot = await makeSnapshot((options) => loadPyodide(options), runnerFiles());
    runner = await PyodideExampleRunner.create(snapshot);
  } catch (error) {
    loadError = `Pyodide could not be loaded under Node: ${(error as Error).message}`;
  }
}, 300_000);

afterAll(() => {
  runner = undefined;
});

// One interpreter: the examples run one after another.
describe('browser examples in Pyodide', () => {
  test('run on an interpreter restored from the start-up snapshot', (ctx) => {
    if (loadError !== undefined) skipOrFail(ctx, loadError);
    expect(runner?.start).toBe('snapshot');
  });
  for (const program of browserPrograms) {
    test(program.id, async (ctx) => {
      if (loadError !== undefined) skipOrFail(ctx, loadError);
      if (!runner) throw new Error('Pyodide runner was not created');
      const example = loadExample(program);
      if ('error' in example) throw new Error(example.error);
      const verdict = await verifyOnPyodide(example, runner);
      if (verdict.status === 'fail') throw new Error(verdict.message);
    });
  }
});

// What a page in another language runs: the same program with its comments and docstrings
// translated. tests/examples/comments.test.ts proves the code is the original's token for token
// and that no recorded output quotes a changed line, which settles comments: they never reach
// the running program. Docstrings do (`__doc__`), so every browser example whose translation
// changes one runs again here, translated, on the browser's Python: about a third of the browser
// examples (running every one of them again would nearly double this file's time).
describe.each(COMMENT_LANGS)('browser examples in Pyodide, with their docstrings in %s', (lang) => {
  const translated = browserPrograms
    .map((program) => {
      const source = readFileSync(program.file, 'utf8');
      return { program, code: translateExample(program.id, source, lang).code, source };
    })
    .filter(({ source, code }) => changesDocstrings(source, code));
  test('there are translated docstrings to run', () => {
    expect(translated.length).toBeGreaterThan(0);
  });
  for (const { program, code } of translated) {
    test(program.id, async (ctx) => {
      if (loadError !== undefined) skipOrFail(ctx, loadError);
      if (!runner) throw new Error('Pyodide runner was not created');
      const example = loadExample(program);
      if ('error' in example) throw new Error(example.error);
      const verdict = await verifyOnPyodide(example, runner, undefined, { lang, code });
      if (verdict.status === 'fail') throw new Error(verdict.message);
    });
  }
});

const MUST_FAIL = fileURLToPath(new URL('./fixtures/must-fail/examples/', import.meta.url));
const mustFail = discoverExamples(MUST_FAIL).programs;

describe('must-fail examples in Pyodide', () => {
  async function failureOf(id: string, ctx: Parameters<typeof skipOrFail>[0]): Promise<string> {
    if (loadError !== undefined) skipOrFail(ctx, loadError);
    if (!runner) throw new Error('Pyodide runner was not created');
    const program = mustFail.find((p) => p.id === id);
    if (!program) throw new Error(`fixture ${id} not found in ${path.relative(process.cwd(), MUST_FAIL)}`);
    const example = loadExample(program);
    if ('error' in example) throw new Error(example.error);
    const verdict = await verifyOnPyodide(example, runner);
    expect(verdict.status).toBe('fail');
    return verdict.status === 'fail' ? verdict.message : '';
  }

  test('wrong output: fails with the diff', async (ctx) => {
    const message = await failureOf('fixtures/wrong_output.py', ctx);
    expect(message).toMatch(/^examples\/fixtures\/wrong_output\.py on Pyodide 3\.\d+\.\d+ /);
    expect(message).toContain('\n first line\n-second line\n+second line, changed\n third line');
  });

  test('virtual clock: an hour passes at once, and the wrong claim shows in the diff', async (ctx) => {
    const message = await failureOf('fixtures/an_hour_late.py', ctx);
    expect(message).toMatch(/on Pyodide 3\.\d+\.\d+ \(runner, virtual clock\)/);
    expect(message).toContain('-done after 60.0 s\n+done after 3600.0 s');
  });

  test('uncaught exception: fails with status 1 and the traceback', async (ctx) => {
    const message = await failureOf('fixtures/raises.py', ctx);
    expect(message).toContain('exited with status 1 (an uncaught exception), expected 0');
    expect(message).toContain('+ZeroDivisionError: division by zero');
  });
});
