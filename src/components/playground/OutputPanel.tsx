import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Highlight } from '../../lib/timeline/highlight.ts';
import type { Clock, RunStatus } from '../../runtime/protocol.ts';
import { formatStamp, type OutputState } from '../../lib/playground/output.ts';
import { format, type PlaygroundStrings } from '../../lib/playground/string-keys.ts';

export type RunView =
  | { phase: 'idle' }
  | { phase: 'busy' }
  | { phase: 'running'; loading: boolean; stopping: boolean }
  | {
      phase: 'done';
      status: RunStatus;
      exitCode: number;
      durationMs: number;
      message?: string | undefined;
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
      return view.stopping ? strings.statusStopping : view.loading ? strings.statusLoading : strings.statusRunning;
    case 'failed':
      return format(strings.statusFailed, { message: view.message });
    case 'crashed':
      return strings.statusCrashed;
    case 'done': {
      // durationMs is wall-clock time; the clock note says which clock the program saw.
      const time = duration(view.durationMs, lang);
      const template = {
        ok: strings.statusOk,
        error: strings.statusError,
        stopped: strings.statusStopped,
        deadlock: strings.statusDeadlock,
      }[view.status];
      const clock = view.clock === 'virtual' ? strings.virtualTime : strings.realTime;
      return `${format(template, { code: view.exitCode, time })} ${clock}`;
    }
  }
}

const noSubscription = () => () => {};
const nothing = () => undefined;

/**
 * Output as it streams. Each line shows its time stamp and its stream as text (`out`/`err`), not
 * by colour alone. The log itself is not a live region (a chatty program would drown a screen
 * reader); the one-line status below it is, politely.
 */
export function OutputPanel(props: {
  id: string;
  strings: PlaygroundStrings;
  lang: string;
  output: OutputState;
  view: RunView;
  /** The task pointed at: its lines light up here, and a line pointed at lights up its lane. */
  highlight?: Highlight;
  /** Names a task, for a line's tooltip. */
  taskName?: (task: number) => string | undefined;
}) {
  const hl = props.highlight;
  const highlighted = useSyncExternalStore(hl?.subscribe ?? noSubscription, hl?.get ?? nothing, hl?.get ?? nothing);
  const { strings, output, view } = props;
  const logRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [output]);

  const dropped = output.droppedChars + (view.phase === 'done' ? view.droppedChars : 0);
  const status = statusText(view, strings, props.lang);
  const ended = view.phase === 'done' ? view.status : undefined;

  return (
    <section className="pg-output" aria-labelledby={`${props.id}-output-title`}>
      <h3 className="pg-output-title" id={`${props.id}-output-title`}>
        {strings.output}
      </h3>
      <div className="pg-log" ref={logRef} role="log" aria-live="off" tabIndex={0} aria-labelledby={`${props.id}-output-title`}>
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
            <span className="pg-stamp">{formatStamp(line.t)}</span>
            <abbr className="pg-stream" title={line.stream === 'stderr' ? strings.stderrLong : strings.stdoutLong}>
              {line.stream === 'stderr' ? strings.stderr : strings.stdout}
            </abbr>
            <span className="pg-text">{line.text}</span>
          </div>
        ))}
        {dropped > 0 && (
          <p className="pg-line-note pg-cut">
            ✂ {format(strings.outputCut, { count: new Intl.NumberFormat(props.lang).format(dropped) })}
          </p>
        )}
      </div>
      <p className={`pg-status${ended ? ` pg-status-${ended}` : ''}`} role="status" aria-live="polite">
        {ended === 'stopped' ? '■ ' : ended === 'ok' ? '✓ ' : ended ? '✗ ' : ''}
        {status}
      </p>
    </section>
  );
}
