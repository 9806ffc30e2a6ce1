/**
 * A reader's progress on exercises, in the browser's storage (through the playground's store,
 * which never throws and reports a full or missing storage instead of losing the write).
 *
 * One entry per exercise, shared by both languages (the code is the same on both pages):
 * whether it was attempted (checked at least once) and solved (a check passed, or a prediction
 * was right), the reader's code or prediction, how many hints they opened.
 */
import { STORAGE_PREFIX } from '../playground/edits.ts';
import type { KeyValueStore, SaveResult } from '../playground/storage.ts';

export const PROGRESS_PREFIX = `${STORAGE_PREFIX}exercise:v1:`;

export interface Progress {
  attempted: boolean;
  solved: boolean;
  /** Hints revealed so far. */
  hints: number;
  /** The reader's code (code kinds), when it differs from the starter. */
  code?: string;
  /** The last prediction: lines in the reader's order, or a choice id. */
  prediction?: string[] | string;
  /** The last check's outcome. */
  verdict?: 'pass' | 'fail';
  savedAt?: number;
}

export const NO_PROGRESS: Readonly<Progress> = Object.freeze({ attempted: false, solved: false, hints: 0 });

export function progressKey(id: string): string {
  return `${PROGRESS_PREFIX}${id}`;
}

function read(raw: string | null): Progress {
  if (raw === null) return { ...NO_PROGRESS };
  try {
    const value = JSON.parse(raw) as Partial<Progress>;
    const progress: Progress = {
      attempted: value.attempted === true,
      solved: value.solved === true,
      hints: Number.isInteger(value.hints) && (value.hints as number) >= 0 ? (value.hints as number) : 0,
    };
    if (typeof value.code === 'string') progress.code = value.code;
    if (typeof value.prediction === 'string' || (Array.isArray(value.prediction) && value.prediction.every((l) => typeof l === 'string'))) {
      progress.prediction = value.prediction;
    }
    if (value.verdict === 'pass' || value.verdict === 'fail') progress.verdict = value.verdict;
    if (typeof value.savedAt === 'number') progress.savedAt = value.savedAt;
    return progress;
  } catch {
    return { ...NO_PROGRESS };
  }
}

export function loadProgress(store: KeyValueStore, id: string): Progress {
  return read(store.get(progressKey(id)));
}

/** Saves the entry whole; a solved exercise stays solved whatever later checks say. */
export function saveProgress(store: KeyValueStore, id: string, progress: Progress, now: number = Date.now()): SaveResult {
  const previous = loadProgress(store, id);
  const next: Progress = { ...progress, solved: progress.solved || previous.solved, savedAt: now };
  return store.set(progressKey(id), JSON.stringify(next));
}

/** Every exercise the reader has touched, by id. */
export function allProgress(store: KeyValueStore): Map<string, Progress> {
  return new Map(store.keys(PROGRESS_PREFIX).map((key) => [key.slice(PROGRESS_PREFIX.length), read(store.get(key))]));
}

export type ProgressState = 'solved' | 'attempted' | 'new';

export function progressState(progress: Progress): ProgressState {
  return progress.solved ? 'solved' : progress.attempted ? 'attempted' : 'new';
}
