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
 * The snapshot file's layout, inside its gzip: a header, then only the parts of the memory that
 * are not zero. Half of an interpreter's memory is untouched zeros in a few long runs (16 of 31
 * MB); leaving them out halves what the worker inflates (on the thread that starts Python, 250 ms
 * of a cold start before), and the unpacked memory is written in place as it comes, with no
 * second copy. Header, little-endian 32-bit words: the magic, the memory's length, how many parts,
 * then each part's offset and length.
 */
const SNAPSHOT_MAGIC = 0x3153504c; // "LPS1"
/** Zeros are left out in whole blocks of this size (a WebAssembly page). */
const BLOCK = 65536;

/** The memory as the snapshot file stores it (before gzip): header, then its non-zero blocks. */
export function packSnapshot(memory: Uint8Array): Uint8Array {
  const parts: Array<[offset: number, length: number]> = [];
  for (let offset = 0; offset < memory.length; offset += BLOCK) {
    const block = memory.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) continue;
    const last = parts.at(-1);
    if (last && last[0] + last[1] === offset) last[1] += block.length;
    else parts.push([offset, block.length]);
  }
  const header = [SNAPSHOT_MAGIC, memory.length, parts.length, ...parts.flat()];
  const packed = new Uint8Array(4 * header.length + parts.reduce((sum, [, length]) => sum + length, 0));
  const view = new DataView(packed.buffer);
  header.forEach((word, i) => view.setUint32(4 * i, word, true));
  let at = 4 * header.length;
  for (const [offset, length] of parts) {
    packed.set(memory.subarray(offset, offset + length), at);
    at += length;
  }
  return packed;
}

/**
 * The memory back from a packed snapshot arriving in chunks of any size: each byte is written
 * straight to its place in a zero-filled memory of the right length.
 */
export async function unpackSnapshot(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  let pending = new Uint8Array(0); // header bytes not yet complete
  let memory: Uint8Array | undefined;
  let parts: Array<[number, number]> = [];
  let part = 0;
  let written = 0; // of the current part
  const word = (bytes: Uint8Array, i: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(i * 4, true);
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    let chunk = next.value;
    if (!memory) {
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending);
      joined.set(chunk, pending.length);
      if (joined.length >= 4 && word(joined, 0) !== SNAPSHOT_MAGIC) throw new Error('not a start-up snapshot');
      if (joined.length < 12 || joined.length < 12 + 8 * word(joined, 2)) {
        pending = joined;
        continue;
      }
      const count = word(joined, 2);
      parts = Array.from({ length: count }, (_, i) => [word(joined, 3 + 2 * i), word(joined, 4 + 2 * i)]);
      memory = new Uint8Array(word(joined, 1));
      chunk = joined.subarray(12 + 8 * count);
    }
    while (chunk.length > 0) {
      const [offset, length] = parts[part] ?? [];
      if (offset === undefined || length === undefined) throw new Error('start-up snapshot longer than its header says');
      const take = Math.min(length - written, chunk.length);
      memory.set(chunk.subarray(0, take), offset + written);
      chunk = chunk.subarray(take);
      written += take;
      if (written === length) [part, written] = [part + 1, 0];
    }
  }
  if (!memory || part !== parts.length) throw new Error('start-up snapshot cut short');
  return memory;
}

/** Bumped when the file's layout changes, so that no worker reads a file of another layout. */
const SNAPSHOT_LAYOUT = 'packed-1';

/**
 * The snapshot's file name, beside Pyodide's files: `livepy-<digest>.snapshot` (gzip inside; not
 * named `.gz`, which some servers, Vite's preview among them, send as `Content-Encoding: gzip`, so
 * that the browser would undo it before we do), the digest taken over the file's layout and the
 * runner's sources (FNV-1a, 32 bits: it tells builds apart, it guards nothing).
 */
export function snapshotFileName(files: Readonly<Record<string, string>>): string {
  let hash = 0x811c9dc5;
  const texts = [SNAPSHOT_LAYOUT, '\0', ...Object.keys(files).sort().flatMap((path) => [path, '\0', files[path]!, '\0'])];
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
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
  fetcher: (url: string) => Promise<Response> = fetch,
): Promise<FoundSnapshot | undefined> {
  let response: Response;
  try {
    response = await fetcher(new URL(snapshotFileName(files), indexURL).href);
  } catch {
    return undefined;
  }
  if (!response.ok || !response.body) return undefined;
  return { memory: unpackSnapshot(response.body.pipeThrough(new DecompressionStream('gzip'))) };
}
