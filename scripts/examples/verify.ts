import { readFileSync } from 'node:fs';
import { ExampleMetadataError, parseExampleMeta, type ExampleMeta } from '../../src/lib/examples/metadata.ts';
import type { ExampleProgram } from '../../src/lib/examples/discover.ts';
import { EXAMPLE_TIMEOUT_MS, planCPythonRun, runOnCPython } from './cpython.ts';
import type { PyodideExampleRunner } from './pyodide.ts';
import type { PythonInterpreter } from './python.ts';
import { missingPackages } from './packages.ts';
import { missingServices } from './services.ts';
import { judgeRun } from './verdict.ts';

/**
 * One example on one runtime, from files to verdict. Tests turn `fail` into a failed test and
 * `unavailable` into a skip (or a failure in CI, see tiers.ts).
 */
export type Verdict =
  | { status: 'pass'; durationMs: number }
  | { status: 'fail'; message: string }
  | { status: 'unavailable'; reason: string };

export interface LoadedExample {
  program: ExampleProgram;
  source: string;
  expected: string;
  meta: ExampleMeta;
}

export function loadExample(program: ExampleProgram): LoadedExample | { error: string } {
  let source: string;
  let expected: string;
  try {
    source = readFileSync(program.file, 'utf8');
    expected = readFileSync(program.expectedFile, 'utf8');
  } catch (error) {
    return { error: `examples/${program.id} cannot be read: ${(error as Error).message}` };
  }
  try {
    return { program, source, expected, meta: parseExampleMeta(source) };
  } catch (error) {
    if (error instanceof ExampleMetadataError) return { error: `examples/${program.id}: ${error.message}` };
    throw error;
  }
}

export async function verifyOnCPython(
  example: LoadedExample,
  python: PythonInterpreter,
  timeoutMs: number = EXAMPLE_TIMEOUT_MS,
): Promise<Verdict> {
  const { program, meta } = example;
  const missing = [...(await missingServices(meta.services)), ...(await missingPackages(meta.dependencies, python))];
  if (missing.length > 0) return { status: 'unavailable', reason: `examples/${program.id}: ${missing.join('; ')}` };
  const planned = planCPythonRun(program.file, meta, python);
  if (!planned.ok) return { status: 'unavailable', reason: `examples/${program.id}: ${planned.reason}` };

  const result = await runOnCPython(program.file, planned.plan, python, timeoutMs);
  const label = `CPython ${python.version} (${planned.plan.description})`;
  const message = judgeRun(program.id, label, meta, example.expected, { ...result, timeoutMs });
  return message === undefined ? { status: 'pass', durationMs: result.durationMs } : { status: 'fail', message };
}

export async function verifyOnPyodide(
  example: LoadedExample,
  runner: PyodideExampleRunner,
  timeoutMs: number = EXAMPLE_TIMEOUT_MS,
): Promise<Verdict> {
  const started = performance.now();
  const result = await runner.run(example.program.file, example.meta.clock, timeoutMs);
  const label = `Pyodide ${runner.version} (runner, ${example.meta.clock} clock)`;
  const message = judgeRun(example.program.id, label, example.meta, example.expected, {
    output: result.output,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    timeoutMs,
  });
  return message === undefined
    ? { status: 'pass', durationMs: performance.now() - started }
    : { status: 'fail', message };
}
