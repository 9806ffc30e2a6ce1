import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which examples the chapters show, found in the content sources.
 *
 * A chapter names an example with `<Playground example="02-asyncio-basics/gather.py" />`.
 * The build already fails on a missing file (the component reads it); this module lets the
 * test tier say the same thing earlier and report the opposite: examples no page shows.
 */
export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

export interface ExampleReference {
  /** Path of the page under the content folder, e.g. `docs/02-asyncio-basics.mdx`. */
  page: string;
  /** 1-based line of the reference. */
  line: number;
  /** What the page asked for: a path under `examples/`. */
  example: string;
}

const PLAYGROUND = /<Playground\b[^>]*?\bexample\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g;

function pages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return /\.(md|mdx|mdoc)$/.test(entry.name) ? [full] : [];
  });
}

export function findExampleReferences(contentDir: string = CONTENT_DIR): ExampleReference[] {
  return pages(contentDir)
    .sort()
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(PLAYGROUND)].map((match) => ({
        page: path.relative(contentDir, file).split(path.sep).join('/'),
        line: text.slice(0, match.index).split('\n').length,
        example: match[1] ?? match[2] ?? match[3] ?? '',
      }));
    });
}

/** References whose example is not one of `existingIds` (paths under `examples/`). */
export function missingReferences(
  references: readonly ExampleReference[],
  existingIds: ReadonlySet<string>,
): ExampleReference[] {
  return references.filter((ref) => !existingIds.has(ref.example));
}

/** Program ids no page references. */
export function unusedExamples(programIds: readonly string[], references: readonly ExampleReference[]): string[] {
  const used = new Set(references.map((ref) => ref.example));
  return programIds.filter((id) => !used.has(id));
}
