/**
 * The module Web Worker that hosts Pyodide (Pyodide 314 requires a module worker). All the logic
 * is in host.ts; this file connects it to the page through the private port the first message
 * brings, and keeps the reader's program from reaching anything but the site (network-guard.ts).
 */
/// <reference lib="webworker" />
import type { PyodideAPI } from 'pyodide';
import { loadPageDatabase } from './database-loader.ts';
import { Host } from './host.ts';
import { guardNetwork, type NetworkScope } from './network-guard.ts';
import { isRequest, type InitRequest } from './protocol.ts';
import { PYTHON_FILES } from './python-files.ts';
import { fetchSnapshot } from './snapshot.ts';
import { cpuProbe, shouldFetchSnapshot } from '../lib/playground/snapshot-choice.ts';

declare const self: DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** The page's port: module scope only, out of reach of Python's `js` module (the global scope). */
let port: MessagePort | undefined;

type PyodideModule = typeof import('pyodide');
let pyodideModule: Promise<PyodideModule> | undefined;

/** The site's own copy of Pyodide's loader, never a CDN; not bundled, so the build keeps one copy. */
function importPyodide(indexURL: string): Promise<PyodideModule> {
  pyodideModule ??= import(/* @vite-ignore */ `${indexURL}pyodide.mjs`) as Promise<PyodideModule>;
  return pyodideModule;
}

const host = new Host({
  files: PYTHON_FILES,
  async loadPyodide(indexURL, options): Promise<PyodideAPI> {
    const { loadPyodide } = await importPyodide(indexURL);
    return loadPyodide({ indexURL, ...options });
  },
  async findSnapshot(indexURL, downloadMs) {
    // Pyodide's loader (and the module it loads) download and compile while the snapshot is
    // looked for, and while the page measures the network.
    void importPyodide(indexURL).catch(() => undefined);
    void import(/* @vite-ignore */ `${indexURL}pyodide.asm.mjs`).catch(() => undefined);
    const cached = await fetchSnapshot(indexURL, PYTHON_FILES, (url) => fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }));
    if (cached) return cached;
    // Timed while the page still measures the network: this worker has nothing else to do yet.
    const probeMs = cpuProbe();
    return shouldFetchSnapshot(await downloadMs, probeMs) ? fetchSnapshot(indexURL, PYTHON_FILES) : undefined;
  },
  post(message) {
    port?.postMessage(message);
  },
  // Loaded by the first run that declares a stand-in (a chunk of its own), never before.
  async standinFiles() {
    return (await import('./standin-files.ts')).STANDIN_FILES;
  },
  loadDatabase(url, progress) {
    if (!url) return Promise.reject(new Error('no address for the database files was given'));
    return loadPageDatabase(url, progress);
  },
  // A MessageChannel round trip lets queued messages in without setTimeout's 4 ms clamp.
  yieldToEventLoop() {
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  },
});

// The first message brings the port; the global channel is not listened to after it.
self.onmessage = (event: MessageEvent) => {
  const init = event.data as InitRequest;
  if (port || !isRequest(init) || init.type !== 'init' || !init.port) return;
  self.onmessage = null;
  port = init.port;
  port.onmessage = (message: MessageEvent) => {
    if (isRequest(message.data)) host.handle(message.data);
  };
  const { port: _transferred, ...request } = init;
  guardNetwork(self as unknown as NetworkScope, new URL(request.indexURL).origin, request.indexURL);
  host.handle(request);
};
