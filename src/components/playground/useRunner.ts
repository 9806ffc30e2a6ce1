import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clock, StandinName } from '../../runtime/client.ts';
import { getRuntime } from '../../runtime/page.ts';
import { appendOutput, emptyOutput, type OutputState } from '../../lib/playground/output.ts';
import { LiveTimeline } from '../../lib/timeline/live.ts';
import type { RunView } from './OutputPanel.tsx';

/** The page has one Python runtime; one playground (or exercise) runs at a time. */
let owner: symbol | undefined;

/** Takes the page's runtime for `who` (an exercise's Check); false while someone else runs. */
export function claimRuntime(who: symbol): boolean {
  if (owner && owner !== who) return false;
  owner = who;
  return true;
}

export function releaseRuntime(who: symbol): void {
  if (owner === who) owner = undefined;
}

/** What a run gets besides its code: the modules beside the program, the stand-ins it may use. */
export interface RunExtra {
  files?: Record<string, string>;
  standins?: StandinName[];
}

const NO_EXTRA: RunExtra = {};

export function useRunner() {
  const me = useRef(Symbol('playground')).current;
  const [output, setOutput] = useState<OutputState>(emptyOutput);
  const [view, setView] = useState<RunView>({ phase: 'idle' });
  // One per run: the timeline redraws itself as events arrive (see LiveTimeline).
  const [timeline, setTimeline] = useState<LiveTimeline | undefined>();
  /** What the latest run was given: its tracebacks name this file; its stamps use this clock. */
  const [lastRun, setLastRun] = useState<{ fileName: string; clock: Clock } | undefined>();

  useEffect(() => {
    return getRuntime().onStatus((status) => {
      if (owner !== me) return;
      if (status === 'running') setView((v) => (v.phase === 'running' && v.loading ? { ...v, loading: false } : v));
    });
  }, [me]);

  const run = useCallback(
    async (code: string, clock: Clock, filename: string, extra: RunExtra = NO_EXTRA) => {
      if (owner && owner !== me) {
        setView({ phase: 'busy' });
        return;
      }
      if (owner === me) return;
      owner = me;
      const runtime = getRuntime();
      setOutput(emptyOutput());
      setLastRun({ fileName: filename, clock });
      setView({ phase: 'running', loading: runtime.status !== 'ready' && runtime.status !== 'running', stopping: false });
      const live = new LiveTimeline(clock);
      setTimeline(live);
      try {
        const outcome = await runtime.run(code, { clock, filename, ...extra }, {
          onOutput(chunks) {
            setOutput((o) => appendOutput(o, chunks));
          },
          onTaskEvents(events) {
            live.append(events);
          },
          onLoading({ phase, loadedBytes, totalBytes }) {
            setView((v) => (v.phase === 'running' ? { ...v, database: phase === 'ready' ? undefined : { phase, loadedBytes, totalBytes } } : v));
          },
        });
        live.finish(outcome.droppedEvents ?? 0);
        setView({
          phase: 'done',
          status: outcome.status,
          exitCode: outcome.exitCode,
          durationMs: outcome.durationMs,
          clockMs: outcome.clockMs,
          message: outcome.message,
          explanation: outcome.explanation,
          droppedChars: outcome.droppedChars,
          clock,
        });
      } catch (error) {
        setView(
          runtime.status === 'crashed'
            ? { phase: 'crashed' }
            : { phase: 'failed', message: error instanceof Error ? error.message : String(error) },
        );
      } finally {
        owner = undefined;
      }
    },
    [me],
  );

  const stop = useCallback(() => {
    if (owner !== me) return;
    setView((v) => (v.phase === 'running' ? { ...v, stopping: true } : v));
    void getRuntime().stop();
  }, [me]);

  return { output, view, lastRun, timeline, run, stop, running: view.phase === 'running' };
}
