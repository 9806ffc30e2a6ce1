import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';
import { ticks, duration } from '../../../lib/timeline/axis.ts';
import { laneShapes } from '../../../lib/timeline/layout.ts';
import type { Lane, TimelineModel } from '../../../lib/timeline/model.ts';
import { format, type PlaygroundStrings } from '../../../lib/playground/string-keys.ts';
import { OUTCOME_MARK, outcomeText, stateText } from './describe.ts';

/** The drawing's width in SVG units; tracks stretch it to the width they have. */
export const WIDTH = 1000;
/** Lanes drawn above and below the visible ones while scrolling. */
const OVERSCAN = 6;
/** Before the first measurement (1.625rem at 16 px). */
const DEFAULT_LANE_PX = 26;

interface ChartProps {
  model: TimelineModel;
  /** The model's version when this was rendered (the model is mutable; this is what changed). */
  version: number;
  strings: PlaygroundStrings;
  lang: string;
  idPrefix: string;
  /** Live (a playground): lanes scroll and only the visible ones are drawn; labels are buttons. */
  interactive: boolean;
  /** The event the cursor is at, if the reader is stepping through. */
  cursor?: number | undefined;
  highlight?: number | undefined;
  onHighlight?: (task: number | undefined) => void;
  /** The reader pointed at a time on the chart (ms). */
  onPick?: (t: number) => void;
  /** Where the axis ends (ms), when several charts share one scale; else the run's end. */
  axisEnd?: number;
  /** A tick and a guide line across the lanes every so many ms (a figure's choice). */
  gridMs?: number | undefined;
}

export function TimelineChart(props: ChartProps) {
  const { model, strings, lang, interactive, cursor } = props;
  const lanes = model.lanes();
  const axis = useMemo(() => ticks(props.axisEnd ?? model.end, lang, 5, props.gridMs), [props.axisEnd, model.end, lang, props.gridMs]);
  const grid = props.gridMs ? axis.ticks.map((tick) => `M${Math.round((tick.t / axis.end) * WIDTH * 10) / 10} -2V12`).join('') : undefined;
  const msPerUnit = axis.end / WIDTH;
  const clockName = model.clock === 'virtual' ? strings.timelineClockVirtual : strings.timelineClockReal;
  const cursorEvent = cursor !== undefined ? model.events[cursor] : undefined;

  // Only the lanes in view are drawn (a run can have 10,000 tasks).
  const scroller = useRef<HTMLDivElement>(null);
  const [laneRange, setLaneRange] = useState({ first: 0, count: 24 });
  const [lanePx, setLanePx] = useState(DEFAULT_LANE_PX);
  const updateRange = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    const lane = box.querySelector<HTMLElement>('.tl-lane');
    const px = lane?.offsetHeight || DEFAULT_LANE_PX;
    setLanePx((old) => (old === px ? old : px));
    const first = Math.max(0, Math.floor(box.scrollTop / px) - OVERSCAN);
    const count = Math.ceil(box.clientHeight / px) + 2 * OVERSCAN;
    setLaneRange((old) => (old.first === first && old.count === count ? old : { first, count }));
  }, []);
  useLayoutEffect(() => {
    if (interactive) updateRange();
  }, [interactive, updateRange, lanes.length]);
  const frame = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(updateRange);
  };

  const first = interactive ? Math.min(laneRange.first, Math.max(0, lanes.length - 1)) : 0;
  const shown = interactive ? lanes.slice(first, first + laneRange.count) : lanes;

  const onPick = props.onPick;
  const pick = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (!onPick) return;
      const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
      const x = Math.min(Math.max(event.clientX - box.left, 0), box.width);
      onPick((x / Math.max(box.width, 1)) * axis.end);
    },
    [onPick, axis.end],
  );

  return (
    <div className="tl-chart">
      <Patterns idPrefix={props.idPrefix} />
      <div className="tl-row tl-axis">
        <span className="tl-axis-name">{clockName}</span>
        <div className="tl-ticks" aria-hidden="true">
          {axis.ticks.map((tick, i) => (
            // With many ticks, every other label gives way on a narrow screen (the mark stays),
            // counted back from the last, where the run ends, which always shows; so does 0.
            <span
              key={tick.t}
              className="tl-tick"
              data-minor={(axis.ticks.length > 4 && i > 0 && (axis.ticks.length - 1 - i) % 2 === 1) || undefined}
              style={{ left: `${(tick.t / axis.end) * 100}%` }}
            >
              {tick.label}
            </span>
          ))}
        </div>
      </div>
      <div
        className="tl-lanes"
        ref={scroller}
        onScroll={interactive ? onScroll : undefined}
        role={interactive ? 'group' : undefined}
        aria-label={interactive ? strings.timelineLanes : undefined}
        onPointerLeave={() => props.onHighlight?.(undefined)}
      >
        {interactive && first > 0 && <div style={{ height: first * lanePx }} />}
        {shown.map((lane) => (
          <LaneRow
            key={lane.task}
            lane={lane}
            model={model}
            msPerUnit={msPerUnit}
            strings={strings}
            lang={lang}
            idPrefix={props.idPrefix}
            interactive={interactive}
            highlighted={props.highlight === lane.task}
            cursor={cursor}
            cursorX={cursorEvent ? cursorEvent.t / msPerUnit : undefined}
            grid={grid}
            onHighlight={props.onHighlight}
            onPick={props.onPick ? pick : undefined}
            stepCount={lane.steps.length}
            delayCount={model.delays(lane.task).length}
            doneAt={lane.done?.t}
            name={lane.name}
          />
        ))}
        {interactive && first + shown.length < lanes.length && <div style={{ height: (lanes.length - first - shown.length) * lanePx }} />}
      </div>
    </div>
  );
}

