/** The Python in examples/ is type-checked and linted, as part of the examples tier. */
import { describe, test } from 'vitest';
import { runPycodestyle, runPyflakes, runPyright, type CheckResult } from '../../scripts/examples/lint.ts';
import { skipOrFail, type SkipContext } from '../../scripts/examples/tiers.ts';

function assertClean(ctx: SkipContext, result: CheckResult): void {
  if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
  if (result.ok === false) throw new Error(result.report);
}

describe.concurrent('Python quality gates over examples/', () => {
  test('pyright: no type errors', (ctx) => assertClean(ctx, runPyright()));
  test('pyflakes: no unused imports or undefined names', (ctx) => assertClean(ctx, runPyflakes(['examples'])));
  test(`pycodestyle: PEP 8 layout`, (ctx) => assertClean(ctx, runPycodestyle(['examples'])));
});
