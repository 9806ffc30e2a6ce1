/** The Python in examples/ is type-checked and linted, as part of the examples tier. */
import { describe, expect, test } from 'vitest';
import { runPycodestyle, runPyflakes, runPyright, type CheckResult } from '../../scripts/examples/lint.ts';
import { skipOrFail, type SkipContext } from '../../scripts/examples/tiers.ts';

function assertClean(ctx: SkipContext, result: CheckResult): void {
  if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
  if (result.ok === false) throw new Error(result.report);
}

describe.concurrent('Python quality gates over examples/', () => {
  test('pyright: no type errors (examples, the Python runner and its tests)', async (ctx) => assertClean(ctx, await runPyright()));
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
