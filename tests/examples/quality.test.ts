/** The Python in examples/ is type-checked and linted, as part of the examples tier. */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  declaredPackages,
  pyrightGroups,
  pyrightVersionFor,
  PYRIGHT_TIMEOUT_MS,
  runPyrightGroups,
  runPycodestyle,
  runPyflakes,
  runPyright,
  type CheckResult,
} from '../../scripts/examples/lint.ts';
import { skipOrFail, type SkipContext } from '../../scripts/examples/tiers.ts';
import { readdirSync } from 'node:fs';

function exercisePythonFiles(dir = 'exercises'): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
    .map((entry) => `${entry.parentPath}/${entry.name}`)
    .sort();
}

function assertClean(ctx: SkipContext, result: CheckResult): void {
  if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
  if (result.ok === false) throw new Error(result.report);
}

/** Exercise files readers see or run; known wrong answers are wrong on purpose (pyflakes skips them). */
const exerciseFiles = exercisePythonFiles();

describe.concurrent('Python quality gates over examples/ and exercises/', () => {
  test('pyright: no type errors (examples, exercises, the Python runner, the checker and their tests)', { timeout: PYRIGHT_TIMEOUT_MS + 30_000 }, async (ctx) =>
    assertClean(ctx, await runPyright()));
  test('pyflakes: no unused imports or undefined names', async (ctx) =>
    assertClean(ctx, await runPyflakes(['examples', ...exerciseFiles.filter((f) => !f.includes('/wrong/'))])));
  test(`pycodestyle: PEP 8 layout`, async (ctx) => assertClean(ctx, await runPycodestyle(['examples', 'exercises'])));
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

describe('pyright sees what each example needs', () => {
  test('an example is checked against the lowest Python its requires-python allows', () => {
    expect(pyrightVersionFor(undefined)).toBe('3.11');
    expect(pyrightVersionFor('>=3.11')).toBe('3.11');
    expect(pyrightVersionFor('>=3.13')).toBe('3.13');
    expect(pyrightVersionFor('>=3.12,<3.15')).toBe('3.12');
  });

  test('every file under examples/ is in exactly one group, 3.13-only examples in the 3.13 group', () => {
    const groups = pyrightGroups();
    const files = [...groups.values()].flat();
    expect(new Set(files).size).toBe(files.length);
    // The rest of pyrightconfig.json's include (the runner and its tests) is still checked.
    expect(groups.get('3.11')).toEqual(expect.arrayContaining(['src/runtime/python', 'tests/python']));
    expect(groups.get('3.13')?.map((f) => f.split('/examples/')[1])).toContain(
      '04-concurrent-web-requests/as_completed_async_for.py',
    );
    expect(groups.get('3.11')?.map((f) => f.split('/examples/')[1])).toContain('04-concurrent-web-requests/api_server.py');
  });

  test('a 3.13 API passes in a 3.13 example and fails in a 3.11 one', async (ctx) => {
    const root = fileURLToPath(new URL('./fixtures/pyright-versions/', import.meta.url));
    const result = await runPyrightGroups(pyrightGroups(root, []));
    if (result.ok === 'unavailable') skipOrFail(ctx, result.reason);
    expect(result.ok).toBe(false);
    const report = result.ok === false ? result.report : '';
    expect(report).toMatch(/Python 3\.11\)[\s\S]*shutdown_311\.py:6:\d+ - error: Cannot access attribute "shutdown"/);
    expect(report).not.toContain('shutdown_313.py');
  });

  test('the packages the examples declare are known, so pyright can be pointed at an interpreter that has them', () => {
    expect(declaredPackages()).toContain('aiohttp>=3.8');
  });
});
