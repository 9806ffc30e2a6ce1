import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The CPython a reader would use: `$PYTHON`, or `python3` from the PATH. Python 3.11 is the
 * oldest version the examples promise to run on (TaskGroup, `asyncio.timeout`).
 */
export const MINIMUM_PYTHON: readonly [number, number] = [3, 11];

/** The Python runner the browser uses; its CLI runs a program the same way on CPython. */
export const RUNNER_CLI = fileURLToPath(new URL('../../src/runtime/python/run_example.py', import.meta.url));

export interface PythonInterpreter {
  command: string;
  /** e.g. `3.11.7` */
  version: string;
}

export type PythonLookup = { ok: true; python: PythonInterpreter } | { ok: false; reason: string };

export function findPython(env: NodeJS.ProcessEnv = process.env): PythonLookup {
  const command = env['PYTHON'] || 'python3';
  const probe = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.error || probe.status !== 0) {
    return { ok: false, reason: `no Python interpreter: "${command}" could not be run (set PYTHON to a Python 3.11+)` };
  }
  const version = probe.stdout.trim();
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [wantMajor, wantMinor] = MINIMUM_PYTHON;
  if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
    return {
      ok: false,
      reason: `"${command}" is Python ${version}; the examples need Python ${wantMajor}.${wantMinor} or newer (set PYTHON)`,
    };
  }
  return { ok: true, python: { command, version } };
}

export function runnerCliExists(): boolean {
  return existsSync(RUNNER_CLI);
}
