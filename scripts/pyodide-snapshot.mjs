// Makes the start-up snapshot the Python worker restores instead of starting Python from scratch
// (see src/runtime/snapshot.ts): Pyodide from node_modules, the runner installed exactly as the
// worker installs it, the interpreter's memory packed (its zeros left out) and gzipped into
// public/pyodide/ under a name that carries the runner's digest. Runs before `astro build`, after copy-pyodide.mjs, with
// `--experimental-wasm-jspi` (the browser has JSPI; Pyodide sets itself up for it).
//
// A snapshot that is already there for these runner sources and this build of Pyodide is kept.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadPyodide } from 'pyodide';
import { runnerFiles } from './runtime/runner-files.ts';
import { makeSnapshot, packSnapshot, snapshotFileName, unpackSnapshot } from '../src/runtime/snapshot.ts';

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve('pyodide/package.json'));
const target = new URL('../public/pyodide/', import.meta.url);

/** The build id Pyodide stamps into a snapshot's header and checks before restoring it. */
const buildId = /BUILD_ID:"([0-9a-f]{64})"/.exec(readFileSync(path.join(pyodideDir, 'pyodide.mjs'), 'utf8'))?.[1];
if (!buildId) throw new Error("pyodide.mjs does not name its BUILD_ID: has Pyodide's loader changed?");

/** The build id in a snapshot's header: after magic, offset, length and padding, 8 words. */
function buildIdOf(snapshot) {
  const words = new Uint32Array(snapshot.buffer, snapshot.byteOffset + 16, 8);
  return Array.from(words, (n) => n.toString(16).padStart(8, '0')).join('');
}

const files = runnerFiles();
const name = snapshotFileName(files);
const file = new URL(name, target);

for (const old of readdirSync(target).filter((f) => /^livepy-.*\.snapshot(\.gz)?$/.test(f) && f !== name)) {
  rmSync(new URL(old, target));
}
/** The memory the snapshot file already there holds, if it can be read. */
const existing = existsSync(file) ? await unpackSnapshot(new Blob([gunzipSync(readFileSync(file))]).stream()).catch(() => undefined) : undefined;

if (existing && buildIdOf(existing) === buildId) {
  console.log(`start-up snapshot up to date: public/pyodide/${name}`);
} else {
  const started = performance.now();
  const snapshot = await makeSnapshot((options) => loadPyodide({ indexURL: pyodideDir, ...options }), files);
  const packed = packSnapshot(snapshot);
  const gzipped = gzipSync(packed, { level: 9 });
  writeFileSync(file, gzipped);
  const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(
    `start-up snapshot: public/pyodide/${name}, ${mb(snapshot.length)} of memory, ${mb(packed.length)} of it not zeros, ${mb(gzipped.length)} gzipped, ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
