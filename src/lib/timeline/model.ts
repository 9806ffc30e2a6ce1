/**
 * The timeline's model: a run's task events turned into lanes (one per task, in creation order,
 * children under the task that created them), steps, waits, outcomes, blocking steps and the
 * delay they caused, and the state of every task at any event. Framework-free: the playground's
 * timeline and the chapters' figures draw from it, the unit tests check it.
 *
 * Events arrive in batches while a run goes on; `append` takes each batch as it comes, in time
 * linear in the batch. What is derived from all of it (the lanes' order, the held-up delays) is
 * worked out again only when asked for after a change. At most `maxEvents` events are kept: the
 * rest are counted, and the reader is told.
 */
import type { Clock } from '../../runtime/protocol.ts';
import type { TaskEvent, TaskOutcome } from '../../runtime/task-events.ts';

/** As many as the runner records (livepy/timeline.py MAX_EVENTS). */
export const MAX_EVENTS = 100_000;

/**
 * Coroutines asyncio.run (and asyncio.Runner) starts as tasks of its own while closing the loop:
 * real tasks, but nothing a reader wrote or needs to see. Their events are left out.
 */
const LOOP_TEARDOWN = new Set([
  'BaseEventLoop.shutdown_asyncgens',
  'BaseEventLoop.shutdown_default_executor',
  'PlaygroundLoop.shutdown_default_executor',
]);

export interface Step {
  start: number;
  end: number;
  /** Index of its step-start and step-end events. */
  startIndex: number;
  endIndex: number;
  /** It held the loop long enough to hold up other tasks. */
  blocking: boolean;
  /** When it became ready, if earlier than `start` (the loop was busy). */
  ready: number | undefined;
}

/** An interval during which a task was ready to run but another task's blocking step held the loop. */
export interface Delay {
  from: number;
  to: number;
  /** The tasks whose blocking steps held this one up. */
  by: number[];
}

export interface Lane {
  task: number;
  name: string;
  coroutine: string;
  parent: number | undefined;
  /** 0 for a task created outside any task (or by a task not shown), 1 for its children, ... */
  depth: number;
  created: number;
  createdIndex: number;
  done: { t: number; index: number; outcome: TaskOutcome; detail: string | undefined } | undefined;
  steps: Step[];
  /** Total time its steps took. */
  running: number;
  /** How many of its steps blocked the loop. */
  blockingSteps: number;
}

/**
 * `waiting`: suspended (at an await); `ready`: its next step could run, the loop has not got to
 * it yet; `held-up`: ready, and kept waiting by another task's blocking step.
 */
export type TaskState = 'not-created' | 'running' | 'waiting' | 'ready' | 'held-up' | 'done';

export interface TaskStateAt {
  state: TaskState;
  /** For `done`. */
  outcome?: TaskOutcome;
}

let models = 0;

export class TimelineModel {
  /** Unique on the page: a new run's timeline is a new view (its cursor starts over). */
  readonly id = ++models;
  readonly clock: Clock;
  readonly maxEvents: number;
  /** Events kept, in order. */
  readonly events: TaskEvent[] = [];
  /** Events the page did not keep (past `maxEvents`). */
  droppedHere = 0;
  /** Events the runner did not record (past its own cap), once the run says so. */
  droppedByRunner = 0;
  /** Bumped on every change, for views that memoize on it. */
  version = 0;
  /** Steps recorded (whole: start and end). */
  stepCount = 0;
  readonly #lanes = new Map<number, Lane>();
  /** Steps whose start event was seen, by task, waiting for their end. */
  readonly #open = new Map<number, Step>();
  readonly #blocking: { task: number; step: Step }[] = [];
  /** Tasks whose events are left out (LOOP_TEARDOWN). */
  readonly #hidden = new Set<number>();
  #order: Lane[] | undefined;
  #delays: Map<number, Delay[]> | undefined;

