/**
 * A running program's timeline, for a view to subscribe to: the model grows as batches arrive,
 * and subscribers hear of it at most every `intervalMs` (a run of thousands of tasks must not
 * spend the page's time redrawing what changed a little). Only what subscribes redraws, not the
 * whole playground (its editor is costly to render).
 */
import { TimelineModel } from './model.ts';
import type { Clock } from '../../runtime/protocol.ts';
import type { TaskEvent } from '../../runtime/task-events.ts';

export class LiveTimeline {
  readonly model: TimelineModel;
  readonly #listeners = new Set<() => void>();
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(clock: Clock, intervalMs = 150) {
    this.model = new TimelineModel(clock);
    this.#intervalMs = intervalMs;
  }

  append(events: readonly TaskEvent[]): void {
    this.model.append(events);
    // The bigger the run, the longer a redraw takes: redraw less often (100,000 events: ~0.65 s).
    this.#timer ??= setTimeout(() => this.#notify(), this.#intervalMs + this.model.events.length / 200);
  }

  /** The run ended: say how many events its recorder dropped, and redraw now. */
  finish(droppedByRunner: number): void {
    this.model.setDroppedByRunner(droppedByRunner);
    this.#notify();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly version = (): number => this.model.version;

  #notify(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const listener of this.#listeners) listener();
  }
}
