/**
 * The worker's Host loads the page's database beside Python: a 'prepare-database' request that
 * arrives while Pyodide still loads starts PGlite's loading at once, with progress reported under
 * the run's id, and the run that follows uses that same load instead of starting another.
 */
import { describe, expect, it } from 'vitest';
import type { PyodideAPI } from 'pyodide';
import type { PGliteLike } from '../../../src/runtime/database.ts';
import { Host } from '../../../src/runtime/host.ts';
import type { WorkerMessage } from '../../../src/runtime/protocol.ts';

describe('the host loads the database beside Python', () => {
  it('starts loading PGlite on prepare-database while Pyodide is still loading, once', async () => {
    const posted: WorkerMessage[] = [];
    const loads: (string | undefined)[] = [];
    const pyodide = Promise.withResolvers<PyodideAPI>();
    const database = Promise.withResolvers<PGliteLike>();
    const host = new Host({
      files: {},
      loadPyodide: () => pyodide.promise, // still loading for the whole test
      post: (message) => posted.push(message),
      yieldToEventLoop: () => Promise.resolve(),
      loadDatabase: (url, progress) => {
        loads.push(url);
        progress(0, 100);
        return database.promise;
      },
    });
    host.handle({ type: 'init', id: 1, indexURL: 'http://site/pyodide/', databaseURL: 'http://site/pglite/' });
    host.handle({ type: 'prepare-database', id: 7 });
    host.handle({ type: 'prepare-database', id: 7 }); // a second ask shares the first load
    expect(loads).toEqual(['http://site/pglite/']);
    expect(posted).toEqual([{ type: 'loading', id: 7, what: 'database', phase: 'download', loadedBytes: 0, totalBytes: 100 }]);
    // No 'ready' for Python yet: the database did not wait for it.
    expect(posted.some((m) => m.type === 'ready')).toBe(false);
  });
});