  constructor(clock: Clock, maxEvents = MAX_EVENTS) {
    this.clock = clock;
    this.maxEvents = maxEvents;
  }

  /** Takes a batch of events, in order. */
  append(batch: readonly TaskEvent[]): void {
    if (batch.length === 0) return;
    for (const event of batch) {
      if (event.kind === 'created' && event.detail !== undefined && LOOP_TEARDOWN.has(event.detail)) this.#hidden.add(event.task);
      if (this.#hidden.has(event.task)) continue;
      // The first events, and a step whole or not at all: once one is dropped, so is the rest.
      const room = this.maxEvents - this.events.length;
      if (this.droppedHere > 0 || room <= 0 || (event.kind === 'step-start' && room < 2)) {
        this.droppedHere++;
        continue;
      }
      this.#apply(event, this.events.length);
      this.events.push(event);
    }
    this.#order = undefined;
    this.#delays = undefined;
    this.version++;
  }

  /** The run said how many events its recorder could not keep. */
  setDroppedByRunner(count: number): void {
    if (count === this.droppedByRunner) return;
    this.droppedByRunner = count;
    this.version++;
  }

  get dropped(): number {
    return this.droppedHere + this.droppedByRunner;
  }

  /** The time of the last event kept: where a run that is going on has got to. */
  get end(): number {
    return this.events.length > 0 ? (this.events[this.events.length - 1] as TaskEvent).t : 0;
  }

  get taskCount(): number {
    return this.#lanes.size;
  }

  #apply(event: TaskEvent, index: number): void {
    const { task } = event;
    let lane = this.#lanes.get(task);
    if (!lane) {
      // A task seen first by a later event (its "created" was not recorded): shown from there.
      lane = {
        task,
        name: event.name,
        coroutine: event.kind === 'created' ? (event.detail ?? '') : '',
        parent: event.parent,
        depth: 0,
        created: event.t,
        createdIndex: index,
        done: undefined,
        steps: [],
        running: 0,
        blockingSteps: 0,
      };
      this.#lanes.set(task, lane);
    }
    lane.name = event.name;
    switch (event.kind) {
      case 'created':
        break;
      case 'step-start': {
        // Ready no earlier than its previous step ended: a timer set inside a long step can fall
        // due before that step lets go of the loop, but the task was not waiting yet.
        const previous = lane.steps[lane.steps.length - 1];
        const ready = event.ready === undefined ? undefined : Math.max(event.ready, previous?.end ?? lane.created);
        this.#open.set(task, {
          start: event.t,
          end: event.t,
          startIndex: index,
          endIndex: index,
          blocking: false,
          ready: ready !== undefined && ready < event.t ? ready : undefined,
        });
        break;
      }
      case 'step-end': {
        const step = this.#open.get(task);
        if (!step) break;
        this.#open.delete(task);
        step.end = event.t;
        step.endIndex = index;
        step.blocking = event.blocking === true;
        lane.steps.push(step);
        this.stepCount++;
        lane.running += step.end - step.start;
        if (step.blocking) {
          lane.blockingSteps++;
          this.#blocking.push({ task, step });
        }
        break;
      }
      case 'done':
        lane.done = { t: event.t, index, outcome: event.outcome ?? 'result', detail: event.detail };
        break;
    }
  }

  /** Every task, in creation order, each followed by the tasks it created (depth-first). */
  lanes(): readonly Lane[] {
    if (this.#order) return this.#order;
    const children = new Map<number, Lane[]>();
    const roots: Lane[] = [];
    for (const lane of this.#lanes.values()) {
      // Insertion order of the map is the order tasks were first seen: creation order.
      const parent = lane.parent !== undefined && this.#lanes.has(lane.parent) ? lane.parent : undefined;
      if (parent === undefined || parent === lane.task) {
        roots.push(lane);
      } else {
        let list = children.get(parent);
        if (!list) children.set(parent, (list = []));
        list.push(lane);
      }
    }
    const order: Lane[] = [];
    // An explicit stack: 10,000 nested tasks must not overflow the call stack.
    const stack: { lane: Lane; depth: number }[] = roots.map((lane) => ({ lane, depth: 0 })).reverse();
    while (stack.length > 0) {
      const { lane, depth } = stack.pop() as { lane: Lane; depth: number };
      lane.depth = depth;
      order.push(lane);
      const kids = children.get(lane.task);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ lane: kids[i] as Lane, depth: depth + 1 });
    }
    this.#order = order;
    return order;
  }

  lane(task: number): Lane | undefined {
    return this.#lanes.get(task);
  }

  /** The steps that blocked the loop, in order. */
  blockingSteps(): readonly { task: number; step: Step }[] {
    return this.#blocking;
  }

  /**
   * When `task` was ready to run but held up by another task's blocking step: the part of each
   * of its late steps' waits that a blocking step of another task covered. Worked out per task,
   * when asked (a view asks for the lanes it shows, not for all of them).
   */
  delays(task: number): readonly Delay[] {
    let delays = this.#delays?.get(task);
    if (delays) return delays;
    this.#delays ??= new Map();
    const lane = this.#lanes.get(task);
    delays = lane ? this.#computeDelays(lane) : [];
    this.#delays.set(task, delays);
    return delays;
  }

  /** Total time `task` was held up by blocking steps of other tasks. */
  heldUp(task: number): number {
    return this.delays(task).reduce((sum, d) => sum + (d.to - d.from), 0);
  }

  #computeDelays(lane: Lane): Delay[] {
    const list: Delay[] = [];
    const blocking = this.#blocking; // in order of their ends, which is also their starts' order
    if (blocking.length === 0) return list;
    for (const step of lane.steps) {
      if (step.ready === undefined) continue;
      const from = step.ready;
      const to = step.start;
      // The first blocking step that ends after `from` (binary search: steps never overlap).
      let lo = 0;
      let hi = blocking.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((blocking[mid] as { step: Step }).step.end <= from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < blocking.length; i++) {
        const { task: by, step: b } = blocking[i] as { task: number; step: Step };
        if (b.start >= to) break;
        if (by === lane.task) continue;
        const overlapFrom = Math.max(from, b.start);
        const overlapTo = Math.min(to, b.end);
        if (overlapTo <= overlapFrom) continue;
        const last = list[list.length - 1];
        if (last && last.to >= overlapFrom) {
          last.to = Math.max(last.to, overlapTo);
          if (!last.by.includes(by)) last.by.push(by);
        } else {
          list.push({ from: overlapFrom, to: overlapTo, by: [by] });
        }
      }
    }
    return list;
  }

  /** The state of `lane`'s task once the events up to and including `index` have happened. */
  stateAt(lane: Lane, index: number): TaskStateAt {
    if (index < lane.createdIndex) return { state: 'not-created' };
    if (lane.done && lane.done.index <= index) return { state: 'done', outcome: lane.done.outcome };
    const steps = lane.steps;
    // The last step that started at or before `index`.
    let lo = 0;
    let hi = steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((steps[mid] as Step).startIndex <= index) lo = mid + 1;
      else hi = mid;
    }
    const current = steps[lo - 1];
    if (current && current.endIndex > index) return { state: 'running' };
    const open = this.#open.get(lane.task);
    if (open && open.startIndex <= index) return { state: 'running' };
    const next = steps[lo];
    const t = this.events[index]?.t ?? 0;
    if (next && next.ready !== undefined && next.ready <= t) {
      // Held up if a blocking step kept it waiting at some point of this wait, up to now.
      for (const d of this.delays(lane.task)) if (d.from >= next.ready && d.to <= next.start && d.from < t) return { state: 'held-up' };
      return { state: 'ready' };
    }
    return { state: 'waiting' };
  }
}
