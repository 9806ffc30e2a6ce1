/**
 * Which pages show which exercises, found in the content sources: a page names one with
 * `<Exercise id="02-asyncio-basics/breakfast" />`. The exercises page lists them by page, and
 * the tests check that every exercise is on exactly one page, in both languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The docs pages, from the project root (see EXERCISES_DIR in load.ts for why not import.meta.url). */
export const DOCS_DIR = path.resolve(process.cwd(), 'src/content/docs');

export interface ExerciseReference {
  /** Page slug, as in lib/outline.ts: `chapters/02-asyncio-basics` (the English page). */
  slug: string;
  /** `pt-br/...` pages carry the language segment in their slug. */
  exercise: string;
}

const EXERCISE = /<Exercise\b[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function pages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every `<Exercise id>` in the docs, in page order then order of appearance. */
export function findExerciseReferences(docsDir: string = DOCS_DIR): ExerciseReference[] {
  return pages(docsDir)
    .sort()
    .flatMap((file) => {
      const slug = path.relative(docsDir, file).split(path.sep).join('/').replace(/\.mdx?$/, '').replace(/\/index$/, '');
      return [...readFileSync(file, 'utf8').matchAll(EXERCISE)].map((m) => ({ slug, exercise: m[1] ?? m[2] ?? '' }));
    });
}
