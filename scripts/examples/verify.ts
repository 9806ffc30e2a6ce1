import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExampleMetadataError, parseExampleMeta, type ExampleMeta } from '../../src/lib/examples/metadata.ts';
import { helpersImportedBy, type ExampleProgram } from '../../src/lib/examples/discover.ts';
import { EXAMPLE_TIMEOUT_MS, planCPythonRun, runOnCPython } from './cpython.ts';
import type { PyodideExampleRunner } from './pyodide.ts';
import type { PythonInterpreter } from './python.ts';
import { interpreterFor } from './packages.ts';
import { missingServices } from './services.ts';
import { judgeRun } from './verdict.ts';

/**
 * One example on one runtime, from files to verdict. Tests turn `fail` into a failed test and
 * `unavailable` into a skip (or a failure in CI, see tiers.ts).
 */
export type Verdict =
  | { status: 'pass'; durationMs: number; interpreter?: PythonInterpreter }
  /** A browser example for a newer Python than any found here: Pyodide (3.14) proves it. */
  | { status: 'not-applicable'; reason: string }
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

/**
 * Runs the example on the first of `pythons` that satisfies its `requires-python` and has its
 * packages. A browser example that needs a newer Python than any found is proven in Pyodide only
 * (`not-applicable`); a missing package or service is `unavailable`.
 */
export async function verifyOnCPython(
  example: LoadedExample,
  pythons: readonly PythonInterpreter[],
  timeoutMs: number = EXAMPLE_TIMEOUT_MS,
): Promise<Verdict> {
  const { program, meta } = example;
  const choice = await interpreterFor(meta, pythons);
  if (!choice.ok) {
    if (choice.kind === 'too-old' && meta.runs === 'browser') return { status: 'not-applicable', reason: choice.reason };
    return { status: 'unavailable', reason: `examples/${program.id}: ${choice.reason}` };
  }
  const python = choice.python;
  const missing = await missingServices(meta.services);
  if (missing.length > 0) return { status: 'unavailable', reason: `examples/${program.id}: ${missing.join('; ')}` };
  const planned = planCPythonRun(program.file, meta, python);
  if (!planned.ok) return { status: 'unavailable', reason: `examples/${program.id}: ${planned.reason}` };

  const result = await runOnCPython(program.file, planned.plan, python, timeoutMs);
  const label = `CPython ${python.version} (${python.command}, ${planned.plan.description})`;
  const message = judgeRun(program.id, label, meta, example.expected, { ...result, timeoutMs });
  return message === undefined
    ? { status: 'pass', durationMs: result.durationMs, interpreter: python }
    : { status: 'fail', message };
}

/**
 * Runs a browser example in Pyodide as the playground does. `translation`, when given, is the
 * program as a page in another language shows it (comments translated), run under the same name
 * and judged against the same recorded output.
 */
export async function verifyOnPyodide(
  example: LoadedExample,
  runner: PyodideExampleRunner,
  timeoutMs: number = EXAMPLE_TIMEOUT_MS,
  translation?: { lang: string; code: string },
): Promise<Verdict> {
  const started = performance.now();
  const { standins } = example.meta;
  // The helper modules it imports from its folder, as the page passes them (an API server, say).
  const root = example.program.file.slice(0, -example.program.id.length);
  const files = Object.fromEntries(
    helpersImportedBy(example.program.id, root).map((id) => [path.basename(id), readFileSync(path.join(root, id), 'utf8')]),
  );
  const result = await runner.run(example.program.file, example.meta.clock, timeoutMs, {
    files,
    ...(standins.length ? { standins } : {}),
    ...(translation ? { code: translation.code } : {}),
  });
  const comments = translation ? `, comments in ${translation.lang}` : '';
  const through = standins.length ? `, stand-ins: ${standins.join(', ')}` : '';
  const label = `Pyodide ${runner.version} (runner, ${example.meta.clock} clock${through}${comments})`;
  const message = judgeRun(example.program.id, label, onTheVirtualClock(example.meta), example.expected, {
    output: result.output,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    timeoutMs,
  });
  return message === undefined
    ? { status: 'pass', durationMs: performance.now() - started }
    : { status: 'fail', message };
}

/** The page's run of an example with stand-ins is on the virtual clock: its times are exact (the
 * slack is for the run against real services, on the real clock). */
function onTheVirtualClock(meta: ExampleMeta): ExampleMeta {
  return meta.clock === 'virtual' && meta.slack !== undefined ? { ...meta, slack: undefined } : meta;
}
