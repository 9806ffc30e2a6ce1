/**
 * The module Web Worker that hosts Pyodide (Pyodide 314 requires a module worker). All the logic
 * is in host.ts; this file only connects it to the worker's global scope.
 */
/// <reference lib="webworker" />
import type { PyodideAPI } from 'pyodide';
import { Host } from './host.ts';
import { isRequest } from './protocol.ts';
import { PYTHON_FILES } from './python-files.ts';

declare const self: DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

const host = new Host({
  files: PYTHON_FILES,
  async loadPyodide(indexURL: string): Promise<PyodideAPI> {
    // The site's own copy, never a CDN; not bundled, so the build keeps one copy of Pyodide.
    const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as typeof import('pyodide');
    return loadPyodide({ indexURL });
  },
  post(message) {
    self.postMessage(message);
  },
  // A MessageChannel round trip lets queued messages in without setTimeout's 4 ms clamp.
  yieldToEventLoop() {
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  },
});

self.onmessage = (event: MessageEvent) => {
  if (isRequest(event.data)) host.handle(event.data);
};
