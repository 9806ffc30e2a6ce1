import type { CodeKind, Text } from './schema.ts';

export type { CodeKind, ExerciseKind, Text } from './schema.ts';

/** What every exercise has, read from its folder (`exercises/<page>/<name>/`). */
interface ExerciseCommon {
  /** `02-asyncio-basics/breakfast`: the folder under `exercises/`. */
  id: string;
  title: Text;
  prompt: Text;
  hints: Text[];
  explanation: Text;
  file: string;
  runs: 'browser' | 'local';
  /** Packages a local exercise needs (PEP 508 requirements), declared in its downloaded file. */
  dependencies: string[];
  /** Services a local exercise's checks need (`postgres`). */
  services: string[];
}

export interface WrongAnswer {
  /** The message it must fail with: its file name, `wrong/<message-id>.py`. */
  messageId: string;
  code: string;
}

export interface CodeExercise extends ExerciseCommon {
  kind: CodeKind;
  starter: string;
  solution: string;
  /** `check.py`: the checks, run by livecheck. */
  check: string;
  checks: Record<string, Text>;
  messages: Record<string, Text>;
  starterFailsWith: string;
  wrong: WrongAnswer[];
}

export interface Choice {
  id: string;
  outcome: 'output' | 'exception' | 'hang';
  text: Text;
}

export interface PredictExercise extends ExerciseCommon {
  kind: 'predict';
  question: 'order' | 'choice';
  /** `program.py`, the program whose behaviour the reader predicts. */
  program: string;
  /** `program.out`: what it prints (stdout and stderr), recorded with the runner and tested. */
  output: string;
  choices: Choice[];
  /** The right choice's id (`choice` questions). */
  answer: string | undefined;
}

export type Exercise = CodeExercise | PredictExercise;

export const isCodeExercise = (exercise: Exercise): exercise is CodeExercise => exercise.kind !== 'predict';
