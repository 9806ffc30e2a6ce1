/**
 * A lane as a few SVG paths, whatever the number of steps: steps closer than a pixel are drawn
 * as one shape, so a lane of 50,000 steps costs as many elements as a lane of five (one path per
 * kind of shape), and a zero-length step (the virtual clock's usual) still shows, a little wide.
 */
import type { Delay, Lane } from './model.ts';

export interface Scale {
  /** ms per unit of width (the SVG's user units: pixels when drawn at its own size). */
  msPerUnit: number;
  /** Width of the drawing, in units. */
  width: number;
}

export interface LaneShapes {
  /** From creation to the end: drawn hatched, as waiting, under everything else. */
  life: string;
  /** Steps that did not block the loop. */
  steps: string;
  /** Steps that blocked the loop. */
  blocking: string;
  /** Where the task was ready but held up by another task's blocking step. */
  delays: string;
  /** Where the task ended, and how. */
  end: { x: number; outcome: 'result' | 'exception' | 'cancelled' } | undefined;
}

/** The narrowest a step is drawn, in units: a zero-length step must still be seen. */
export const MIN_STEP_WIDTH = 5;

const r = (n: number) => Math.round(n * 10) / 10;

function rect(x: number, w: number, y: number, h: number): string {
  return `M${r(x)} ${r(y)}h${r(w)}v${r(h)}h${r(-w)}z`;
}

/** Rectangles for [from, to] intervals in time order, merged where they touch at this scale. */
function intervals(list: Iterable<{ from: number; to: number }>, scale: Scale, y: number, h: number, minWidth: number): string {
  let out = '';
  let x0 = -1;
  let x1 = -1;
  for (const { from, to } of list) {
    const x = from / scale.msPerUnit;
    const xe = Math.max(to / scale.msPerUnit, x + minWidth);
    if (x0 >= 0 && x <= x1 + 0.5) {
      x1 = Math.max(x1, xe);
      continue;
    }
    if (x0 >= 0) out += rect(x0, x1 - x0, y, h);
    x0 = x;
    x1 = xe;
  }
  if (x0 >= 0) out += rect(x0, x1 - x0, y, h);
  return out;
}

function* stepIntervals(lane: Lane, blocking: boolean): Generator<{ from: number; to: number }> {
  for (const step of lane.steps) if (step.blocking === blocking) yield { from: step.start, to: step.end };
}

/**
 * `end` is where a task still going on (or left unfinished) is drawn to. The lane is `height`
 * units tall; steps fill it, the waiting band and the delays sit in its middle.
 */
export function laneShapes(lane: Lane, delays: readonly Delay[], scale: Scale, height: number, end: number): LaneShapes {
  const lifeEnd = lane.done?.t ?? end;
  const band = height * 0.5;
  const bandY = (height - band) / 2;
  return {
    life: intervals([{ from: lane.created, to: lifeEnd }], scale, bandY, band, 0),
    steps: intervals(stepIntervals(lane, false), scale, 0, height, MIN_STEP_WIDTH),
    blocking: intervals(stepIntervals(lane, true), scale, 0, height, MIN_STEP_WIDTH),
    delays: intervals(delays, scale, bandY, band, 1),
    end: lane.done ? { x: r(lane.done.t / scale.msPerUnit), outcome: lane.done.outcome } : undefined,
  };
}
