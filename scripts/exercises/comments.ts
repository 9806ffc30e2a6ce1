/**
 * `node scripts/exercises/comments.ts add|check [id ...]`: the translation files of the comments
 * and docstrings a page shows of an exercise (`exercises/<page>/<name>/comments.pt-BR.json`: the
 * starter and solution, or a prediction's program), as scripts/examples/comments.ts does for the
 * examples.
 *
 * - `add`: adds every English text that has no entry yet, with an empty value to fill in, in the
 *   order the texts appear (unused entries go last);
 * - `check`: lists what is missing, what cannot be used as written and what matches nothing;
 *   exits 1 if anything is listed (the build and the tests fail on the same).
 *
 * With no id, every exercise; an id may be a part (`11-`, `breakfast`).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Translation } from '../../src/lib/examples/comment-translation.ts';
import { COMMENT_LANGS, readTranslationFile, translationFileName } from '../../src/lib/examples/translations.ts';
import { commentsFileOf, exerciseCommentReport } from '../../src/lib/exercises/comments.ts';
import { EXERCISES_DIR, loadExercises } from '../../src/lib/exercises/load.ts';

const [command, ...wanted] = process.argv.slice(2);
if (command !== 'add' && command !== 'check') {
  console.error('usage: node scripts/exercises/comments.ts add|check [id ...]');
  process.exit(2);
}
const exercises = [...loadExercises().values()].filter((e) => wanted.length === 0 || wanted.some((w) => e.id.includes(w)));

let failed = false;
for (const lang of COMMENT_LANGS) {
  for (const exercise of exercises) {
    const report = exerciseCommentReport(exercise, lang);
    if (command === 'check') {
      for (const line of report.errors) console.log(line);
      if (report.errors.length > 0) failed = true;
      continue;
    }
    const file = path.join(EXERCISES_DIR, exercise.id, translationFileName(lang));
    const existing = readTranslationFile(file);
    const entries: [string, Translation][] = [];
    const seen = new Set<string>();
    for (const { unit } of report.units) {
      if (seen.has(unit.key)) continue;
      seen.add(unit.key);
      entries.push([unit.key, existing.get(unit.key) ?? '']);
    }
    for (const [key, value] of existing) if (!seen.has(key)) entries.push([key, value]);
    const added = entries.filter(([key]) => !existing.has(key)).length;
    if (entries.length === 0) continue;
    if (added > 0 || JSON.stringify(entries) !== JSON.stringify([...existing])) {
      writeFileSync(file, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`);
    }
    if (added > 0) console.log(`${commentsFileOf(exercise.id, lang)}: ${added} entr${added === 1 ? 'y' : 'ies'} to fill in`);
  }
}
if (failed) process.exit(1);
