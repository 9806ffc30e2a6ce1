/** The Python in examples/ is type-checked and linted, as part of the examples tier. */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  planPyright,
  runPycodestyle,
  runPyflakes,
  runPyright,
  runPyrightOnExamples,
  type CheckResult,
} from '../../scripts/examples/lint.ts';
import { skipOrFail, type SkipContext } from '../../scripts/examples/tiers.ts';

function assertClean(ctx: SkipContext, result: CheckResult): void {
  if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
  if (result.ok === false) throw new Error(result.report);
}

describe.concurrent('Python quality gates over examples/', () => {
  test('pyright: no type errors in examples (each as the oldest Python it declares)', async (ctx) =>
    assertClean(ctx, await runPyrightOnExamples()));
  test('pyright: no type errors in the Python runner and its tests', async (ctx) =>
    assertClean(ctx, await runPyright(['src/runtime/python', 'tests/python'])));
  test('pyflakes: no unused imports or undefined names', async (ctx) => assertClean(ctx, await runPyflakes(['examples'])));
  test(`pycodestyle: PEP 8 layout`, async (ctx) => assertClean(ctx, await runPycodestyle(['examples'])));
});

describe.concurrent('the gates catch real mistakes (tests/examples/fixtures/must-fail/lint/)', () => {
  const fixtures = 'tests/examples/fixtures/must-fail/lint';

  test('pyright reports a coroutine function passed where a coroutine is expected', async (ctx) => {
    const result = await runPyright([`${fixtures}/type_error.py`]);
    if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.report).toMatch(/type_error\.py:12:\d+ - error: .*create_task/);
  });

  test('pyflakes reports an unused import and an undefined name', async (ctx) => {
    const result = await runPyflakes([`${fixtures}/unused_import.py`]);
    if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
    expect(result.ok).toBe(false);
    const report = result.ok === false ? result.report : '';
    expect(report).toContain("unused_import.py:4:1: 'time' imported but unused");
    expect(report).toContain("unused_import.py:9:11: undefined name 'elapsed'");
  });
});

describe('pyright checks each example against the Python its requires-python starts at', () => {
  const root = fileURLToPath(new URL('./fixtures/pyright-versions/', import.meta.url));

  test('examples are grouped by the lower bound of requires-python (none: 3.11)', () => {
    const groups = [...planPyright(root).groups].map(([version, files]) => [version, files.map((f) => f.split('/').pop())]);
    expect(groups.sort()).toEqual([
      ['3.11', ['shutdown_311.py']],
      ['3.13', ['shutdown_313.py']],
    ]);
  });

  test('a 3.13 API passes in a 3.13 example and fails in a 3.11 one', async (ctx) => {
    const result = await runPyrightOnExamples(root);
    if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
    expect(result.ok).toBe(false);
    const report = result.ok === false ? result.report : '';
    expect(report).toMatch(/as Python 3\.11:[\s\S]*shutdown_311\.py:6:\d+ - error: Cannot access attribute "shutdown"/);
    expect(report).not.toContain('shutdown_313.py');
  });
});
