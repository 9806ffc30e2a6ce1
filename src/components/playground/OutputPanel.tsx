import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Highlight } from '../../lib/timeline/highlight.ts';
import type { Clock, Explanation, RunStatus } from '../../runtime/protocol.ts';
import { explanationText } from '../../lib/playground/explain.ts';
import { databaseLoadingText, type DatabaseLoading } from '../../lib/playground/standins.ts';
import { formatStamp, type OutputState } from '../../lib/playground/output.ts';
import { format, type PlaygroundStrings } from '../../lib/playground/string-keys.ts';
import { findTracebackPlace } from '../../lib/playground/traceback.ts';

export type RunView =
  | { phase: 'idle' }
  | { phase: 'busy' }
  | { phase: 'running'; loading: boolean; stopping: boolean; database?: DatabaseLoading | undefined }
  | {
      phase: 'done';
      status: RunStatus;
      exitCode: number;
      durationMs: number;
      /** On the run's own clock; absent when the page ended the run. */
      clockMs?: number | undefined;
      message?: string | undefined;
      explanation?: Explanation | undefined;
      droppedChars: number;
      clock: Clock;
    }
  | { phase: 'failed'; message: string }
  | { phase: 'crashed' };

function duration(ms: number, lang: string): string {
  const seconds = ms / 1000;
  const digits = seconds < 10 ? 2 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(seconds)} s`;
}

export function statusText(view: RunView, strings: PlaygroundStrings, lang: string): string {
  switch (view.phase) {
    case 'idle':
      return '';
    case 'busy':
      return strings.statusBusy;
    case 'running':
      if (view.stopping) return strings.statusStopping;
      if (view.loading) return strings.statusLoading;
      return view.database ? databaseLoadingText(view.database, strings, lang) : strings.statusRunning;
    case 'failed':
      return format(strings.statusFailed, { message: view.message });
    case 'crashed':
      return strings.statusCrashed;
    case 'done': {
      // Which clock a time is on is always said: the virtual clock's time is what the timeline's
      // axis and the printed times count, the real time what the reader waited.
      const real = duration(view.durationMs, lang);
      const time =
        view.clock === 'virtual' && view.clockMs !== undefined
          ? format(strings.virtualTime, { time: duration(view.clockMs, lang), real })
          : format(strings.realTime, { time: real });
      const template = {
        ok: strings.statusOk,
        error: strings.statusError,
        stopped: strings.statusStopped,
        deadlock: strings.statusDeadlock,
      }[view.status];
      return format(template, { code: view.exitCode, time });
    }
  }
}

/** The non-ok outcome's own sentence (which tasks wait where, which module is missing, ...). */
export function outcomeMessage(view: RunView, strings: PlaygroundStrings): string | undefined {
  if (view.phase !== 'done' || view.status === 'ok') return undefined;
  return explanationText(view.explanation, strings, view.message);
}

/** A line's text, with the place in the reader's file that a traceback names made a button. */
function LineText(props: { text: string; fileName: string | undefined; hint: string; onGoToLine: (line: number) => void }) {
  const place = props.fileName ? findTracebackPlace(props.text, props.fileName) : undefined;
  if (!place) return <span className="pg-text">{props.text}</span>;
  return (
    <span className="pg-text">
      {place.before}
      <button
        type="button"
        className="pg-link-btn pg-traceback-link"
        title={format(props.hint, { line: place.line })}
        onClick={() => props.onGoToLine(place.line)}
      >
        {place.place}
      </button>
      {place.after}
    </span>
  );
}

const noSubscription = () => () => {};
const nothing = () => undefined;

/**
 * Output as it streams. Only standard error is marked (a word as well as a colour); time stamps
 * are there to switch on, and on by default only for runs on the real clock, where they tell
 * something the program's own prints do not. A traceback's place in the reader's file is a
 * button that shows that line in the editor. The log itself is not a live region (a chatty
 * program would drown a screen reader); the status below it is, politely, with the outcome's
 * own sentence when the run did not end well.
 */
export function OutputPanel(props: {
  id: string;
  strings: PlaygroundStrings;
  lang: string;
  output: OutputState;
  view: RunView;
  run: { fileName: string; clock: Clock } | undefined;
  onGoToLine: (line: number) => void;
  /** The task pointed at: its lines light up here, and a line pointed at lights up its lane. */
  highlight?: Highlight;
  /** Names a task, for a line's tooltip. */
  taskName?: (task: number) => string | undefined;
  /** What the run simulates (its stand-ins), said above the program's output, never inside it. */
  simulated?: string[];
}) {
  const hl = props.highlight;
  const highlighted = useSyncExternalStore(hl?.subscribe ?? noSubscription, hl?.get ?? nothing, hl?.get ?? nothing);
  const { strings, output, view } = props;
  const logRef = useRef<HTMLDivElement>(null);
  const [timesChosen, setTimesChosen] = useState<boolean | undefined>();
  const showTimes = timesChosen ?? props.run?.clock === 'real';
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [output]);

  const dropped = output.droppedChars + (view.phase === 'done' ? view.droppedChars : 0);
  const status = statusText(view, strings, props.lang);
  const ended = view.phase === 'done' ? view.status : undefined;
  const message = outcomeMessage(view, strings);

  return (
    <section className="pg-output" aria-labelledby={`${props.id}-output-title`}>
      <div className="pg-output-head">
        <h3 className="pg-output-title" id={`${props.id}-output-title`}>
          {strings.output}
        </h3>
        <button
          type="button"
          className="pg-times-toggle"
          aria-pressed={showTimes}
          title={strings.timesHint}
          onClick={() => setTimesChosen(!showTimes)}
        >
          {strings.times}
        </button>
      </div>
      {props.simulated && props.simulated.length > 0 && (
        <ul className="pg-simulated" title={strings.simulatedWhy} aria-label={strings.simulatedWhy}>
          {props.simulated.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      )}
      <div
        className={`pg-log${showTimes ? ' pg-log-times' : ''}`}
        ref={logRef}
        role="log"
        aria-live="off"
        tabIndex={0}
        aria-labelledby={`${props.id}-output-title`}
      >
        {output.lines.length === 0 && view.phase === 'idle' && <p className="pg-log-empty">{strings.outputEmpty}</p>}
        {output.lines.map((line, i) => (
          <div
            key={i}
            className={`pg-line pg-${line.stream}`}
            data-task={line.task}
            data-highlight={(line.task !== undefined && line.task === highlighted) || undefined}
            title={line.task !== undefined ? props.taskName?.(line.task) : undefined}
            onPointerEnter={line.task !== undefined && hl ? () => hl.set(line.task) : undefined}
            onPointerLeave={line.task !== undefined && hl ? () => hl.set(undefined) : undefined}
          >
            {showTimes && <span className="pg-stamp">{formatStamp(line.t)}</span>}
            {line.stream === 'stderr' && (
              <abbr className="pg-stream" title={strings.stderrLong}>
                {strings.stderr}
              </abbr>
            )}
            <LineText text={line.text} fileName={props.run?.fileName} hint={strings.goToLine} onGoToLine={props.onGoToLine} />
          </div>
        ))}
        {dropped > 0 && (
          <p className="pg-line-note pg-cut">
            ✂ {format(strings.outputCut, { count: new Intl.NumberFormat(props.lang).format(dropped) })}
          </p>
        )}
      </div>
      <div className={`pg-status${ended ? ` pg-status-${ended}` : ''}`} role="status" aria-live="polite">
        <p className="pg-status-line">
          {ended === 'stopped' ? '■ ' : ended === 'ok' ? '✓ ' : ended ? '✗ ' : ''}
          {status}
        </p>
        {message && <p className="pg-status-message">{message}</p>}
      </div>
    </section>
  );
}
