import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the `examples/` folder, the single source of every program the site shows. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

export interface ExampleFiles {
  /** Path under `examples/`, e.g. `02-asyncio-basics/gather.py`. */
  id: string;
  source: string;
  /** The recorded output the tests compare against, if the example has one. */
  expected: string | undefined;
}

/** `gather.py` -> `gather.out`: the expected output sits beside its program. */
export function expectedPathFor(examplePath: string): string {
  return examplePath.replace(/\.py$/, '.out');
}

/** Reads an example at build time; a missing file is an error that names what was asked for. */
export function readExample(id: string): ExampleFiles {
  const file = path.join(EXAMPLES_DIR, id);
  if (!id.endsWith('.py') || !existsSync(file)) {
    throw new Error(`Example "${id}" does not exist: expected a file at examples/${id}`);
  }
  const expectedFile = expectedPathFor(file);
  return {
    id,
    source: readFileSync(file, 'utf8'),
    expected: existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : undefined,
  };
}

/** `drift.py` -> `drift.timeline.jsonl`: a recorded run's task events, for a chapter's figure. */
export function timelinePathFor(examplePath: string): string {
  return examplePath.replace(/\.py$/, '.timeline.jsonl');
}

/** The stored timeline of an example (one task event per line), at build time. */
export function readStoredTimeline(id: string): string {
  const file = timelinePathFor(path.join(EXAMPLES_DIR, id));
  if (!id.endsWith('.py') || !existsSync(file)) {
    throw new Error(
      `Example "${id}" has no recorded timeline: expected examples/${timelinePathFor(id)} ` +
        `(record it with: python3 src/runtime/python/run_example.py --events ${path.basename(file)} ${path.basename(id)}, from its folder)`,
    );
  }
  return readFileSync(file, 'utf8');
}
