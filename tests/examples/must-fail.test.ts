/**
 * Deliberately broken examples (tests/examples/fixtures/must-fail/) must fail, each with a
 * message a reader can act on: which file, on which runtime, and a diff of expected vs actual.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { discoverExamples, type ExampleProgram } from '../../src/lib/examples/discover.ts';
import { readExample } from '../../src/lib/examples/files.ts';
import { findExampleReferences, missingReferences, unusedExamples } from '../../src/lib/examples/references.ts';
import { findPython, type PythonInterpreter } from '../../scripts/examples/python.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';
import { loadExample, verifyOnCPython, type Verdict } from '../../scripts/examples/verify.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/must-fail/', import.meta.url));
const discovery = discoverExamples(path.join(FIXTURES, 'examples'));
const lookup = findPython();

function program(id: string): ExampleProgram {
  const found = discovery.programs.find((p) => p.id === id);
  if (!found) throw new Error(`fixture ${id} not found`);
  return found;
}

async function verify(id: string, python: PythonInterpreter, timeoutMs?: number): Promise<Verdict> {
  const example = loadExample(program(id));
  if ('error' in example) throw new Error(example.error);
  return verifyOnCPython(example, [python], timeoutMs);
}

function failureMessage(verdict: Verdict): string {
  expect(verdict.status).toBe('fail');
  return verdict.status === 'fail' ? verdict.message : '';
}

describe.concurrent('must-fail examples on CPython', () => {
  let python: PythonInterpreter;
  beforeAll(() => {
    if (lookup.ok) python = lookup.python;
  });

  test('wrong output: fails with a unified diff of expected against printed', async (ctx) => {
    if (!lookup.ok) skipOrFail(ctx, lookup.reason);
    const message = failureMessage(await verify('fixtures/wrong_output.py', python));
    expect(message).toMatch(/^examples\/fixtures\/wrong_output\.py on CPython 3\.\d+\.\d+ \(.*\): printed something other/);
    expect(message).toContain('--- wrong_output.out (expected)');
    expect(message).toContain('+++ wrong_output.py (printed)');
    expect(message).toContain('@@ -1,3 +1,3 @@');
    expect(message).toContain('\n first line\n-second line\n+second line, changed\n third line');
  });

  test('uncaught exception: fails naming the exit status, with the traceback in the diff', async (ctx) => {
    if (!lookup.ok) skipOrFail(ctx, lookup.reason);
    const message = failureMessage(await verify('fixtures/raises.py', python));
    expect(message).toContain('exited with status 1 (an uncaught exception), expected 0');
    expect(message).toContain('-infinity');
    expect(message).toContain('+Traceback (most recent call last):');
    expect(message).toContain('+ZeroDivisionError: division by zero');
  });

  test('browser example through the runner CLI: an hour of virtual time, at once, and the diff', async (ctx) => {
    if (!lookup.ok) skipOrFail(ctx, lookup.reason);
    const started = performance.now();
    const message = failureMessage(await verify('fixtures/an_hour_late.py', python));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(message).toMatch(/^examples\/fixtures\/an_hour_late\.py on CPython 3\.\d+\.\d+ \(\S+, runner, virtual clock\)/);
    expect(message).toContain('-done after 60.0 s\n+done after 3600.0 s');
  });

  test('#: slack: a time later than the slack allows fails, and only its line is in the diff', async (ctx) => {
    if (!lookup.ok) skipOrFail(ctx, lookup.reason);
    const message = failureMessage(await verify('fixtures/too_late.py', python));
    expect(message).toContain('@@ -1,2 +1,2 @@\n done after 0.1 s\n-done after 0.1 s\n+done after 0.6 s');
    expect(message).toContain('(times in seconds may be up to 0.2 s later than recorded, or one rounding step earlier)');
  });

  test('a program that never ends: stopped at the timeout, and says so', async (ctx) => {
    if (!lookup.ok) skipOrFail(ctx, lookup.reason);
    const started = performance.now();
    const message = failureMessage(await verify('fixtures/hangs.py', python, 1_500));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(message).toContain('did not finish within 1.5 s and was stopped');
  });
});

describe('must-fail layout', () => {
  test('a .py with no .out that nothing imports is reported', () => {
    expect(discovery.problems).toEqual([
      'examples/fixtures/orphan.py has no expected output (orphan.out) and no program beside it imports it: ' +
        'record its output, or delete it if it is not used',
    ]);
  });

  test('a chapter showing a missing example is reported with page and line', () => {
    const references = findExampleReferences(path.join(FIXTURES, 'content'));
    const missing = missingReferences(references, new Set(discovery.programs.map((p) => p.id)));
    expect(missing).toEqual([{ page: 'docs/chapter.mdx', line: 9, example: 'fixtures/missing.py' }]);
  });

  test('examples no chapter shows are the ones reported as unused', () => {
    const references = findExampleReferences(path.join(FIXTURES, 'content'));
    const ids = discovery.programs.map((p) => p.id);
    expect(unusedExamples(ids, references)).toEqual([
      'fixtures/an_hour_late.py',
      'fixtures/hangs.py',
      'fixtures/raises.py',
      'fixtures/too_late.py',
    ]);
  });

  test('reading a missing example (what the Playground does at build time) throws, naming the file', () => {
    expect(() => readExample('fixtures/missing.py')).toThrow(
      'Example "fixtures/missing.py" does not exist: expected a file at examples/fixtures/missing.py',
    );
  });
});
