import { startTransition, useCallback, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { duration } from '../../../lib/timeline/axis.ts';
import type { Highlight } from '../../../lib/timeline/highlight.ts';
import type { LiveTimeline } from '../../../lib/timeline/live.ts';
import { chromeTrace } from '../../../lib/timeline/trace.ts';
import { saveFile } from '../../../lib/playground/download.ts';
import type { KeyValueStore } from '../../../lib/playground/storage.ts';
import { format, type PlaygroundStrings } from '../../../lib/playground/string-keys.ts';
import { Legend } from './Legend.tsx';
import { StepThrough } from './StepThrough.tsx';
import { TaskTable } from './TaskTable.tsx';
import { TimelineChart } from './TimelineChart.tsx';
import './timeline.css';

/** The reader's choice to hide the timeline, kept for every playground of the site. */
export const COLLAPSED_KEY = 'playground:timeline-collapsed';

export function isCollapsed(store: KeyValueStore): boolean {
  return store.get(COLLAPSED_KEY) === 'true';
}

/**
 * A run's tasks on a time axis, in a playground: drawn as events arrive, with a cursor to step
 * through them, the data table, and the run as a trace file. A region named "Timeline".
 */
export function Timeline(props: {
  live: LiveTimeline;
  running: boolean;
  strings: PlaygroundStrings;
  lang: string;
  store: KeyValueStore;
  /** The program's file name: the trace is named after it. */
  fileName: string;
  /** The task pointed at, here or in the output. */
  highlight: Highlight;
  /** What the run simulates (its stand-ins): its requests and queries are waits on the run's clock. */
  simulated?: string[] | undefined;
}) {
  const { strings, lang } = props;
  const model = props.live.model;
  // New events redraw the timeline as a transition: React renders it in slices and yields to
  // the page between them, so a big run's redraw never holds the main thread for long.
  const [version, setVersion] = useState(props.live.version);
  useEffect(() => {
    const live = props.live;
    setVersion(live.version());
    return live.subscribe(() => startTransition(() => setVersion(live.version())));
  }, [props.live]);
  const highlight = useSyncExternalStore(props.highlight.subscribe, props.highlight.get, props.highlight.get);
  const id = useId().replace(/:/g, '');
  const [collapsed, setCollapsed] = useState(() => isCollapsed(props.store));
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const lanes = model.lanes();
  const steps = model.stepCount;
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;

  const toggle = () => {
    setCollapsed((was) => {
      props.store.set(COLLAPSED_KEY, String(!was));
      return !was;
    });
  };
  const download = () => {
    const trace = chromeTrace(model, props.fileName);
    saveFile(`${props.fileName.replace(/\.py$/, '')}.trace.json`, JSON.stringify(trace), 'application/json');
  };
  // A point on the chart moves the cursor to the last event at or before that time.
  const pick = useCallback(
    (t: number) => {
      const events = model.events;
      let lo = 0;
      let hi = events.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((events[mid]?.t ?? 0) <= t) lo = mid + 1;
        else hi = mid;
      }
      setCursor(Math.max(0, lo - 1));
    },
    [model],
  );

  return (
    <section className="tl" aria-labelledby={titleId} data-timeline>
      <div className="tl-head">
        <h3 className="tl-title" id={titleId}>
          {strings.timeline}
        </h3>
        {lanes.length > 0 && (
          <span className="tl-summary">
            {format(strings.timelineSummary, { tasks: lanes.length, steps, blocking: model.blockingSteps().length })}
          </span>
        )}
        <span className="tl-actions">
          {lanes.length > 0 && !collapsed && (
            <button type="button" className="pg-btn" onClick={download} title={strings.timelineDownloadHint}>
              {strings.timelineDownload}
            </button>
          )}
          <button type="button" className="pg-btn" aria-expanded={!collapsed} aria-controls={bodyId} onClick={toggle}>
            {collapsed ? strings.timelineShow : strings.timelineHide}
          </button>
        </span>
      </div>
      <div className="tl-body" id={bodyId} hidden={collapsed}>
        {!collapsed && (
          <>
            {props.simulated && props.simulated.length > 0 && <p className="tl-note tl-simulated">{props.simulated.join(' ')}</p>}
            {lanes.length === 0 && <p className="tl-note">{props.running ? strings.timelineWaiting : strings.timelineEmpty}</p>}
            {model.dropped > 0 && (
              <p className="tl-note tl-note-warn">
                {format(strings.timelineDropped, { count: new Intl.NumberFormat(lang).format(model.dropped), time: duration(model.end, lang) })}
              </p>
            )}
            {lanes.length > 0 && (
              <>
                <TimelineChart
                  model={model}
                  version={version}
                  strings={strings}
                  lang={lang}
                  idPrefix={id}
                  interactive
                  cursor={cursor}
                  highlight={highlight}
                  onHighlight={props.highlight.set}
                  onPick={pick}
                />
                <StepThrough model={model} strings={strings} lang={lang} cursor={cursor} onCursor={setCursor} />
                <Legend strings={strings} idPrefix={id} />
                <TaskTable model={model} version={version} strings={strings} lang={lang} highlight={highlight} lazy />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
