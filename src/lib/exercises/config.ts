/**
 * What an exercise's island reads from the page: the static HTML (prompt, starter, question) is
 * rendered by Exercise.astro; this JSON beside it carries what only the island needs.
 */
import type { CheckData } from './driver.ts';
import type { Lang } from '../site.ts';
import type { Choice, ExerciseKind } from './types.ts';

export const EXERCISE_STRINGS_ID = 'exercise-strings';

interface ConfigCommon {
  id: string;
  kind: ExerciseKind;
  runs: 'browser' | 'local';
  lang: Lang;
  file: string;
  /** Hints in the page's language, as HTML, revealed one at a time. */
  hints: string[];
}

export interface CodeExerciseConfig extends ConfigCommon, CheckData {
  kind: 'fix' | 'make-concurrent' | 'write';
  starter: string;
  prompt: { en: string; 'pt-BR': string };
  /** What the downloaded file declares it needs (PEP 723), for a local exercise. */
  dependencies: string[];
}

export interface PredictExerciseConfig extends ConfigCommon {
  kind: 'predict';
  question: 'order' | 'choice';
  program: string;
  /** The recorded output (what a local program shows instead of a run). */
  output: string;
  /** Order questions: the lines as first shown (shuffled). */
  shuffled: string[];
  /** Choice questions: each choice's text as HTML. */
  choices: (Omit<Choice, 'text'> & { html: string })[];
  answer: string | undefined;
}

export type ExerciseConfig = CodeExerciseConfig | PredictExerciseConfig;
