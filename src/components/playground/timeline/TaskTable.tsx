import { useState } from 'react';
import { duration } from '../../../lib/timeline/axis.ts';
import type { TimelineModel } from '../../../lib/timeline/model.ts';
import { taskRows } from '../../../lib/timeline/table.ts';
import { format, type PlaygroundStrings } from '../../../lib/playground/string-keys.ts';
import { OUTCOME_MARK, outcomeText } from './describe.ts';

/** Rows shown at first; a run with more tasks shows more on request (the page stays quick). */
export const ROWS_AT_ONCE = 100;

/**
 * The data table: one row per task, what a screen reader reads instead of the drawing and what
 * the tests check. Inside a <details>, so it needs no JavaScript to open in a static figure.
 */
export function TaskTable(props: {
  model: TimelineModel;
  version: number;
  strings: PlaygroundStrings;
  lang: string;
  highlight?: number | undefined;
  /** Open from the start (static figures keep it closed; a reader opens it). */
  open?: boolean;
  /** Which run, when a figure shows several. */
  label?: string | undefined;
  /** Rows only once opened (a live timeline redraws often; a static figure has them all). */
  lazy?: boolean;
}) {
  const { model, strings, lang } = props;
  const [limit, setLimit] = useState(ROWS_AT_ONCE);
  const [opened, setOpened] = useState(props.open ?? false);
  const total = model.taskCount;
  const shown = props.lazy && !opened ? [] : taskRows(model, limit);
  const time = (ms: number | undefined) => (ms === undefined ? '—' : duration(ms, lang));
  return (
    <details className="tl-table-box" open={props.open} onToggle={(e) => setOpened(e.currentTarget.open)}>
      <summary>
        {strings.timelineTable}
        {props.label ? `: ${props.label}` : ''} ({total})
      </summary>
      {/* At phone width the table scrolls sideways: the keyboard must reach it (axe). */}
      <div className="tl-table-scroll" tabIndex={0} role="region" aria-label={`${strings.timelineTable}${props.label ? `: ${props.label}` : ''}`}>
        <table className="tl-table">
          <caption>{strings.timelineTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{strings.timelineColTask}</th>
              <th scope="col">{strings.timelineColCreated}</th>
              <th scope="col">{strings.timelineColFinished}</th>
              <th scope="col">{strings.timelineColOutcome}</th>
              <th scope="col">{strings.timelineColRunning}</th>
              <th scope="col">
                <abbr title={strings.timelineColBlockedHint}>{strings.timelineColBlocked}</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.task} data-task={row.task} data-highlight={props.highlight === row.task || undefined}>
                <th scope="row">
                  {row.name}
                  {row.coroutine && row.coroutine !== row.name ? ` (${row.coroutine})` : ''}
                </th>
                <td className="tl-num">{time(row.createdAt)}</td>
                <td className="tl-num">{time(row.finishedAt)}</td>
                <td title={row.detail}>
                  {row.outcome ? `${OUTCOME_MARK[row.outcome]} ` : ''}
                  {outcomeText(row.outcome, strings)}
                  {row.outcome === 'exception' && row.detail ? `: ${row.detail}` : ''}
                </td>
                <td className="tl-num">
                  {time(row.running)}
                  {row.blockingSteps > 0 ? ` ⚠ ${strings.timelineBlockingMark}` : ''}
                </td>
                <td className="tl-num">{time(row.blocked)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(!props.lazy || opened) && total > shown.length && (
        <p className="tl-note">
          {format(strings.timelineRowsShown, { shown: shown.length, total })}{' '}
          <button type="button" className="pg-link-btn" onClick={() => setLimit((l) => l + ROWS_AT_ONCE * 10)}>
            {format(strings.timelineMoreRows, { count: Math.min(ROWS_AT_ONCE * 10, total - shown.length) })}
          </button>
        </p>
      )}
    </details>
  );
}
