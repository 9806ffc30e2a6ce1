import { describe, expect, test } from 'vitest';
import { misplaced, move, outputLines, runKind, shuffledLines } from '../../../src/lib/exercises/predict';

const LINES = ['main: tasks created', 'a: start', 'b: start', 'b: done', 'a: done', 'main: a awaited', 'main: b awaited'];

describe('ordering the output lines', () => {
  test('the lines are the output’s non-empty lines', () => {
    expect(outputLines('one\n\ntwo\nthree\n')).toEqual(['one', 'two', 'three']);
  });

  test('the shuffle is the same on every visit, never the answer itself, and keeps every line', () => {
    const shuffled = shuffledLines(LINES, '02-asyncio-basics/tasks-order');
    expect(shuffledLines(LINES, '02-asyncio-basics/tasks-order')).toEqual(shuffled);
    expect(shuffled).not.toEqual(LINES);
    expect([...shuffled].sort()).toEqual([...LINES].sort());
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) expect(shuffledLines(['x', 'y', 'z'], id)).not.toEqual(['x', 'y', 'z']);
  });

  test('moving a line swaps it with its neighbour, and not past the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  test('the misplaced lines are the positions that differ', () => {
    expect(misplaced(['a', 'c', 'b'], ['a', 'b', 'c'])).toEqual([1, 2]);
    expect(misplaced(LINES, LINES)).toEqual([]);
  });
});

describe('what a run did, as a choice', () => {
  const outcome = { exitCode: 0, droppedChars: 0, durationMs: 1 };
  test('ended normally, raised, or never ended', () => {
    expect(runKind({ ...outcome, status: 'ok' })).toBe('output');
    expect(runKind({ ...outcome, status: 'error', exitCode: 1 })).toBe('exception');
    expect(runKind({ ...outcome, status: 'deadlock', exitCode: 1 })).toBe('hang');
    expect(runKind({ ...outcome, status: 'stopped', exitCode: 1 })).toBe('hang');
  });
});
