/**
 * The timeline's data table: one row per task, in the lanes' order, with what a reader checks
 * (and what a screen reader reads instead of the drawing).
 */
import type { TaskOutcome } from '../../runtime/task-events.ts';
import type { TimelineModel } from './model.ts';

export interface TaskRow {
  task: number;
  name: string;
  coroutine: string;
  depth: number;
  /** ms, in the run's clock. */
  createdAt: number;
  /** Absent while the task has not finished (or the run ended before it did). */
  finishedAt: number | undefined;
  outcome: TaskOutcome | undefined;
  /** The result's repr, or the exception. */
  detail: string | undefined;
  /** Time its steps took. */
  running: number;
  /** Time it was ready to run while another task's blocking step held the loop. */
  blocked: number;
  /** How many of its own steps blocked the loop. */
  blockingSteps: number;
}

/** The rows of the first `limit` tasks (all by default), in the lanes' order. */
export function taskRows(model: TimelineModel, limit = Infinity): TaskRow[] {
  const lanes = model.lanes();
  return (limit < lanes.length ? lanes.slice(0, limit) : lanes).map((lane) => ({
    task: lane.task,
    name: lane.name,
    coroutine: lane.coroutine,
    depth: lane.depth,
    createdAt: lane.created,
    finishedAt: lane.done?.t,
    outcome: lane.done?.outcome,
    detail: lane.done?.detail,
    running: lane.running,
    blocked: model.heldUp(lane.task),
    blockingSteps: lane.blockingSteps,
  }));
}
