/**
 * The worker's Host (src/runtime/host.ts) under Node: Pyodide from node_modules, the runner's
 * sources read from disk. The one way Node runs the browser's runtime: in-process in the unit
 * tests and the examples tier, and as the body of a worker_threads worker
 * (tests/unit/runtime/node-worker.ts). Node must run with `--experimental-wasm-jspi`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import type { PGliteLike } from '../../src/runtime/database.ts';
import { Host } from '../../src/runtime/host.ts';
import type { WorkerMessage } from '../../src/runtime/protocol.ts';
import { ensureSnapshot } from '../pglite/snapshot.mjs';
import { runnerFiles } from './runner-files.ts';

const PYTHON_DIR = fileURLToPath(new URL('../../src/runtime/python/', import.meta.url));

export { runnerFiles };

/** The stand-ins' sources, as the worker gets them (src/runtime/standin-files.ts). */
export function standinFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(PYTHON_DIR, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__') walk(child);
      } else if (entry.name.endsWith('.py')) {
        files[child] = readFileSync(path.join(PYTHON_DIR, child), 'utf8');
      }
    }
  };
  walk('standins');
  return files;
}

/** PGlite from node_modules, started from the same snapshot the site serves (built once, cached). */
export async function loadNodeDatabase(progress: (loadedBytes: number, totalBytes: number) => void): Promise<PGliteLike> {
  const { PGlite } = await import('@electric-sql/pglite').catch((error: unknown) => {
    throw new Error(`PGlite (the npm package @electric-sql/pglite) could not be loaded, so database examples cannot run under Node; \`npm ci\` installs it (${error instanceof Error ? error.message : String(error)})`);
  });
  const snapshot = (await ensureSnapshot()) as Uint8Array;
  progress(snapshot.length, snapshot.length);
  return (await PGlite.create({ loadDataDir: new Blob([snapshot as Uint8Array<ArrayBuffer>]) })) as unknown as PGliteLike;
}

/** A start-up snapshot (see src/runtime/snapshot.ts) for a host to restore, when given one. */
export function nodeHost(post: (message: WorkerMessage) => void, snapshot?: Uint8Array): Host {
  return new Host({
    files: runnerFiles(),
    loadPyodide: (_indexURL, options) => loadPyodide(options),
    ...(snapshot ? { findSnapshot: async () => ({ memory: Promise.resolve(snapshot) }) } : {}),
    post,
    yieldToEventLoop: () => new Promise<void>((resolve) => setImmediate(resolve)),
    standinFiles: async () => standinFiles(),
    loadDatabase: (_url, progress) => loadNodeDatabase(progress),
  });
}
