/**
 * Starting Python from a memory snapshot instead of from scratch.
 *
 * Starting CPython in Pyodide means initialising the interpreter and importing, from the
 * standard library's sources, everything Pyodide and our runner need: most of a cold start's
 * time, and all of it the same on every start. So the build starts Pyodide once under Node, loads
 * the runner exactly as the worker does (`installRunner`), and saves the interpreter's memory
 * (Pyodide's `_makeSnapshot` / `makeMemorySnapshot`, experimental in 314). The worker hands that
 * memory to `loadPyodide({ _loadSnapshot })` and is ready once the WebAssembly is compiled.
 *
 * The snapshot's file name carries a digest of the runner's sources, so a worker never restores a
 * runner other than the one it was built with (then it starts from scratch); Pyodide itself
 * refuses a snapshot made by another build of its WebAssembly. What a snapshot cannot carry
 * (fresh random seeds, the reader's time zone) `livepy.browser.resume` puts right after a restore.
 *
 * Framework-free: used by the worker, by the build (scripts/pyodide-snapshot.mjs) and by the tests.
 */
import type { PyodideAPI } from 'pyodide';

/** Where the runner's package goes in Pyodide's file system (on sys.path). */
export const RUNNER_ROOT = '/lib/livepy-runner';

/** What the host asks of `loadPyodide`, besides where Pyodide's files are. */
export interface StartOptions {
  env: Record<string, string>;
  _sysExecutable: string;
  /** Restore this memory instead of starting the interpreter from scratch. */
  _loadSnapshot?: Promise<Uint8Array>;
  /** Keep what a snapshot needs (the build only). */
  _makeSnapshot?: boolean;
}

/**
 * Every start, fresh, restored or the one the snapshot is taken from, with the same settings:
 * - `LANG`: a fresh start would take it from the browser's language and a snapshot from the
 *   machine that built it; fixed, both agree, and no output depends on the reader's browser;
 * - `sys.executable` (and `$_`) as Emscripten names the program in a browser; under Node it would
 *   be the path of the build's script on the build machine.
 */
export function startOptions(): StartOptions {
  return { env: { LANG: 'C.UTF-8' }, _sysExecutable: './this.program' };
}

/** The build's snapshot: Pyodide started with `load`, the runner installed, its memory taken. */
export async function makeSnapshot(
  load: (options: StartOptions) => Promise<PyodideAPI>,
  files: Readonly<Record<string, string>>,
): Promise<Uint8Array> {
  const pyodide = await load({ ...startOptions(), _makeSnapshot: true });
  installRunner(pyodide, files);
  return pyodide.makeMemorySnapshot();
}

/** Writes the runner's sources into Pyodide's file system and imports it (sets its baseline). */
export function installRunner(pyodide: PyodideAPI, files: Readonly<Record<string, string>>): void {
  writeRunnerFiles(pyodide, files);
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(RUNNER_ROOT)})\nimport livepy.browser`);
}

/**
 * The file system lives outside the interpreter's memory, so a restored interpreter has its
 * modules but not their files: written again for tracebacks and `linecache`.
 */
export function writeRunnerFiles(pyodide: PyodideAPI, files: Readonly<Record<string, string>>): void {
  for (const [path, source] of Object.entries(files)) {
    const target = `${RUNNER_ROOT}/${path}`;
    pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
    pyodide.FS.writeFile(target, source);
  }
}

/**
 * The snapshot's file name, beside Pyodide's files: `livepy-<digest>.snapshot` (gzip inside; not
 * named `.gz`, which some servers, Vite's preview among them, send as `Content-Encoding: gzip`, so
 * that the browser would undo it before we do), the digest
 * taken over the runner's sources (FNV-1a, 32 bits: it tells builds apart, it guards nothing).
 */
export function snapshotFileName(files: Readonly<Record<string, string>>): string {
  let hash = 0x811c9dc5;
  for (const path of Object.keys(files).sort()) {
    for (const text of [path, '\0', files[path]!, '\0']) {
      for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
    }
  }
  return `livepy-${hash.toString(16).padStart(8, '0')}.snapshot`;
}

/** A snapshot the site has: its memory, still downloading (gzip, undone as it comes). */
export interface FoundSnapshot {
  memory: Promise<Uint8Array>;
}

/**
 * The snapshot for these runner sources, from the site: undefined as soon as the site answers
 * that it has none (the worker then starts Python from scratch), else its memory, for
 * `loadPyodide` to wait for while it compiles the WebAssembly.
 */
export async function fetchSnapshot(
  indexURL: string,
  files: Readonly<Record<string, string>>,
  fetcher: typeof fetch = fetch,
): Promise<FoundSnapshot | undefined> {
  let response: Response;
  try {
    response = await fetcher(new URL(snapshotFileName(files), indexURL).href);
  } catch {
    return undefined;
  }
  if (!response.ok || !response.body) return undefined;
  const memory = response.body.pipeThrough(new DecompressionStream('gzip'));
  return { memory: new Response(memory).arrayBuffer().then((buffer) => new Uint8Array(buffer)) };
}
