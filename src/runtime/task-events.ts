/**
 * Task events: what the timeline is drawn from. A busy program makes a hundred thousand of
 * them, and recording must not slow it down much, so the runner records the least it can (four
 * numbers per step) and the page works out the rest: `TaskEventReader` turns each batch into
 * `TaskEvent` objects (a step becomes a step-start and a step-end, with whether it blocked the
 * loop and when it was ready). The Python side is `livepy/timeline.py`, whose `Reader` does
 * the same for the command line; the two are checked against one fixture
 * (tests/fixtures/timeline).
 */

export type TaskEventKind = 'created' | 'step-start' | 'step-end' | 'done';
export type TaskOutcome = 'result' | 'exception' | 'cancelled';

/** One moment in a task's life, in the run's clock (ms since the run started). */
export interface TaskEvent {
  kind: TaskEventKind;
  /** A number for the task, unique within one run, in order of creation (1, 2, ...). */
  task: number;
  name: string;
  t: number;
  /** Only on `done`. */
  outcome?: TaskOutcome;
  /** On `created`: the coroutine's name; on `done`: the result's or exception's repr (short). */
  detail?: string;
  /** On `created`: the task whose step created it (the task current at creation), if any. */
  parent?: number;
  /**
   * On `step-start`: when the step became ready (its timer expired, or the step that scheduled
   * it ended), when that was earlier than `t`: the loop was busy until `t`. Absent when it ran
   * at once.
   */
  ready?: number;
  /**
   * On `step-end`: the step held the loop long enough to hold up other tasks. On the virtual
   * clock, the clock moved during it (20 ms or more of computing, or a `time.sleep`); on the
   * real clock, it took 20 ms or more.
   */
  blocking?: true;
}

// ---- a batch as it arrives (see livepy/timeline.py) -----------------------------------------
//
// - steps: four doubles per step, in the order the steps ran: task, start, end (seconds since the
//   run started), cause: the number of the task whose step made it ready (> 0), a timer's
//   deadline d as -(d + 1) (<= -1), or 0 (not known);
// - records, in the order they happened, times in whole microseconds, each ending with the
//   position of the step it comes before (steps counted from the start of the run).

export const CREATED = 1;
export const DONE = 2;
export const RENAMED = 3;
const OUTCOMES: readonly TaskOutcome[] = ['result', 'exception', 'cancelled'];
/** On the real clock, a step of this many seconds or more blocks the loop (livepy/clock.py LONG_STEP). */
export const LONG_STEP = 0.02;
/** On the real clock, a step that started this many seconds after it was ready was held up. */
export const REAL_LATE = 0.001;

/** `[1, task, t, name, coroutine, parent, position]`: parent 0 when created outside any task. */
export type CreatedRecord = [kind: typeof CREATED, task: number, t: number, name: string, coroutine: string, parent: number, position: number];
/** `[2, task, t, outcome, detail, position]`: outcome 0 result, 1 exception, 2 cancelled. */
export type DoneRecord = [kind: typeof DONE, task: number, t: number, outcome: number, detail: string | null, position: number];
/** `[3, task, name, position]`: the task was renamed (sent before its `done`). */
export type RenamedRecord = [kind: typeof RENAMED, task: number, name: string, position: number];
export type TaskRecord = CreatedRecord | DoneRecord | RenamedRecord;

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** A record as received, checked and copied; undefined for anything else. */
export function readTaskRecord(value: unknown): TaskRecord | undefined {
  if (!Array.isArray(value) || !isCount(value[1]) || !isCount(value[value.length - 1])) return undefined;
  const task = value[1];
  const position = value[value.length - 1] as number;
  switch (value[0]) {
    case CREATED: {
      const [, , t, name, coroutine, parent] = value as unknown[];
      if (value.length !== 7 || !isCount(t) || typeof name !== 'string' || typeof coroutine !== 'string' || !isCount(parent)) return undefined;
      return [CREATED, task, t, name, coroutine, parent, position];
    }
    case DONE: {
      const [, , t, outcome, detail] = value as unknown[];
      if (value.length !== 6 || !isCount(t) || !(outcome === 0 || outcome === 1 || outcome === 2)) return undefined;
      if (!(detail === null || typeof detail === 'string')) return undefined;
      return [DONE, task, t, outcome, detail, position];
    }
    case RENAMED: {
      const name = value[2] as unknown;
      return value.length === 4 && typeof name === 'string' ? [RENAMED, task, name, position] : undefined;
    }
    default:
      return undefined;
  }
}

