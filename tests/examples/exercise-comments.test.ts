/**
 * The exercises' code in the reader's language, held to the examples' promises
 * (tests/examples/comments.test.ts): a Portuguese page shows an exercise's starter and solution
 * (or a prediction's program) with its comments and docstrings from
 * `exercises/<page>/<name>/comments.pt-BR.json`.
 *
 * 1. every comment and docstring the page shows has a translation that fits, and every entry
 *    is used (the build fails on the same, naming the file and line);
 * 2. CPython reads the translated code as the original, token for token;
 * 3. it still behaves: the translated starters fail and the translated solutions pass on CPython,
 *    the solutions in Pyodide, and the programs print their recorded output
 *    (tests/examples/exercises.test.ts runs the pt-BR fixtures, which are the translated code).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { pythonView, type PythonView } from '../../scripts/examples/comment-coverage.ts';
import { findPythons } from '../../scripts/examples/python.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';
import { COMMENT_LANGS } from '../../src/lib/examples/translations.ts';
import { exerciseCommentReport, shownFiles } from '../../src/lib/exercises/comments.ts';
import { loadExercises } from '../../src/lib/exercises/load.ts';

const exercises = [...loadExercises().values()];
const newest = [...findPythons()].sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }))[0];

describe.each(COMMENT_LANGS)('exercises’ comments in %s', (lang) => {
  test.each(exercises.map((e) => e.id))('exercises/%s: every comment the page shows has a translation that fits, and every entry is used', (id) => {
    const report = exerciseCommentReport(exercises.find((e) => e.id === id)!, lang);
    if (report.errors.length > 0) throw new Error(report.errors.join('\n'));
  });

  test('at least one exercise translates something (the check is not vacuous)', () => {
    expect(exercises.some((e) => exerciseCommentReport(e, lang).units.length > 0)).toBe(true);
  });

  describe('CPython reads the translated code as the original', () => {
    let views: Record<string, PythonView> = {};
    const items = exercises.flatMap((exercise) => {
      const translated = exerciseCommentReport(exercise, lang).translated;
      return Object.entries(shownFiles(exercise)).map(([file, source]) => ({ id: `${exercise.id}/${file}`, source, translated: translated[file] ?? source }));
    });

    beforeAll(async () => {
      if (newest) views = await pythonView(newest.command, items);
    });

    test('without comments and docstrings, each translated file is its original, token for token', (ctx) => {
      if (!newest) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
      const changed = items
        .filter(({ id }) => views[id]?.sameCode !== true)
        .map(({ id }) => `exercises/${id} (${lang}): ${views[id]?.difference ?? views[id]?.error ?? 'not compared'}`);
      expect(changed).toEqual([]);
    });
  });
});
