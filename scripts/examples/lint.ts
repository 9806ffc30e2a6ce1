import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { parseExampleMeta } from '../../src/lib/examples/metadata.ts';
import { missingPackages } from './packages.ts';
import { findPythons, MINIMUM_PYTHON } from './python.ts';

/**
 * Static checks over `examples/`: pyright (from npm, configured in pyrightconfig.json: Python
 * 3.11, standard mode plus a few stricter rules) catches type errors; pyflakes catches unused
 * imports and undefined names; pycodestyle keeps the code readers copy in PEP 8 shape.
 * pyflakes and pycodestyle come from Debian (`pyflakes3`, `pycodestyle` in .ci/apt-packages.txt).
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PYRIGHT = fileURLToPath(new URL('../../node_modules/pyright/index.js', import.meta.url));

/** Lines on the site wrap beyond this; PEP 8's 79 would force awkward breaks in teaching code. */
export const MAX_LINE_LENGTH = 100;

export type CheckResult = { ok: true } | { ok: false; report: string } | { ok: 'unavailable'; reason: string };

interface ToolRun {
  status: number | null;
  output: string;
  missing: boolean;
}

/** Asynchronous, so the checks of one test file run side by side. */
function run(command: string, args: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: null, output: error.message, missing: error.code === 'ENOENT' }),
    );
    child.on('close', (status) => resolve({ status, output: output.trim(), missing: false }));
  });
}

/**
 * The oldest Python an example promises to run on: the lower bound of its PEP 723
 * `requires-python` (`>=3.13` -> `3.13`), or the oldest every example supports.
 */
export function oldestPythonFor(requiresPython: string | undefined): string {
  const bound = /(?:^|,)\s*(?:>=|==|~=)\s*(\d+\.\d+)/.exec(requiresPython ?? '')?.[1];
  return bound ?? MINIMUM_PYTHON.join('.');
}

interface PyrightPlan {
  /** Python version -> the example files to check against it. */
  groups: Map<string, string[]>;
  /** Every package the examples declare. */
  dependencies: string[];
}

/** Each example under the version its `requires-python` starts at; helper modules at the oldest. */
export function planPyright(examplesRoot?: string): PyrightPlan {
  const { programs, helpers } = discoverExamples(examplesRoot);
  const groups = new Map<string, string[]>();
  const dependencies = new Set<string>();
  const add = (version: string, file: string): void => {
    groups.set(version, [...(groups.get(version) ?? []), file]);
  };
  for (const program of programs) {
    let meta;
    try {
      meta = parseExampleMeta(readFileSync(program.file, 'utf8'));
    } catch {
      add(oldestPythonFor(undefined), program.file); // the metadata test reports the broken header
      continue;
    }
    meta.dependencies.forEach((d) => dependencies.add(d));
    add(oldestPythonFor(meta.requiresPython), program.file);
  }
  const root = examplesRoot ?? path.join(REPO_ROOT, 'examples');
  for (const helper of helpers) add(oldestPythonFor(undefined), path.join(root, helper));
  return { groups, dependencies: [...dependencies] };
}

/**
 * The interpreter whose installed packages pyright should read: the first one that can import
 * every package the examples declare (Debian's packages install for /usr/bin/python3, which may
 * not be the `python3` first on PATH), else pyright's own choice.
 */
async function pythonWithPackages(dependencies: readonly string[]): Promise<string | undefined> {
  if (dependencies.length === 0) return undefined;
  for (const python of findPythons()) {
    if ((await missingPackages(dependencies, python)).length > 0) continue;
    const probe = spawnSync(python.command, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
    const executable = probe.stdout?.trim();
    if (probe.status === 0 && executable) return executable;
  }
  return undefined;
}

function pyright(args: readonly string[]): Promise<ToolRun> {
  // process.execPath: the Node running the tests (the project's Node 24), not whatever is on PATH.
  return run(process.execPath, [PYRIGHT, '--project', 'pyrightconfig.json', ...args]);
}

/** pyright over the given files, as configured in pyrightconfig.json (Python 3.11). */
export async function runPyright(paths: readonly string[]): Promise<CheckResult> {
  const result = await pyright(paths);
  return result.status === 0 ? { ok: true } : { ok: false, report: `pyright found errors:\n${result.output}` };
}

/**
 * pyright over every example, each checked against the oldest Python its `requires-python`
 * allows (a 3.13 example may use 3.13's API, a 3.11 one may not), with the packages of an
 * interpreter that has what the examples import.
 */
export async function runPyrightOnExamples(examplesRoot?: string): Promise<CheckResult> {
  const plan = planPyright(examplesRoot);
  const pythonPath = await pythonWithPackages(plan.dependencies);
  const reports: string[] = [];
  const byVersion = [...plan.groups].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  for (const [version, files] of byVersion) {
    const result = await pyright(['--pythonversion', version, ...(pythonPath ? ['--pythonpath', pythonPath] : []), ...files]);
    if (result.status !== 0) reports.push(`as Python ${version}:\n${result.output}`);
  }
  return reports.length === 0 ? { ok: true } : { ok: false, report: `pyright found errors:\n${reports.join('\n')}` };
}

/** The first command of `candidates` that exists, run with `args`. */
async function runFirstAvailable(
  tool: string,
  candidates: readonly (readonly string[])[],
  args: readonly string[],
): Promise<CheckResult> {
  for (const [command, ...prefix] of candidates) {
    if (command === undefined) continue;
    const result = await run(command, [...prefix, ...args]);
    if (result.missing || /No module named/.test(result.output)) continue;
    return result.status === 0 ? { ok: true } : { ok: false, report: `${tool} found problems:\n${result.output}` };
  }
  return { ok: 'unavailable', reason: `${tool} is not installed (Debian: apt-get install ${tool === 'pyflakes' ? 'pyflakes3' : tool})` };
}

export function runPyflakes(paths: readonly string[]): Promise<CheckResult> {
  const python = process.env['PYTHON'] || 'python3';
  return runFirstAvailable('pyflakes', [['pyflakes3'], ['pyflakes'], [python, '-m', 'pyflakes']], paths);
}

export function runPycodestyle(paths: readonly string[]): Promise<CheckResult> {
  const python = process.env['PYTHON'] || 'python3';
  return runFirstAvailable(
    'pycodestyle',
    [['pycodestyle'], [python, '-m', 'pycodestyle']],
    [`--max-line-length=${MAX_LINE_LENGTH}`, ...paths],
  );
}