/** The steps of a batch, checked and copied: four finite numbers per step, a task number first. */
export function readSteps(value: unknown): Float64Array | undefined {
  if (!(value instanceof Float64Array) || value.length % 4 !== 0) return undefined;
  for (let i = 0; i < value.length; i += 4) {
    const task = value[i] as number;
    const start = value[i + 1] as number;
    const end = value[i + 2] as number;
    if (!Number.isSafeInteger(task) || task < 1 || !(start >= 0) || !(end >= start) || !Number.isFinite(end) || !Number.isFinite(value[i + 3])) return undefined;
  }
  return value.slice();
}

/** The step a record comes before (its last item). */
const positionOf = (record: TaskRecord): number => record[record.length - 1] as number;

/** Seconds as ms, to the microsecond (as livepy/timeline.py `_ms`). */
const ms = (seconds: number) => Math.round(seconds * 1e6) / 1000;

/**
 * Turns one run's batches into events, in the order things happened: a step becomes a
 * step-start, the tasks it created, a step-end. Works out which steps blocked the loop and
 * which were held up (see livepy/timeline.py, whose `Reader` does the same for the command
 * line: the two must agree). One reader per run: it keeps names and step ends between batches.
 */
export class TaskEventReader {
  readonly #virtual: boolean;
  readonly #names = new Map<number, string>();
  readonly #lastEnd = new Map<number, number>();
  #stepsRead = 0;

  constructor(clock: 'virtual' | 'real') {
    this.#virtual = clock === 'virtual';
  }

  read(steps: Float64Array, records: readonly TaskRecord[]): TaskEvent[] {
    const out: TaskEvent[] = [];
    let r = 0;
    for (let i = 0; i < steps.length; i += 4) {
      const position = this.#stepsRead++;
      const task = steps[i] as number;
      const inside: TaskEvent[] = [];
      for (; r < records.length && positionOf(records[r] as TaskRecord) <= position; r++) {
        const record = records[r] as TaskRecord;
        const event = this.#record(record);
        if (!event) continue;
        // Created during this step: between its start and its end.
        if (positionOf(record) === position && event.kind === 'created' && event.parent === task) inside.push(event);
        else out.push(event);
      }
      this.#step(out, inside, task, steps[i + 1] as number, steps[i + 2] as number, steps[i + 3] as number);
    }
    for (; r < records.length; r++) {
      const event = this.#record(records[r] as TaskRecord);
      if (event) out.push(event);
    }
    return out;
  }

  #record(record: TaskRecord): TaskEvent | undefined {
    switch (record[0]) {
      case CREATED: {
        const [, task, t, name, coroutine, parent] = record;
        this.#names.set(task, name);
        const event: TaskEvent = { kind: 'created', task, name, t: t / 1000, detail: coroutine };
        if (parent) event.parent = parent;
        return event;
      }
      case DONE: {
        const [, task, t, outcome, detail] = record;
        const event: TaskEvent = { kind: 'done', task, name: this.#name(task), t: t / 1000, outcome: OUTCOMES[outcome] ?? 'result' };
        if (detail !== null) event.detail = detail;
        return event;
      }
      case RENAMED:
        this.#names.set(record[1], record[2]);
        return undefined;
    }
  }

  #step(out: TaskEvent[], inside: readonly TaskEvent[], task: number, start: number, end: number, cause: number): void {
    const ready = cause > 0 ? this.#lastEnd.get(cause) : cause <= -1 ? -cause - 1 : undefined;
    // (Noted after the cause is read: a step that schedules its own task's next step, as
    // `await asyncio.sleep(0)` does, made it ready when that step ended.)
    this.#lastEnd.set(task, end);
    const name = this.#name(task);
    const begin: TaskEvent = { kind: 'step-start', task, name, t: ms(start) };
    // Compared in whole microseconds: a deadline comes back through its encoding with float
    // noise (1.8 as 1.7999999999999998), which is not lateness.
    if (ready !== undefined && Math.round(start * 1e6) - Math.round(ready * 1e6) > (this.#virtual ? 0 : REAL_LATE * 1e6)) begin.ready = ms(ready);
    out.push(begin);
    for (const event of inside) out.push(event);
    const finish: TaskEvent = { kind: 'step-end', task, name, t: ms(end) };
    const took = end - start;
    if (this.#virtual ? took > 0 : took >= LONG_STEP) finish.blocking = true;
    out.push(finish);
  }

  #name(task: number): string {
    return this.#names.get(task) ?? `Task-${task}`;
  }
}
