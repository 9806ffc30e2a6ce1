/**
 * The page's reader of the worker's task batches (src/runtime/task-events.ts): what it accepts,
 * and the events it makes of them. The fixture is a real run's batches and the events the
 * Python reader makes of them (tests/python/test_timeline.py keeps it current): both readers
 * must agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkerMessage } from '../../../src/runtime/protocol.ts';
import { readSteps, readTaskRecord, TaskEventReader, type TaskEvent } from '../../../src/runtime/task-events.ts';

interface Fixture {
  clock: 'virtual' | 'real';
  batches: { steps: number[]; records: unknown[] }[];
  events: TaskEvent[];
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/timeline/three-tasks.json', import.meta.url), 'utf8')) as Fixture;

describe('TaskEventReader', () => {
  it('reads a real run as the Python reader does', () => {
    const reader = new TaskEventReader(fixture.clock);
    const events = fixture.batches.flatMap((batch) => {
      const message = readWorkerMessage({ type: 'task-events', id: 1, steps: new Float64Array(batch.steps), records: batch.records });
      if (message?.type !== 'task-events') throw new Error('the fixture does not read as a message');
      return reader.read(message.steps, message.records);
    });
    expect(events).toEqual(fixture.events);
  });

  it('marks the blocking step, the steps it held up, and puts created tasks inside their parent\'s step', () => {
    const reader = new TaskEventReader('virtual');
    const records = [
      [1, 1, 0, 'Task-1', 'main', 0, 0],
      [1, 2, 0, 'a', 'work', 1, 0],
      [1, 3, 0, 'b', 'work', 1, 0],
      [3, 3, 'b2', 3],
      [2, 3, 1_000_000, 0, '42', 3],
    ].map((r) => readTaskRecord(r)!);
    // main's step creates a and b; a sleeps for a second (time.sleep); b, made ready by main's
    // step, starts after it.
    const steps = new Float64Array([1, 0, 0, 0, 2, 0, 1, 1, 3, 1, 1, 1]);
    const events = reader.read(steps, records);
    expect(events.map((e) => `${e.kind} ${e.name}`)).toEqual([
      'created Task-1',
      'step-start Task-1',
      'created a',
      'created b',
      'step-end Task-1',
      'step-start a',
      'step-end a',
      'step-start b',
      'step-end b',
      'done b2',
    ]);
    expect(events[6]).toEqual({ kind: 'step-end', task: 2, name: 'a', t: 1000, blocking: true });
    expect(events[7]).toEqual({ kind: 'step-start', task: 3, name: 'b', t: 1000, ready: 0 });
  });

  it('on the real clock, only steps of 20 ms or more block, and lateness under 1 ms is not told', () => {
    const reader = new TaskEventReader('real');
    const steps = new Float64Array([1, 0, 0.019, 0, 1, 0.0195, 0.05, 1, 1, 0.06, 0.06, 1]);
    const events = reader.read(steps, []);
    expect(events.filter((e) => e.kind === 'step-end').map((e) => e.blocking ?? false)).toEqual([false, true, false]);
    expect(events.filter((e) => e.kind === 'step-start').map((e) => e.ready)).toEqual([undefined, undefined, 50]);
  });

  it('a timer\'s deadline is its steps\' readiness', () => {
    const reader = new TaskEventReader('virtual');
    // A step at 2 s of a task whose timer fell due at 0.5 s: cause -(0.5 + 1).
    expect(reader.read(new Float64Array([7, 2, 2, -1.5]), [])[0]).toMatchObject({ kind: 'step-start', t: 2000, ready: 500 });
  });
});

describe('reading what arrives', () => {
  it('accepts the three kinds of record and copies them', () => {
    const created = [1, 2, 0, 'fetch', 'main.<locals>.fetch', 1, 4];
    expect(readTaskRecord(created)).toEqual(created);
    expect(readTaskRecord(created)).not.toBe(created);
    expect(readTaskRecord([2, 2, 7, 1, 'ValueError: no', 5])).toEqual([2, 2, 7, 1, 'ValueError: no', 5]);
    expect(readTaskRecord([3, 2, 'renamed', 5])).toEqual([3, 2, 'renamed', 5]);
  });

  it('refuses records and steps of the wrong shape', () => {
    for (const bad of [
      [1, 1, 0, 'n', 'c', 0], // no position
      [1, 1, 0.5, 'n', 'c', 0, 0], // time not whole microseconds
      [2, 1, 0, 3, null, 0], // unknown outcome
      [2, 1, 0, 0, 5, 0], // detail not a string
      [3, 1, 7, 0],
      [4, 1, 0],
      ['created', 1, 0],
      { 0: 1, 1: 1 },
    ]) {
      expect(readTaskRecord(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(readSteps(new Float64Array([1, 0, 1]))).toBeUndefined(); // not four per step
    expect(readSteps(new Float64Array([0, 0, 1, 0]))).toBeUndefined(); // no task 0
    expect(readSteps(new Float64Array([1, 2, 1, 0]))).toBeUndefined(); // ends before it starts
    expect(readSteps(new Float64Array([1, 0, Infinity, 0]))).toBeUndefined();
    expect(readSteps([1, 0, 0, 0])).toBeUndefined(); // not a Float64Array
    // One bad record makes the whole message unreadable (dropped, never half-applied).
    expect(readWorkerMessage({ type: 'task-events', id: 1, steps: new Float64Array(0), records: [[3, 1, 'ok', 0], [3, 1, 7, 0]] })).toBeUndefined();
  });
});
