import { spawn } from 'node:child_process';
import { satisfiesRequiresPython, type PythonInterpreter } from './python.ts';

/**
 * Packages a local example lists in its PEP 723 block must be importable by the interpreter the
 * tier uses, or the example cannot run. PyPI may be out of reach (CI installs Debian's
 * `python3-<name>` packages), so a missing one is reported like a missing service.
 */

/** `aiohttp>=3.9` -> `aiohttp`; `python-dateutil` -> `python_dateutil` (a best guess at the module). */
export function moduleNameOf(requirement: string): string {
  const name = /^[A-Za-z0-9._-]+/.exec(requirement.trim())?.[0] ?? requirement;
  return name.toLowerCase().replace(/[-.]/g, '_');
}

/** Resolves to one sentence per requirement the interpreter cannot import. */
export async function missingPackages(requirements: readonly string[], python: PythonInterpreter): Promise<string[]> {
  if (requirements.length === 0) return [];
  const modules = requirements.map(moduleNameOf);
  const probe = 'import importlib.util, sys\nfor m in sys.argv[1:]:\n    print(m if importlib.util.find_spec(m) is None else "")';
  const output = await new Promise<string>((resolve) => {
    const child = spawn(python.command, ['-c', probe, ...modules], { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', () => resolve(modules.join('\n')));
    child.on('close', () => resolve(text));
  });
  const missing = new Set(output.split('\n').filter(Boolean));
  return requirements
    .filter((requirement) => missing.has(moduleNameOf(requirement)))
    .map(
      (requirement) =>
        `package "${requirement}" is not installed for ${python.command} ` +
        `(Debian: apt-get install python3-${moduleNameOf(requirement).replace(/_/g, '-')}, and list it in .ci/apt-packages.txt)`,
    );
}

export type InterpreterChoice =
  | { ok: true; python: PythonInterpreter }
  /** No interpreter is new enough: on a browser example, the Pyodide run is the whole proof. */
  | { ok: false; kind: 'too-old'; reason: string }
  | { ok: false; kind: 'missing-packages'; reason: string };

/**
 * The first interpreter (in order of preference) that satisfies the example's `requires-python`
 * and can import every package it declares. When none can, the reason names what each lacked.
 */
export async function interpreterFor(
  meta: { dependencies: readonly string[]; requiresPython: string | undefined },
  pythons: readonly PythonInterpreter[],
): Promise<InterpreterChoice> {
  const newEnough = pythons.filter((python) => satisfiesRequiresPython(python.version, meta.requiresPython));
  if (newEnough.length === 0) {
    const versions = pythons.map((p) => `${p.command} is ${p.version}`).join(', ') || 'no interpreter found';
    return { ok: false, kind: 'too-old', reason: `needs Python ${meta.requiresPython} (${versions})` };
  }
  const problems: string[] = [];
  for (const python of newEnough) {
    const missing = await missingPackages(meta.dependencies, python);
    if (missing.length === 0) return { ok: true, python };
    problems.push(...missing);
  }
  return { ok: false, kind: 'missing-packages', reason: problems.join('; ') };
}
