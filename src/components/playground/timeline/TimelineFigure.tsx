import { useMemo } from 'react';
import { ticks } from '../../../lib/timeline/axis.ts';
import { TimelineModel } from '../../../lib/timeline/model.ts';
import type { TaskEvent } from '../../../runtime/task-events.ts';
import type { PlaygroundStrings } from '../../../lib/playground/string-keys.ts';
import { Legend } from './Legend.tsx';
import { TaskTable } from './TaskTable.tsx';
import { TimelineChart } from './TimelineChart.tsx';
import './timeline.css';

export interface RecordedRun {
  /** The program, as the page shows it (`blocking_sleep.py`). */
  program: string;
  events: TaskEvent[];
  /** A heading for this run when a figure shows several. */
  label?: string | undefined;
}

/**
 * A chapter's figure: the timeline of a program's recorded run (or several, on one scale),
 * drawn by the playground's own chart, rendered at build time: static HTML and SVG, readable
 * without JavaScript. Its text alternative is `title` and `description`; the data table (in a
 * <details>, which opens without JavaScript) holds the numbers.
 */
export function TimelineFigure(props: {
  id: string;
  runs: RecordedRun[];
  title: string;
  description: string;
  caption: string;
  strings: PlaygroundStrings;
  lang: string;
  /** A guide line every so many ms. */
  gridMs?: number | undefined;
}) {
  const { strings, lang } = props;
  const models = useMemo(
    () =>
      props.runs.map((run) => {
        const model = new TimelineModel('virtual');
        model.append(run.events);
        return model;
      }),
    [props.runs],
  );
  // One scale for all the runs of a figure, so they can be compared at a glance.
  const end = ticks(Math.max(...models.map((m) => m.end)), lang, 5, props.gridMs).end;
  return (
    <figure className="tl tl-static not-content" data-timeline-figure>
      <div role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
        <p id={`${props.id}-title`} hidden>
          {props.title}
        </p>
        <p id={`${props.id}-desc`} hidden>
          {props.description}
        </p>
        {models.map((model, i) => (
          <div className="tl-run" key={i}>
            {props.runs[i]?.label && <p className="tl-run-label">{props.runs[i]?.label}</p>}
            <TimelineChart
              model={model}
              version={model.version}
              strings={strings}
              lang={lang}
              idPrefix={`${props.id}-${i}`}
              interactive={false}
              axisEnd={end}
              gridMs={props.gridMs}
            />
          </div>
        ))}
      </div>
      <Legend strings={strings} idPrefix={`${props.id}-0`} />
      {models.map((model, i) => (
        <TaskTable key={i} model={model} version={model.version} strings={strings} lang={lang} label={models.length > 1 ? props.runs[i]?.label : undefined} />
      ))}
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
