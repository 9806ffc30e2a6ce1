import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

export async function runPyright(paths: readonly string[] = []): Promise<CheckResult> {
  // process.execPath: the Node running the tests (the project's Node 24), not whatever is on PATH.
  const result = await run(process.execPath, [PYRIGHT, '--project', 'pyrightconfig.json', ...paths]);
  return result.status === 0 ? { ok: true } : { ok: false, report: `pyright found errors:\n${result.output}` };
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
