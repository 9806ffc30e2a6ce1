import { spawnSync } from 'node:child_process';
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

function run(command: string, args: readonly string[]): { status: number | null; output: string; missing: boolean } {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 90_000 });
  const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(), missing };
}

export function runPyright(paths: readonly string[] = []): CheckResult {
  // process.execPath: the Node running the tests (the project's Node 24), not whatever is on PATH.
  const result = run(process.execPath, [PYRIGHT, '--project', 'pyrightconfig.json', ...paths]);
  return result.status === 0 ? { ok: true } : { ok: false, report: `pyright found errors:\n${result.output}` };
}

/** The first command of `candidates` that exists, run with `args`. */
function runFirstAvailable(tool: string, candidates: readonly (readonly string[])[], args: readonly string[]): CheckResult {
  for (const [command, ...prefix] of candidates) {
    if (command === undefined) continue;
    const result = run(command, [...prefix, ...args]);
    if (result.missing || /No module named/.test(result.output)) continue;
    return result.status === 0 ? { ok: true } : { ok: false, report: `${tool} found problems:\n${result.output}` };
  }
  return { ok: 'unavailable', reason: `${tool} is not installed (Debian: apt-get install ${tool === 'pyflakes' ? 'pyflakes3' : tool})` };
}

export function runPyflakes(paths: readonly string[]): CheckResult {
  const python = process.env['PYTHON'] || 'python3';
  return runFirstAvailable('pyflakes', [['pyflakes3'], ['pyflakes'], [python, '-m', 'pyflakes']], paths);
}

export function runPycodestyle(paths: readonly string[]): CheckResult {
  const python = process.env['PYTHON'] || 'python3';
  return runFirstAvailable(
    'pycodestyle',
    [['pycodestyle'], [python, '-m', 'pycodestyle']],
    [`--max-line-length=${MAX_LINE_LENGTH}`, ...paths],
  );
}
