/**
 * A recorded run's task events, as `run_example.py --events` writes them (one TaskEvent as JSON
 * per line): what a chapter's timeline figure is drawn from, checked by the examples tier
 * against what the program produces now (tests/examples/timelines.test.ts).
 */
import type { TaskEvent } from '../../runtime/task-events.ts';

const KINDS = new Set(['created', 'step-start', 'step-end', 'done']);

export function parseTimeline(text: string, source = 'timeline'): TaskEvent[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const event = JSON.parse(line) as TaskEvent;
      if (!KINDS.has(event.kind) || !Number.isSafeInteger(event.task) || typeof event.name !== 'string' || !Number.isFinite(event.t)) {
        throw new Error(`${source}, line ${index + 1}: not a task event: ${line}`);
      }
      return event;
    });
}
