import { spawn } from 'node:child_process';
import type { PythonInterpreter } from './python.ts';

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
