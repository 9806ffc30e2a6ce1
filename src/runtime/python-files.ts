/**
 * The Python runner's sources (src/runtime/python/livepy/), bundled into the worker as text and
 * written into Pyodide's file system at start-up: the same files the CPython tests import.
 */
const modules = import.meta.glob<string>('./python/livepy/*.py', { query: '?raw', import: 'default', eager: true });

/** `livepy/session.py` -> its source. */
export const PYTHON_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(modules).map(([path, source]) => [path.replace('./python/', ''), source]),
);
