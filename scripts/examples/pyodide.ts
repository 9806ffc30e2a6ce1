import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { RUNNER_CLI, RUNNER_DIR } from './python.ts';

/**
 * Runs browser examples in Pyodide under Node, through the same runner CLI CPython uses.
 *
 * Loading Pyodide takes ~3 s, so one interpreter serves a whole test file; between examples
 * the wrapper below restores argv, sys.path and the working directory and forgets every module
 * loaded from the runner or the example folders, so each run starts from the same state.
 * `asyncio.run` under Pyodide needs JSPI: Node must run with `--experimental-wasm-jspi`.
 */
const RUNNER_MOUNT = '/runner';
const EXAMPLES_MOUNT = '/examples';

const WRAPPER = `
import os, runpy, sys

def _examples_tier_run(runner_cli, clock, program):
    saved = (sys.argv[:], sys.path[:], os.getcwd())
    sys.argv = [runner_cli, "--clock", clock, program]
    # As \`python3 run_example.py\` would: the script's folder first on the path.
    sys.path.insert(0, os.path.dirname(runner_cli))
    os.chdir(os.path.dirname(program))
    status = 0
    try:
        runpy.run_path(runner_cli, run_name="__main__")
    except SystemExit as exit:
        if exit.code is None:
            status = 0
        elif isinstance(exit.code, int):
            status = exit.code
        else:
            print(exit.code, file=sys.stderr)
            status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.argv, sys.path[:], cwd = saved[0], saved[1], saved[2]
        os.chdir(cwd)
        for name, module in list(sys.modules.items()):
            origin = getattr(module, "__file__", None) or ""
            if origin.startswith(("${RUNNER_MOUNT}/", "${EXAMPLES_MOUNT}/")):
                del sys.modules[name]
    return status
`;

/** The wrapper function as a PyProxy: callable through JSPI, destroyed after use. */
interface PromisingCallable {
  callPromising: (...args: string[]) => Promise<number>;
  destroy: () => void;
}

export interface PyodideRunResult {
  output: string;
  exitCode: number;
}

function pythonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__pycache__' ? [] : pythonFilesUnder(full);
    return entry.name.endsWith('.py') ? [full] : [];
  });
}

function writeTree(pyodide: PyodideAPI, sourceDir: string, files: readonly string[], mount: string): void {
  for (const file of files) {
    const target = path.posix.join(mount, path.relative(sourceDir, file).split(path.sep).join('/'));
    pyodide.FS.mkdirTree(path.posix.dirname(target));
    pyodide.FS.writeFile(target, readFileSync(file, 'utf8'));
  }
}

/** Where the runner package lives on disk and which file is its CLI. */
export interface RunnerLocation {
  dir: string;
  cli: string;
}

export const PROJECT_RUNNER: RunnerLocation = { dir: RUNNER_DIR, cli: RUNNER_CLI };

export class PyodideExampleRunner {
  readonly #pyodide: PyodideAPI;
  readonly #runnerCli: string;
  #output = '';
  readonly #decoder = new TextDecoder();

  private constructor(pyodide: PyodideAPI, runnerCli: string) {
    this.#pyodide = pyodide;
    this.#runnerCli = runnerCli;
    // One sink for both streams, written synchronously, keeps print order.
    const sink = {
      write: (buffer: Uint8Array): number => {
        this.#output += this.#decoder.decode(buffer, { stream: true });
        return buffer.length;
      },
    };
    pyodide.setStdout(sink);
    pyodide.setStderr(sink);
  }

  /** Loads Pyodide (~2–3 s) and the runner package. */
  static async create(runner: RunnerLocation = PROJECT_RUNNER): Promise<PyodideExampleRunner> {
    const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
    writeTree(pyodide, runner.dir, pythonFilesUnder(runner.dir), RUNNER_MOUNT);
    pyodide.runPython(WRAPPER);
    const cli = path.posix.join(RUNNER_MOUNT, path.relative(runner.dir, runner.cli).split(path.sep).join('/'));
    return new PyodideExampleRunner(pyodide, cli);
  }

  get version(): string {
    return String(this.#pyodide.runPython('import sys; sys.version.split()[0]'));
  }

  /**
   * Runs the program at `file` (known as `id`, its path under an examples root) with the clock
   * its output was recorded on.
   */
  async run(file: string, id: string, clock: string): Promise<PyodideRunResult> {
    // Fresh copies every run: the program and the helper modules beside it.
    const folder = path.dirname(file);
    const siblings = readdirSync(folder)
      .filter((name) => name.endsWith('.py'))
      .map((name) => path.join(folder, name));
    const mountedFolder = path.posix.join(EXAMPLES_MOUNT, path.posix.dirname(id));
    writeTree(this.#pyodide, folder, siblings, mountedFolder);

    this.#output = '';
    const runnerCli = this.#runnerCli;
    const program = path.posix.join(EXAMPLES_MOUNT, id);
    const run = this.#pyodide.globals.get('_examples_tier_run') as PromisingCallable;
    let exitCode: number;
    try {
      // callPromising lets asyncio.run suspend on JSPI when the runner uses Pyodide's own loop.
      exitCode = await run.callPromising(runnerCli, clock, program);
    } catch (error) {
      // The wrapper catches SystemExit; anything else escaping is the runner's own failure.
      this.#output += `\n[runner error] ${error instanceof Error ? error.message : String(error)}`;
      exitCode = 1;
    } finally {
      run.destroy();
    }
    this.#output += this.#decoder.decode();
    return { output: this.#output, exitCode };
  }
}
