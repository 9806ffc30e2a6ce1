/**
 * Words for what the timeline shows: a task's state, an outcome, one event. Shared by the live
 * timeline and the static figures, in the page's language.
 */
import type { TaskEvent, TaskOutcome } from '../../../runtime/task-events.ts';
import { duration } from '../../../lib/timeline/axis.ts';
import type { TaskState, TimelineModel } from '../../../lib/timeline/model.ts';
import { format, type PlaygroundStrings } from '../../../lib/playground/string-keys.ts';

export function outcomeText(outcome: TaskOutcome | undefined, strings: PlaygroundStrings): string {
  switch (outcome) {
    case 'result':
      return strings.timelineOutcomeResult;
    case 'exception':
      return strings.timelineOutcomeException;
    case 'cancelled':
      return strings.timelineOutcomeCancelled;
    default:
      return strings.timelineUnfinished;
  }
}

/** The mark drawn where a task ended: a shape of its own for each outcome, not only a colour. */
export const OUTCOME_MARK: Record<TaskOutcome, string> = { result: '✓', exception: '✗', cancelled: '⊘' };

export function stateText(state: TaskState, outcome: TaskOutcome | undefined, strings: PlaygroundStrings): string {
  switch (state) {
    case 'not-created':
      return strings.timelineStateNotCreated;
    case 'running':
      return strings.timelineStateRunning;
    case 'waiting':
      return strings.timelineStateWaiting;
    case 'ready':
      return strings.timelineStateReady;
    case 'held-up':
      return strings.timelineStateHeldUp;
    case 'done':
      return `${OUTCOME_MARK[outcome ?? 'result']} ${outcomeText(outcome, strings)}`;
  }
}

/** One event in a sentence: "a runs a step, ready since 0.5 s". */
export function eventText(event: TaskEvent, model: TimelineModel, strings: PlaygroundStrings, lang: string): string {
  const name = model.lane(event.task)?.name ?? event.name;
  switch (event.kind) {
    case 'created': {
      const parent = event.parent !== undefined ? model.lane(event.parent)?.name : undefined;
      return parent ? format(strings.timelineEvCreatedBy, { parent, name }) : format(strings.timelineEvCreated, { name });
    }
    case 'step-start':
      return event.ready !== undefined
        ? format(strings.timelineEvStartLate, { name, ready: duration(event.ready, lang) })
        : format(strings.timelineEvStart, { name });
    case 'step-end': {
      if (!event.blocking) return format(strings.timelineEvEnd, { name });
      const step = model.lane(event.task)?.steps.find((s) => s.end === event.t && s.blocking);
      return format(strings.timelineEvEndBlocking, { name, time: duration(step ? step.end - step.start : 0, lang) });
    }
    case 'done':
      return format(strings.timelineEvDone, { name, outcome: `${OUTCOME_MARK[event.outcome ?? 'result']} ${outcomeText(event.outcome, strings)}` });
  }
}
