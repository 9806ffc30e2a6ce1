/**
 * A run as Chrome trace-event JSON, which Perfetto (ui.perfetto.dev) and chrome://tracing open:
 * one track (thread) per task, named by `thread_name` metadata and ordered as the lanes are;
 * every step a complete (`ph: "X"`) slice, and the waits between steps too, with the part a
 * blocking step held the task up as a slice inside its wait. Slices on one track never
 * overlap, as the format requires (Perfetto drops overlapping ones).
 *
 * Format: https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU
 */
import type { TimelineModel } from './model.ts';

export interface TraceEvent {
  name: string;
  ph: 'X' | 'M' | 'i';
  pid: number;
  tid: number;
  /** µs */
  ts?: number;
  /** µs */
  dur?: number;
  cat?: string;
  s?: 't';
  args?: Record<string, string | number | boolean>;
}

export interface Trace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string | number>;
}

const PID = 1;
const us = (ms: number) => Math.round(ms * 1000);

export function chromeTrace(model: TimelineModel, title: string): Trace {
  const events: TraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: PID, tid: 0, args: { name: title } },
  ];
  const lanes = model.lanes();
  lanes.forEach((lane, order) => {
    const tid = lane.task;
    const label = lane.coroutine ? `${lane.name} (${lane.coroutine})` : lane.name;
    events.push({ name: 'thread_name', ph: 'M', pid: PID, tid, args: { name: label } });
    events.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid, args: { sort_index: order } });
    events.push({ name: 'created', ph: 'i', s: 't', pid: PID, tid, ts: us(lane.created), cat: 'task', ...(lane.parent ? { args: { parent: lane.parent } } : {}) });
    let waitFrom = lane.created;
    const delays = model.delays(lane.task);
    let d = 0;
    for (const step of lane.steps) {
      if (step.start > waitFrom) {
        events.push({ name: 'waiting', ph: 'X', pid: PID, tid, ts: us(waitFrom), dur: us(step.start) - us(waitFrom), cat: 'wait' });
        for (; d < delays.length && (delays[d]?.to ?? Infinity) <= step.start; d++) {
          const delay = delays[d];
          if (!delay || delay.from < waitFrom) continue;
          events.push({
            name: 'held up by a blocking step',
            ph: 'X',
            pid: PID,
            tid,
            ts: us(delay.from),
            dur: us(delay.to) - us(delay.from),
            cat: 'held-up',
            args: { by: delay.by.map((t) => model.lane(t)?.name ?? String(t)).join(', ') },
          });
        }
      }
      events.push({
        name: step.blocking ? `${lane.name}: blocking step` : lane.name,
        ph: 'X',
        pid: PID,
        tid,
        ts: us(step.start),
        dur: us(step.end) - us(step.start),
        cat: step.blocking ? 'step,blocking' : 'step',
        ...(step.blocking ? { args: { blocking: true } } : {}),
      });
      waitFrom = step.end;
    }
    const end = lane.done?.t ?? model.end;
    if (end > waitFrom) events.push({ name: 'waiting', ph: 'X', pid: PID, tid, ts: us(waitFrom), dur: us(end) - us(waitFrom), cat: 'wait' });
    if (lane.done) {
      events.push({
        name: lane.done.outcome,
        ph: 'i',
        s: 't',
        pid: PID,
        tid,
        ts: us(lane.done.t),
        cat: 'task',
        ...(lane.done.detail !== undefined ? { args: { detail: lane.done.detail } } : {}),
      });
    }
  });
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: { clock: model.clock, tasks: lanes.length, droppedEvents: model.dropped },
  };
}
