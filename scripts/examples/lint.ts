import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { EXAMPLES_DIR } from '../../src/lib/examples/files.ts';
import { parseExampleMeta } from '../../src/lib/examples/metadata.ts';
import { interpreterFor } from './packages.ts';
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

/**
 * How long a tool may run. pyright over the examples and the runner (its stand-ins included)
 * takes about a minute alone and close to two on a busy two-core machine.
 */
export const TOOL_TIMEOUT_MS = 90_000;
export const PYRIGHT_TIMEOUT_MS = 300_000;

/** Asynchronous, so the checks of one test file run side by side. */
function run(command: string, args: readonly string[], timeoutMs: number = TOOL_TIMEOUT_MS): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: null, output: error.message, missing: error.code === 'ENOENT' }),
    );
    child.on('close', (status, signal) => {
      // Killed for taking too long: say so, rather than report "errors" with nothing after it.
      const killed = status === null && signal ? `\n(stopped by ${signal}: still running after ${timeoutMs / 1000} s)` : '';
      resolve({ status, output: `${output.trim()}${killed}`, missing: false });
    });
  });
}

function metaOf(file: string): ReturnType<typeof parseExampleMeta> | undefined {
  try {
    return parseExampleMeta(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // A broken header is the layout test's to report.
  }
}

/** Every package the examples declare in their PEP 723 blocks (`aiohttp>=3.8`, ...), once. */
export function declaredPackages(root: string = EXAMPLES_DIR): string[] {
  const all = discoverExamples(root).programs.flatMap((program) => metaOf(program.file)?.dependencies ?? []);
  return [...new Set(all)].sort();
}

/**
 * The Python version pyright must assume for an example: the lowest its `requires-python` allows
 * (`>=3.13` -> `3.13`), or the project's oldest, 3.11. An example that shows a 3.13 API
 * (`async for` over `as_completed`) is checked against 3.13's stubs, the rest against 3.11's.
 */
export function pyrightVersionFor(requiresPython: string | undefined): string {
  const lowest = requiresPython && /(?:>=|~=|==)\s*(\d+\.\d+)/.exec(requiresPython)?.[1];
  return lowest || MINIMUM_PYTHON.join('.');
}

/** What pyrightconfig.json checks besides `examples/` (the Python runner, its tests). */
function otherIncludes(): string[] {
  const config = JSON.parse(readFileSync(path.join(REPO_ROOT, 'pyrightconfig.json'), 'utf8')) as { include?: string[] };
  return (config.include ?? []).filter((entry) => entry.replace(/\/$/, '') !== 'examples');
}

/**
 * What pyright checks, grouped by the Python version it must assume: the files under
 * `examples/` by their `requires-python`, and everything else pyrightconfig.json includes at
 * the project's oldest version. pyright sets its version per execution environment, which is a
 * folder, never a file, so each group is one run of its own (`--pythonversion`). Helper modules
 * are checked at the oldest version, like most programs.
 */
export function pyrightGroups(root: string = EXAMPLES_DIR, others: readonly string[] = otherIncludes()): Map<string, string[]> {
  const { programs, helpers } = discoverExamples(root);
  const oldest = MINIMUM_PYTHON.join('.');
  const groups = new Map<string, string[]>([[oldest, [...others]]]);
  const add = (version: string, file: string) => groups.set(version, [...(groups.get(version) ?? []), file]);
  for (const program of programs) add(pyrightVersionFor(metaOf(program.file)?.requiresPython), program.file);
  for (const helper of helpers) add(oldest, path.join(root, helper));
  return groups;
}

/**
 * pyright resolves imports through an interpreter's search paths. The examples' packages come
 * from Debian (`python3-aiohttp`) and install for `/usr/bin/python3` only, which need not be the
 * `python3` first on PATH, so pyright is pointed (`--pythonpath`) at the first interpreter that
 * imports every declared package: the same order of preference the examples tier uses, so on a
 * machine whose `python3` has them, that one is chosen.
 */
async function pythonWithPackages(): Promise<{ ok: true; args: string[] } | { ok: false; reason: string }> {
  const choice = await interpreterFor({ dependencies: declaredPackages(), requiresPython: undefined }, findPythons());
  if (!choice.ok) return { ok: false, reason: `pyright cannot resolve the examples' imports: ${choice.reason}` };
  return { ok: true, args: ['--pythonpath', choice.python.executable ?? choice.python.command] };
}

function pyright(args: readonly string[]): Promise<ToolRun> {
  // process.execPath: the Node running the tests (the project's Node 24), not whatever is on PATH.
  return run(process.execPath, [PYRIGHT, '--project', 'pyrightconfig.json', ...args], PYRIGHT_TIMEOUT_MS);
}

/**
 * pyright over `paths` (the fixtures of the must-fail tests), or, with none, over everything
 * pyrightconfig.json includes, one run per Python version the examples need.
 */
export async function runPyright(paths: readonly string[] = []): Promise<CheckResult> {
  const python = await pythonWithPackages();
  if (paths.length > 0) {
    const result = await pyright([...(python.ok ? python.args : []), ...paths]);
    return result.status === 0 ? { ok: true } : { ok: false, report: `pyright found errors:\n${result.output}` };
  }
  if (!python.ok) return { ok: 'unavailable', reason: python.reason };
  return runPyrightGroups(pyrightGroups(), python.args);
}

/** One pyright run per group, each as the Python version it is keyed by. */
export async function runPyrightGroups(groups: Map<string, string[]>, args?: readonly string[]): Promise<CheckResult> {
  if (args === undefined) {
    const python = await pythonWithPackages();
    if (!python.ok) return { ok: 'unavailable', reason: python.reason };
    args = python.args;
  }
  const pythonArgs = args;
  const runs = await Promise.all(
    [...groups].filter(([, files]) => files.length > 0).map(async ([version, files]) => ({
      version,
      result: await pyright([...pythonArgs, '--pythonversion', version, ...files]),
    })),
  );
  const failed = runs.filter((r) => r.result.status !== 0);
  if (failed.length === 0) return { ok: true };
  return {
    ok: false,
    report: failed.map((r) => `pyright (Python ${r.version}) found errors:\n${r.result.output}`).join('\n\n'),
  };
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
