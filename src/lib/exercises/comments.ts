/**
 * An exercise's code in the reader's language: the comments and docstrings of what the page
 * shows (the starter and the solution, or a prediction's program) come from
 * `exercises/<page>/<name>/comments.<lang>.json`, keyed by the English text, with the examples'
 * own machinery (src/lib/examples/comment-translation.ts): only comment and docstring text
 * changes, lines and columns stay, so the checks, tracebacks and line numbers agree in both
 * languages. The checks and the known wrong answers are never shown, so they stay English.
 */
import path from 'node:path';
import { translateSource, translationUnits, type TranslationUnit } from '../examples/comment-translation.ts';
import { COMMENT_LANGS, readTranslationFile, translationFileName, type CommentLang } from '../examples/translations.ts';
import type { Lang } from '../site.ts';
import { EXERCISES_DIR } from './load.ts';
import type { Exercise } from './types.ts';

/** The files of an exercise a reader sees, by name: `starter.py` -> its source. */
export function shownFiles(exercise: Exercise): Record<string, string> {
  return exercise.kind === 'predict'
    ? { 'program.py': exercise.program }
    : { 'starter.py': exercise.starter, 'solution.py': exercise.solution };
}

export class ExerciseCommentError extends Error {
  override name = 'ExerciseCommentError';
}

/** `exercises/<id>/comments.pt-BR.json`, relative to the repository. */
export function commentsFileOf(id: string, lang: CommentLang): string {
  return `exercises/${id}/${translationFileName(lang)}`;
}

export interface ExerciseCommentReport {
  /** Every unit of every shown file, in file then line order. */
  units: { file: string; unit: TranslationUnit }[];
  /** One readable line per problem: missing, unusable, unused. */
  errors: string[];
  /** The shown files, translated (English text left where a translation is missing). */
  translated: Record<string, string>;
}

/** How complete an exercise's translation is, and its shown files translated. */
export function exerciseCommentReport(exercise: Exercise, lang: CommentLang, root: string = EXERCISES_DIR): ExerciseCommentReport {
  const entries = readTranslationFile(path.join(root, exercise.id, translationFileName(lang)));
  const units: ExerciseCommentReport['units'] = [];
  const errors: string[] = [];
  const translated: Record<string, string> = {};
  const used = new Set<string>();
  for (const [file, source] of Object.entries(shownFiles(exercise))) {
    const where = (unit: TranslationUnit) => `exercises/${exercise.id}/${file}:${unit.line}: ${unit.kind} "${unit.key}"`;
    for (const unit of translationUnits(source)) {
      units.push({ file, unit });
      used.add(unit.key);
    }
    const result = translateSource(source, (key) => entries.get(key));
    translated[file] = result.code;
    for (const unit of result.missing) errors.push(`${where(unit)} has no ${lang} translation`);
    for (const { unit, message } of result.problems) errors.push(`${where(unit)}: the ${lang} translation ${message}`);
  }
  for (const key of entries.keys()) {
    if (!used.has(key)) errors.push(`${commentsFileOf(exercise.id, lang)}: the entry "${key}" matches no comment or docstring the page shows (remove it, or fix its key)`);
  }
  if (errors.length > 0) {
    errors.push(
      `To fix: add the English text as a key to ${commentsFileOf(exercise.id, lang)} with its translation as the value ` +
        `(\`node scripts/exercises/comments.ts add ${exercise.id}\` adds the missing keys with empty values to fill in)`,
    );
  }
  return { units, errors, translated };
}

/**
 * The exercise as a page in `lang` shows it: English as written; another language with the
 * comments of its shown files translated. A missing or unusable translation fails the build,
 * with what to add and where.
 */
export function localizedExercise(exercise: Exercise, lang: Lang, root: string = EXERCISES_DIR): Exercise {
  const target = COMMENT_LANGS.find((l) => l === lang);
  if (!target) return exercise;
  const report = exerciseCommentReport(exercise, target, root);
  if (report.errors.length > 0) throw new ExerciseCommentError(report.errors.join('\n'));
  const t = report.translated;
  return exercise.kind === 'predict'
    ? { ...exercise, program: t['program.py'] ?? exercise.program }
    : { ...exercise, starter: t['starter.py'] ?? exercise.starter, solution: t['solution.py'] ?? exercise.solution };
}
