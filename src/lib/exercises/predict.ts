/**
 * Predict-the-output exercises: the lines a reader puts in order, and how a run answers them.
 */
import type { RunOutcome } from '../../runtime/protocol.ts';
import { seedOf } from './driver.ts';
import type { Choice } from './types.ts';

/** The lines to order: the recorded output's non-empty lines, in the order the program prints them. */
export function outputLines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

/**
 * The lines as the reader first sees them: shuffled the same way on every visit and in both
 * languages (seeded by the exercise's id), never already in the right order.
 */
export function shuffledLines(lines: readonly string[], id: string): string[] {
  let state = seedOf(id) || 1;
  const random = () => {
    // xorshift32: small, seedable, plenty for shuffling a dozen lines.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const shuffled = [...lines];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  if (shuffled.every((line, i) => line === lines[i]) && lines.some((line) => line !== lines[0])) {
    shuffled.push(shuffled.shift() as string);
  }
  return shuffled;
}

/** Positions (0-based) where the reader's line is not the program's. */
export function misplaced(reader: readonly string[], actual: readonly string[]): number[] {
  const wrong: number[] = [];
  const length = Math.max(reader.length, actual.length);
  for (let i = 0; i < length; i++) if (reader[i] !== actual[i]) wrong.push(i);
  return wrong;
}

/** Moves the line at `from` one place up (-1) or down (+1); the same list when it cannot. */
export function move(lines: readonly string[], from: number, by: -1 | 1): string[] {
  const to = from + by;
  if (from < 0 || from >= lines.length || to < 0 || to >= lines.length) return [...lines];
  const next = [...lines];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}

export type RunKind = Choice['outcome'];

/** What a run did, in the terms of a choice: ended normally, raised, or never ended. */
export function runKind(outcome: RunOutcome): RunKind {
  if (outcome.status === 'deadlock' || outcome.status === 'stopped') return 'hang';
  return outcome.exitCode === 0 && outcome.status === 'ok' ? 'output' : 'exception';
}
