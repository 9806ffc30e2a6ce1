/**
 * The worker's Host (src/runtime/host.ts) under Node: Pyodide from node_modules, the runner's
 * sources read from disk. The one way Node runs the browser's runtime: in-process in the unit
 * tests and the examples tier, and as the body of a worker_threads worker
 * (tests/unit/runtime/node-worker.ts). Node must run with `--experimental-wasm-jspi`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setImmediate } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { Host } from '../../src/runtime/host.ts';
import type { WorkerMessage } from '../../src/runtime/protocol.ts';

const RUNNER_DIR = fileURLToPath(new URL('../../src/runtime/python/livepy/', import.meta.url));

export function runnerFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(RUNNER_DIR)
      .filter((name) => name.endsWith('.py'))
      .map((name) => [`livepy/${name}`, readFileSync(RUNNER_DIR + name, 'utf8')]),
  );
}

export function nodeHost(post: (message: WorkerMessage) => void): Host {
  return new Host({
    files: runnerFiles(),
    loadPyodide: () => loadPyodide(),
    post,
    yieldToEventLoop: () => new Promise<void>((resolve) => setImmediate(resolve)),
  });
}