interface LaneRowProps {
  lane: Lane;
  model: TimelineModel;
  msPerUnit: number;
  strings: PlaygroundStrings;
  lang: string;
  idPrefix: string;
  interactive: boolean;
  highlighted: boolean;
  cursor: number | undefined;
  cursorX: number | undefined;
  grid: string | undefined;
  onHighlight: ((task: number | undefined) => void) | undefined;
  onPick: ((event: ReactPointerEvent<HTMLElement>) => void) | undefined;
  /** What of the (mutable) lane this drawing shows: a change draws it again. */
  stepCount: number;
  delayCount: number;
  doneAt: number | undefined;
  name: string;
}

/**
 * A lane is drawn again only when something it shows changed (its props, compared shallowly:
 * the lane is mutable, so what changes in it comes as numbers too). While a big run goes on,
 * most visible lanes stay as they were from one redraw to the next.
 */
const LaneRow = memo(LaneRowDrawing);

function LaneRowDrawing(props: LaneRowProps) {
  const { lane, model, strings, lang } = props;
  const delays = model.delays(lane.task);
  const shapes = laneShapes(lane, delays, { msPerUnit: props.msPerUnit, width: WIDTH }, 10, model.end);
  const state = props.cursor !== undefined ? model.stateAt(lane, props.cursor) : undefined;
  // With the cursor: the task's state there. Without: how it ended (a mark; the words are in
  // the accessible name and the table).
  const stateLabel = state ? stateText(state.state, state.outcome, strings) : lane.done ? outcomeText(lane.done.outcome, strings) : undefined;
  const heldUp = delays.length > 0 ? delays.reduce((sum, d) => sum + d.to - d.from, 0) : 0;
  const heldUpBy = [...new Set(delays.flatMap((d) => d.by))].map((t) => model.lane(t)?.name ?? String(t)).join(', ');
  const notes = [
    lane.blockingSteps > 0 ? `⚠ ${strings.timelineBlockingMark}` : '',
    heldUp > 0 ? format(strings.timelineHeldUpBy, { time: duration(heldUp, lang), names: heldUpBy }) : '',
  ].filter(Boolean);
  const label = format(strings.timelineLane, { name: lane.name, coroutine: lane.coroutine || '?', state: stateLabel ?? strings.timelineUnfinished });
  const labelContent = (
    <>
      {lane.blockingSteps > 0 && (
        <span className="tl-warn" aria-hidden="true" title={strings.timelineBlockingMark}>
          ⚠
        </span>
      )}
      <span className="tl-name">{lane.name}</span>
      {lane.coroutine && lane.coroutine !== lane.name && <span className="tl-coro">{lane.coroutine}</span>}
      {state && (
        <span className="tl-state" data-state={state.state}>
          {stateLabel}
        </span>
      )}
    </>
  );
  const highlight = () => props.onHighlight?.(lane.task);
  return (
    <div className="tl-row tl-lane" data-task={lane.task} data-highlight={props.highlighted || undefined} onPointerEnter={props.interactive ? highlight : undefined}>
      {props.interactive ? (
        <button
          type="button"
          className="tl-label"
          style={{ '--tl-depth': Math.min(lane.depth, 6) } as CSSProperties}
          aria-label={[label, ...notes].join('. ')}
          aria-pressed={props.highlighted}
          title={notes.join('. ') || undefined}
          onFocus={highlight}
          onClick={highlight}
        >
          {labelContent}
        </button>
      ) : (
        <span className="tl-label" style={{ '--tl-depth': Math.min(lane.depth, 6) } as CSSProperties} title={notes.join('. ') || undefined}>
          {labelContent}
        </span>
      )}
      <div className="tl-track" onPointerDown={props.onPick} aria-hidden="true">
        <svg viewBox={`0 0 ${WIDTH} 10`} preserveAspectRatio="none" focusable="false">
          {props.grid && <path className="tl-grid" d={props.grid} />}
          <path d={shapes.life} fill={`url(#${props.idPrefix}-hatch)`} />
          <path className="tl-life-edge" d={shapes.life} />
          {shapes.delays && <path d={shapes.delays} fill={`url(#${props.idPrefix}-held)`} />}
          <path className="tl-steps" d={shapes.steps} />
          {shapes.blocking && <path className="tl-blocking" d={shapes.blocking} fill={`url(#${props.idPrefix}-blocking)`} />}
          {props.cursorX !== undefined && <line className="tl-cursor-line" x1={props.cursorX} x2={props.cursorX} y1="-2" y2="12" />}
        </svg>
        {shapes.end && (
          <span className="tl-mark" data-outcome={shapes.end.outcome} style={{ left: `${(shapes.end.x / WIDTH) * 100}%` }} title={outcomeText(shapes.end.outcome, strings)}>
            {OUTCOME_MARK[shapes.end.outcome]}
          </span>
        )}
      </div>
    </div>
  );
}

/**
 * The fills that tell shapes apart without colour: hatching for waiting, dots for held up,
 * stripes for a blocking step. Ids are per timeline (a page can show several).
 */
export function Patterns({ idPrefix }: { idPrefix: string }) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        <pattern id={`${idPrefix}-hatch`} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
          <line className="tl-hatch-line" x1="0" y1="0" x2="0" y2="7" />
        </pattern>
        <pattern id={`${idPrefix}-held`} patternUnits="userSpaceOnUse" width="5" height="5">
          <rect className="tl-held-bg" width="5" height="5" />
          <circle className="tl-held-dot" cx="2.5" cy="2.5" r="1.3" />
        </pattern>
        <pattern id={`${idPrefix}-blocking`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(-45)">
          <rect className="tl-blocking-bg" width="6" height="6" />
          <line className="tl-blocking-stripe" x1="0" y1="0" x2="0" y2="6" />
        </pattern>
      </defs>
    </svg>
  );
}
