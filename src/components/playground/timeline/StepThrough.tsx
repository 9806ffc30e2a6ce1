import { useId } from 'react';
import { duration } from '../../../lib/timeline/axis.ts';
import type { TimelineModel } from '../../../lib/timeline/model.ts';
import { format, type PlaygroundStrings } from '../../../lib/playground/string-keys.ts';
import { eventText } from './describe.ts';

/**
 * The cursor: a slider over the run's events (arrow keys, Page Up/Down, Home, End, or the
 * pointer), with previous/next buttons and the event in words. Every lane shows its task's state
 * at the cursor; the sentence is announced politely as it changes.
 */
export function StepThrough(props: {
  model: TimelineModel;
  strings: PlaygroundStrings;
  lang: string;
  cursor: number | undefined;
  onCursor: (index: number | undefined) => void;
}) {
  const { model, strings, lang, cursor } = props;
  const id = useId();
  const total = model.events.length;
  if (total === 0) return null;
  // Without a cursor the slider rests at the start; reaching it (focus, pointer) starts there.
  const at = cursor ?? 0;
  const event = model.events[at];
  const text = event
    ? format(strings.timelineEventAt, { n: at + 1, total, time: duration(event.t, lang), what: eventText(event, model, strings, lang) })
    : '';
  const go = (index: number) => props.onCursor(Math.min(Math.max(index, 0), total - 1));
  return (
    <div className="tl-step">
      <label htmlFor={`${id}-range`}>{strings.timelineCursor}</label>
      <button type="button" className="pg-btn" onClick={() => go(at - 1)} aria-label={strings.timelinePrev} title={strings.timelinePrev} disabled={cursor === undefined || at <= 0}>
        ◀
      </button>
      <input
        id={`${id}-range`}
        type="range"
        min={0}
        max={total - 1}
        step={1}
        value={at}
        aria-valuetext={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => go(Number(e.currentTarget.value))}
        onFocus={() => cursor === undefined && go(0)}
      />
      <button type="button" className="pg-btn" onClick={() => go(cursor === undefined ? 0 : at + 1)} aria-label={strings.timelineNext} title={strings.timelineNext} disabled={at >= total - 1}>
        ▶
      </button>
      {cursor !== undefined && (
        <button type="button" className="pg-btn" onClick={() => props.onCursor(undefined)}>
          {strings.timelineCursorOff}
        </button>
      )}
      <p className="tl-event" aria-live="polite">
        {cursor !== undefined ? text : ''}
      </p>
      <p className="sr-only" id={`${id}-hint`}>
        {strings.timelineCursorHint}
      </p>
    </div>
  );
}
