import path from 'node:path';
import { runsForRealOnCPython, type ExampleMeta } from '../../src/lib/examples/metadata.ts';
import { runMerged, type ProcessResult } from './process.ts';
import { RUNNER_CLI, runnerCliExists, type PythonInterpreter } from './python.ts';

/**
 * How an example runs on CPython:
 * - a browser example through the runner CLI, with the clock its output was recorded on (the
 *   code path a reader's browser takes, minus WebAssembly);
 * - a local example exactly as a reader runs it: `python3 name.py` from its folder; so is a
 *   browser example with stand-ins (aiohttp, asyncpg): on CPython it runs for real, with the real
 *   libraries and services, against the same recorded output as its run through the stand-ins.
 * Both get the bare file name from inside its folder, so a traceback names `name.py` as it does
 * for a reader (and as the browser does), never a path on this machine.
 */
export interface CPythonPlan {
  args: string[];
  /** For messages: "runner, virtual clock" or "python3 name.py". */
  description: string;
}

export type PlanResult = { ok: true; plan: CPythonPlan } | { ok: false; reason: string };

export function planCPythonRun(file: string, meta: ExampleMeta, python: PythonInterpreter): PlanResult {
  const name = path.basename(file);
  if (runsForRealOnCPython(meta)) {
    return { ok: true, plan: { args: [name], description: `${python.command} ${name}` } };
  }
  if (runnerCliExists()) {
    return {
      ok: true,
      plan: { args: [RUNNER_CLI, '--clock', meta.clock, name], description: `runner, ${meta.clock} clock` },
    };
  }
  return {
    ok: false,
    reason: 'the Python runner CLI (src/runtime/python/run_example.py) is missing, so browser examples cannot run',
  };
}

/** Environment of a run: the reader's, plus unbuffered output so stdout and stderr keep their order. */
export function exampleEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
    // Debug mode or warnings settings from the developer's shell would change what is printed.
    PYTHONASYNCIODEBUG: '',
    PYTHONWARNINGS: '',
  };
}

export const EXAMPLE_TIMEOUT_MS = 30_000;

export function runOnCPython(
  file: string,
  plan: CPythonPlan,
  python: PythonInterpreter,
  timeoutMs: number = EXAMPLE_TIMEOUT_MS,
): Promise<ProcessResult> {
  return runMerged(python.command, plan.args, { cwd: path.dirname(file), env: exampleEnv(), timeoutMs });
}
