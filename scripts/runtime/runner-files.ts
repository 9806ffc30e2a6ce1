/**
 * The runner's Python sources as the worker bundles them (src/runtime/python-files.ts), read from
 * disk: for Node's host, the start-up snapshot and the name the build gives it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RUNNER_DIR = fileURLToPath(new URL('../../src/runtime/python/livepy/', import.meta.url));

export function runnerFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(RUNNER_DIR)
      .filter((name) => name.endsWith('.py'))
      .map((name) => [`livepy/${name}`, readFileSync(RUNNER_DIR + name, 'utf8')]),
  );
}
