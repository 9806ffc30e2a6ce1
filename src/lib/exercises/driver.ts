/**
 * What the page sends the Python worker to check an answer, and what it reads back. Shared by the
 * exercise island and the tests (CPython through the runner, Pyodide under Node), so the tests run
 * exactly the program a reader's Check runs.
 *
 * The program is two lines: import the checker, hand it the request (the reader's code, the
 * exercise's words in the reader's language, a seed). The checker's modules and the exercise's
 * `check.py` travel as helper modules beside it (the runtime's `files` option). The checker
 * compiles and runs the reader's code itself (see livecheck_engine.py for why) and prints one
 * marked line: the verdict.
 */
import type { Lang } from '../site.ts';
import type { CodeExercise } from './types.ts';

export const VERDICT_MARKER = '\x1elivecheck-verdict ';
/** The checker, in src/runtime/python/: the page imports them as text, the tests read them. */
export const CHECKER_MODULES = ['livecheck.py', 'livecheck_engine.py', 'livecheck_words.py'] as const;
export type CheckerFiles = Record<(typeof CHECKER_MODULES)[number], string>;
export const CHECKS_MODULE = 'exercise_check.py';
export const DRIVER_FILENAME = 'check.py';

/** What the island needs to check an answer (the part of a CodeExercise that goes to Python). */
export type CheckData = Pick<CodeExercise, 'id' | 'file' | 'check' | 'checks' | 'messages' | 'title' | 'solution'>;

export interface CheckRun {
  code: string;
  filename: string;
  files: Record<string, string>;
}

/** A stable seed per exercise: the same generated inputs on every check, in every runtime. */
export function seedOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The request livecheck.main reads: the exercise's words in one language. */
export function checkRequest(exercise: CheckData, code: string, lang: Lang) {
  const pick = (texts: Record<string, { en: string; 'pt-BR': string }>) =>
    Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, text[lang]]));
  return {
    code,
    file: exercise.file,
    lang,
    seed: seedOf(exercise.id),
    // Only checks that compare with the reference solution get it.
    ...(exercise.check.includes('.solution(') ? { solution: exercise.solution } : {}),
    texts: { title: exercise.title[lang], checks: pick(exercise.checks), messages: pick(exercise.messages) },
  };
}

/**
 * The run that checks `code`. A JSON string literal is a valid Python string literal (same
 * escapes, `\uXXXX` included), so the request travels as JSON inside a Python string.
 */
export function checkRun(exercise: CheckData, code: string, lang: Lang, checker: CheckerFiles): CheckRun {
  const request = JSON.stringify(JSON.stringify(checkRequest(exercise, code, lang)));
  return {
    code: `import livecheck\n\nlivecheck.main(${request})\n`,
    filename: DRIVER_FILENAME,
    files: { ...checker, [CHECKS_MODULE]: exercise.check },
  };
}
