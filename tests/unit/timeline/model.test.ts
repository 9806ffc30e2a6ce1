/**
 * The timeline's model (src/lib/timeline): lanes, steps, blocking and the delay it caused, the
 * state of every task at any event, the data table, the trace export and the cap. Most cases use
 * a real run: the fixture the runtime's readers are checked against (three tasks, one of which
 * calls time.sleep(1) and renames itself).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '../../../src/runtime/task-events.ts';
import { ticks, duration } from '../../../src/lib/timeline/axis.ts';
import { laneShapes } from '../../../src/lib/timeline/layout.ts';
import { TimelineModel, type Lane } from '../../../src/lib/timeline/model.ts';
import { taskRows } from '../../../src/lib/timeline/table.ts';
import { chromeTrace, type TraceEvent } from '../../../src/lib/timeline/trace.ts';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/timeline/three-tasks.json', import.meta.url), 'utf8')) as { events: TaskEvent[] };

function threeTasks(): TimelineModel {
  const model = new TimelineModel('virtual');
  // In two batches, as a run sends them.
  model.append(fixture.events.slice(0, 11));
  model.append(fixture.events.slice(11));
  return model;
}

const byName = (model: TimelineModel) => Object.fromEntries(model.lanes().map((l) => [l.name, l])) as Record<string, Lane>;

describe('lanes', () => {
  it('one per task, in creation order, children under the task that created them', () => {
    const lanes = threeTasks().lanes();
    expect(lanes.map((l) => [l.name, l.depth, l.coroutine])).toEqual([
      ['Task-1', 0, 'main'],
      ['a', 1, 'worker'],
      ['b', 1, 'worker'],
      ['blocker!', 1, 'blocker'],
    ]);
  });

  it('leaves out the tasks asyncio.run starts to close the loop', () => {
    const model = threeTasks();
    expect(fixture.events.some((e) => e.detail === 'BaseEventLoop.shutdown_asyncgens')).toBe(true);
    expect(model.taskCount).toBe(4);
    expect(model.events.every((e) => e.task <= 4)).toBe(true);
  });

  it('nests grandchildren, and a task whose creator is unknown is a root', () => {
    const model = new TimelineModel('virtual');
    model.append([
      { kind: 'created', task: 1, name: 'main', t: 0 },
      { kind: 'created', task: 2, name: 'child', t: 0, parent: 1 },
      { kind: 'created', task: 3, name: 'other', t: 0, parent: 1 },
      { kind: 'created', task: 4, name: 'grandchild', t: 0, parent: 2 },
      { kind: 'created', task: 5, name: 'orphan', t: 0, parent: 99 },
    ]);
    expect(model.lanes().map((l) => `${'  '.repeat(l.depth)}${l.name}`)).toEqual(['main', '  child', '    grandchild', '  other', 'orphan']);
  });

  it('steps, outcomes and the time each task ran', () => {
    const lanes = byName(threeTasks());
    expect(lanes['blocker!']?.steps.map((s) => [s.start, s.end, s.blocking])).toEqual([[0, 1000, true]]);
    expect(lanes['blocker!']?.running).toBe(1000);
    expect(lanes['a']?.steps.map((s) => [s.start, s.end, s.ready])).toEqual([
      [0, 0, undefined],
      [1000, 1000, 500],
    ]);
    expect(lanes['a']?.done).toMatchObject({ t: 1000, outcome: 'result', detail: "'a'" });
  });
});

describe('blocking', () => {
  it('the blocking step is known, and the tasks it held up get the delay, naming who held them', () => {
    const model = threeTasks();
    const lanes = byName(model);
    expect(model.blockingSteps().map((b) => b.task)).toEqual([lanes['blocker!']?.task]);
    for (const name of ['a', 'b']) {
      expect(model.delays(lanes[name]!.task)).toEqual([{ from: 500, to: 1000, by: [lanes['blocker!']!.task] }]);
      expect(model.heldUp(lanes[name]!.task)).toBe(500);
    }
    expect(model.heldUp(lanes['Task-1']!.task)).toBe(0);
  });

  it('a task is not held up by its own blocking step, nor by one that ended before it was ready', () => {
    const model = new TimelineModel('real');
    model.append([
      { kind: 'created', task: 1, name: 'x', t: 0 },
      { kind: 'created', task: 2, name: 'y', t: 0 },
      { kind: 'step-start', task: 1, name: 'x', t: 0 },
      { kind: 'step-end', task: 1, name: 'x', t: 100, blocking: true },
      { kind: 'step-start', task: 1, name: 'x', t: 150, ready: 100 },
      { kind: 'step-end', task: 1, name: 'x', t: 150 },
      { kind: 'step-start', task: 2, name: 'y', t: 160, ready: 120 },
      { kind: 'step-end', task: 2, name: 'y', t: 161 },
    ]);
    expect(model.delays(1)).toEqual([]);
    expect(model.delays(2)).toEqual([]);
  });
});

describe('the state of every task at an event', () => {
  it('steps through the run', () => {
    const model = threeTasks();
    const lanes = byName(model);
    const states = (index: number) => Object.fromEntries(model.lanes().map((l) => [l.name, model.stateAt(l, index).state]));
    const index = (kind: string, name: string, nth = 0) =>
      model.events.map((e, i) => [e, i] as const).filter(([e]) => e.kind === kind && e.name === name)[nth]![1];
    expect(states(0)).toEqual({ 'Task-1': 'waiting', a: 'not-created', b: 'not-created', 'blocker!': 'not-created' });
    expect(states(index('step-start', 'Task-1'))).toMatchObject({ 'Task-1': 'running', a: 'not-created' });
    const blocking = index('step-start', 'blocker');
    expect(states(blocking)).toEqual({ 'Task-1': 'waiting', a: 'waiting', b: 'waiting', 'blocker!': 'running' });
    // The blocking step ends at 1 s: a and b have been ready since 0.5 s, held up.
    expect(states(index('step-end', 'blocker'))).toMatchObject({ a: 'held-up', b: 'held-up', 'blocker!': 'waiting' });
    expect(states(index('step-start', 'a', 1))).toMatchObject({ a: 'running', b: 'held-up', 'blocker!': 'done' });
    expect(model.stateAt(lanes['blocker!']!, model.events.length - 1)).toEqual({ state: 'done', outcome: 'result' });
  });
});

describe('the data table', () => {
  it('one row per task: name, created, finished, outcome, time running, time blocked', () => {
    const rows = taskRows(threeTasks());
    expect(rows.map((r) => [r.name, r.createdAt, r.finishedAt, r.outcome, r.running, r.blocked, r.blockingSteps])).toEqual([
      ['Task-1', 0, 1000, 'result', 0, 0, 0],
      ['a', 0, 1000, 'result', 0, 500, 0],
      ['b', 0, 1000, 'result', 0, 500, 0],
      ['blocker!', 0, 1000, 'result', 1000, 0, 1],
    ]);
  });

  it('a big run can be read a page at a time: the first rows, in the lanes\' order', () => {
    const model = threeTasks();
    expect(taskRows(model, 2).map((r) => r.name)).toEqual(['Task-1', 'a']);
    expect(model.stepCount).toBe(model.lanes().reduce((sum, lane) => sum + lane.steps.length, 0));
  });

  it('a task the run left unfinished has no finish and no outcome', () => {
    const model = new TimelineModel('virtual');
    model.append([{ kind: 'created', task: 1, name: 'forever', t: 0 }]);
    expect(taskRows(model)[0]).toMatchObject({ finishedAt: undefined, outcome: undefined });
  });
});

describe('Chrome trace-event export', () => {
  it('one named track per task, complete events for steps and waits that never overlap on a track', () => {
    const trace = JSON.parse(JSON.stringify(chromeTrace(threeTasks(), 'main.py'))) as { traceEvents: TraceEvent[] };
    const names = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args?.['name']);
    expect(names).toEqual(['Task-1 (main)', 'a (worker)', 'b (worker)', 'blocker! (blocker)']);
    const complete = trace.traceEvents.filter((e) => e.ph === 'X');
    const blocking = complete.filter((e) => e.cat?.includes('blocking'));
    expect(blocking).toEqual([expect.objectContaining({ ts: 0, dur: 1_000_000, tid: 4 })]);
    const heldUp = complete.filter((e) => e.cat === 'held-up');
    expect(heldUp.map((e) => [e.tid, e.ts, e.dur])).toEqual([
      [2, 500_000, 500_000],
      [3, 500_000, 500_000],
    ]);
    for (const tid of [1, 2, 3, 4]) {
      // Steps and waits tile the track; a held-up slice sits inside a wait.
      const slices = complete.filter((e) => e.tid === tid && e.cat !== 'held-up').sort((x, y) => x.ts! - y.ts!);
      for (let i = 1; i < slices.length; i++) expect(slices[i]!.ts!).toBeGreaterThanOrEqual(slices[i - 1]!.ts! + slices[i - 1]!.dur!);
      for (const h of heldUp.filter((e) => e.tid === tid)) {
        expect(slices.some((w) => w.cat === 'wait' && w.ts! <= h.ts! && h.ts! + h.dur! <= w.ts! + w.dur!)).toBe(true);
      }
    }
  });
});

describe('the cap', () => {
  it('keeps the first events, never half a step, and counts the rest with what the runner dropped', () => {
    const model = new TimelineModel('virtual', 4);
    model.append([
      { kind: 'created', task: 1, name: 'x', t: 0 },
      { kind: 'step-start', task: 1, name: 'x', t: 0 },
      { kind: 'step-end', task: 1, name: 'x', t: 0 },
      { kind: 'step-start', task: 1, name: 'x', t: 1 },
      { kind: 'step-end', task: 1, name: 'x', t: 1 },
      { kind: 'done', task: 1, name: 'x', t: 1, outcome: 'result' },
    ]);
    expect(model.events.map((e) => e.kind)).toEqual(['created', 'step-start', 'step-end']);
    expect(model.droppedHere).toBe(3);
    model.setDroppedByRunner(10);
    expect(model.dropped).toBe(13);
  });
});

describe('axis and drawing', () => {
  it('ticks at 1, 2 or 5 times a power of ten, written in the reader\'s language', () => {
    expect(ticks(1000, 'en')).toEqual({ end: 1000, ticks: ['0.0 s', '0.2 s', '0.4 s', '0.6 s', '0.8 s', '1.0 s'].map((label, i) => ({ t: i * 200, label })) });
    expect(ticks(2300, 'pt-BR').ticks.map((t) => t.label)).toEqual(['0,0 s', '0,5 s', '1,0 s', '1,5 s', '2,0 s', '2,5 s']);
    expect(ticks(40, 'en').ticks.map((t) => t.label)).toEqual(['0 ms', '10 ms', '20 ms', '30 ms', '40 ms']);
    expect(duration(1500, 'pt-BR')).toBe('1,50 s');
  });

  it('draws a lane of many steps as a few shapes, merging steps closer than a unit', () => {
    const model = new TimelineModel('virtual');
    const events: TaskEvent[] = [{ kind: 'created', task: 1, name: 'busy', t: 0 }];
    for (let i = 0; i < 40_000; i++) {
      events.push({ kind: 'step-start', task: 1, name: 'busy', t: i * 0.025 }, { kind: 'step-end', task: 1, name: 'busy', t: i * 0.025 });
    }
    events.push({ kind: 'done', task: 1, name: 'busy', t: 1000, outcome: 'cancelled' });
    model.append(events);
    const shapes = laneShapes(model.lanes()[0]!, [], { msPerUnit: 1000 / 500, width: 500 }, 20, model.end);
    expect(shapes.steps.match(/M/g)).toHaveLength(1); // 40,000 steps, one per 0.0125 unit: one shape
    expect(shapes.end).toEqual({ x: 500, outcome: 'cancelled' });
    const sparse = laneShapes(byName(threeTasks())['a']!, [{ from: 500, to: 1000, by: [4] }], { msPerUnit: 2, width: 500 }, 20, 1000);
    expect(sparse.steps.match(/M/g)).toHaveLength(2); // at 0 and at 1 s: zero-length steps, still drawn
    expect(sparse.delays).toBe('M250 5h250v10h-250z');
  });
});
