import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The CPython interpreters the examples tier can use.
 *
 * A reader runs an example with whatever `python3` they have, or with `uv run`, which reads the
 * example's PEP 723 block. Here the packages come from Debian (`python3-aiohttp`, ...), which
 * install for Debian's `/usr/bin/python3` only, and the `python3` first on `PATH` may be another
 * build (pyenv, say) without them. So the tier looks at every interpreter it can find and, per
 * example, picks the first one that satisfies the block's `requires-python` and can import its
 * `dependencies`; the verdict names the interpreter it used.
 *
 * Python 3.11 is the oldest version the examples promise to run on (TaskGroup, `asyncio.timeout`).
 */
export const MINIMUM_PYTHON: readonly [number, number] = [3, 11];

/** The Python runner the browser uses; its CLI runs a program the same way on CPython. */
export const RUNNER_CLI = fileURLToPath(new URL('../../src/runtime/python/run_example.py', import.meta.url));

export interface PythonInterpreter {
  /** What was run: `python3`, `/usr/bin/python3`, or `$PYTHON`. */
  command: string;
  /** e.g. `3.11.7` */
  version: string;
  /** Its `sys.executable`, when it was probed (tools such as pyright want a path, not a name). */
  executable?: string;
}

export type PythonLookup = { ok: true; python: PythonInterpreter } | { ok: false; reason: string };

/** Where interpreters are looked for, first choice first: `$PYTHON`, then the usual names. */
export function candidateCommands(env: NodeJS.ProcessEnv = process.env): string[] {
  const named = env['PYTHON'] ? [env['PYTHON']] : [];
  return [...named, 'python3', '/usr/bin/python3', 'python3.14', 'python3.13', 'python3.12', 'python3.11'];
}

function probe(command: string): { version: string; executable: string } | undefined {
  const result = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (result.error || result.status !== 0) return undefined;
  const [version = '', executable = ''] = result.stdout.trim().split('\n');
  return { version, executable };
}

function atLeastMinimum(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [wantMajor, wantMinor] = MINIMUM_PYTHON;
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/**
 * Every distinct interpreter of Python 3.11 or newer among the candidates, in order of preference
 * (two names for one binary count once).
 */
export function findPythons(env: NodeJS.ProcessEnv = process.env): PythonInterpreter[] {
  const seen = new Set<string>();
  const found: PythonInterpreter[] = [];
  for (const command of candidateCommands(env)) {
    const probed = probe(command);
    if (!probed || !atLeastMinimum(probed.version)) continue;
    let identity = probed.executable;
    try {
      if (existsSync(identity)) identity = realpathSync(identity);
    } catch {
      /* keep the name the interpreter gave */
    }
    // pyenv's shims resolve to different binaries per version: the version is part of who it is.
    const key = `${identity}@${probed.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ command, version: probed.version, executable: probed.executable });
  }
  return found;
}

/** The default interpreter: `$PYTHON`, else the first `python3` found (3.11+). */
export function findPython(env: NodeJS.ProcessEnv = process.env): PythonLookup {
  const [first] = findPythons(env);
  if (first) return { ok: true, python: first };
  const command = env['PYTHON'] || 'python3';
  return { ok: false, reason: `no Python ${MINIMUM_PYTHON.join('.')}+ interpreter found (tried ${candidateCommands(env).join(', ')}; set PYTHON to one); "${command}" is missing or too old` };
}

/**
 * Whether `version` (`3.11.7`) satisfies a PEP 440 `requires-python` specifier such as `>=3.11`,
 * `>=3.12,<3.15` or `==3.13.*`. Only the operators `requires-python` is written with in practice.
 */
export function satisfiesRequiresPython(version: string, specifier: string | undefined): boolean {
  if (!specifier) return true;
  const have = version.split('.').map(Number);
  const compare = (want: number[]): number => {
    for (let i = 0; i < Math.max(have.length, want.length); i++) {
      const a = have[i] ?? 0;
      const b = want[i] ?? 0;
      if (a !== b) return a < b ? -1 : 1;
    }
    return 0;
  };
  return specifier
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .every((clause) => {
      const match = /^(>=|<=|==|!=|~=|>|<)\s*([\d.]+)(\.\*)?$/.exec(clause);
      if (!match) throw new Error(`requires-python clause "${clause}" is not understood (use >=, <=, >, <, ==, != or ~=)`);
      const [, op, number = '', wildcard] = match;
      const want = number.split('.').map(Number);
      if (wildcard) {
        const prefixEqual = want.every((n, i) => have[i] === n);
        return op === '!=' ? !prefixEqual : prefixEqual;
      }
      const order = compare(want);
      switch (op) {
        case '>=':
          return order >= 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        case '<':
          return order < 0;
        case '==':
          return order === 0;
        case '!=':
          return order !== 0;
        default: {
          // ~=3.11 means >=3.11, ==3.*
          const prefix = want.slice(0, -1);
          return order >= 0 && prefix.every((n, i) => have[i] === n);
        }
      }
    });
}

export function runnerCliExists(): boolean {
  return existsSync(RUNNER_CLI);
}
