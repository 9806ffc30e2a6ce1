/**
 * The page's door to the Python runtime: one shared WorkerRuntime (one worker) per page, whose
 * worker is made so that the page's Content-Security-Policy applies inside it. Browser-only: the
 * client (client.ts) stays free of bundler imports so the unit tests run it under Node.
 */
import { databaseURL, pyodideIndexURL, WorkerRuntime, type PythonRuntime, type WorkerLike } from './client.ts';
import workerUrl from './worker.ts?worker&url';
import { expectedSnapshotDownloadMs } from '../components/pyodide-preload.ts';

/**
 * The Python worker, made from a blob: URL that imports the real worker module. A worker from a
 * blob: URL inherits the page's Content-Security-Policy (src/lib/csp.ts), which limits what the
 * reader's program can reach to the site itself; one loaded from the site's own URL would get its
 * policy from HTTP headers, which a static host does not send.
 */
export function createPythonWorker(): WorkerLike {
  // For profiles and `npm run bench`: when the page started Python, on its timeline.
  performance.mark('python:worker');
  const moduleUrl = new URL(workerUrl, globalThis.location.href).href;
  const source = new Blob([`import ${JSON.stringify(moduleUrl)};\n`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(source), { type: 'module', name: 'python' });
}

let shared: WorkerRuntime | undefined;

/** One shared runtime (one worker) per page. */
export function getRuntime(): PythonRuntime {
  if (!shared) {
    shared = new WorkerRuntime({
      createWorker: createPythonWorker,
      indexURL: pyodideIndexURL(),
      databaseURL: databaseURL(),
      snapshotDownloadMs: expectedSnapshotDownloadMs,
    });
    shared.onStatus((status) => {
      if (status === 'ready' && performance.getEntriesByName('python:ready').length === 0) performance.mark('python:ready');
    });
  }
  return shared;
}
