/**
 * A downloaded exercise declares what it needs in its PEP 723 block, so `uv run file.py` installs
 * it: a local exercise whose code imports a package outside the standard library lists it in
 * `dependencies:`, and the block carries exactly those.
 */
import { describe, expect, test } from 'vitest';
import { exerciseFile, scriptMetadata } from '../../../src/lib/exercises/download';
import { loadExercises } from '../../../src/lib/exercises/load';
import { isCodeExercise } from '../../../src/lib/exercises/types';

const CHECKER = { 'livecheck_words.py': '', 'livecheck_engine.py': '', 'livecheck.py': '' };

/** Top-level packages imported by some Python code (`import aiohttp`, `from aiohttp import web`). */
function importedPackages(code: string): string[] {
  const names = [...code.matchAll(/^(?:from|import)\s+([A-Za-z_][\w]*)/gm)].map((m) => m[1] ?? '');
  return [...new Set(names)];
}

/** Packages this site's local exercises may import that are not in the standard library. */
const THIRD_PARTY = new Set(['aiohttp', 'asyncpg', 'starlette', 'uvicorn', 'websockets', 'httpx']);

describe('the PEP 723 block of a downloaded exercise', () => {
  test('without dependencies, it asks for Python 3.11 only', () => {
    expect(scriptMetadata([])).toEqual(['# /// script', '# requires-python = ">=3.11"', '# ///']);
  });

  test('with dependencies, it lists each, for uv run to install', () => {
    expect(scriptMetadata(['aiohttp>=3.8', 'asyncpg'])).toEqual([
      '# /// script',
      '# requires-python = ">=3.11"',
      '# dependencies = [',
      '#     "aiohttp>=3.8",',
      '#     "asyncpg",',
      '# ]',
      '# ///',
    ]);
  });

  const local = [...loadExercises().values()].filter(isCodeExercise).filter((e) => e.runs === 'local');
  test.each(local.map((e) => [e.id, e] as const))('%s declares every package its code imports', (_, exercise) => {
    const imported = [exercise.solution, exercise.starter, exercise.check].flatMap(importedPackages).filter((name) => THIRD_PARTY.has(name));
    const declared = exercise.dependencies.map((d) => /^[A-Za-z0-9._-]+/.exec(d)?.[0]?.toLowerCase());
    for (const name of imported) expect(declared, `${exercise.id} imports ${name}`).toContain(name);
    const file = exerciseFile(exercise, exercise.starter, 'en', CHECKER);
    for (const dependency of exercise.dependencies) expect(file.slice(0, file.indexOf('\n# ///\n'))).toContain(`#     "${dependency}",`);
  });
});
