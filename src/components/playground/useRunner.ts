import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clock } from '../../runtime/client.ts';
import { getRuntime } from '../../runtime/page.ts';
import { appendOutput, emptyOutput, type OutputState } from '../../lib/playground/output.ts';
import { TimelineModel } from '../../lib/timeline/model.ts';
import type { RunView } from './OutputPanel.tsx';

/** The run's timeline: a mutable model, and its version when last rendered. */
export interface TimelineState {
  model: TimelineModel;
  version: number;
  /** Counts the runs of this playground: a new run starts a new timeline (cursor and all). */
  run: number;
}

/** The page has one Python runtime; one playground runs at a time. */
let owner: symbol | undefined;

export function useRunner() {
  const me = useRef(Symbol('playground')).current;
  const [output, setOutput] = useState<OutputState>(emptyOutput);
  const [view, setView] = useState<RunView>({ phase: 'idle' });
  const [timeline, setTimeline] = useState<TimelineState | undefined>();
  const runs = useRef(0);

  useEffect(() => {
    return getRuntime().onStatus((status) => {
      if (owner !== me) return;
      if (status === 'running') setView((v) => (v.phase === 'running' && v.loading ? { ...v, loading: false } : v));
    });
  }, [me]);

  const run = useCallback(
    async (code: string, clock: Clock, filename: string) => {
      if (owner && owner !== me) {
        setView({ phase: 'busy' });
        return;
      }
      if (owner === me) return;
      owner = me;
      const runtime = getRuntime();
      setOutput(emptyOutput());
      setView({ phase: 'running', loading: runtime.status !== 'ready' && runtime.status !== 'running', stopping: false });
      const model = new TimelineModel(clock);
      const runNumber = ++runs.current;
      setTimeline({ model, version: model.version, run: runNumber });
      // Batches arrive every ~30 ms; the timeline is drawn again at most once a frame.
      let frame = 0;
      const redraw = () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          setTimeline({ model, version: model.version, run: runNumber });
        });
      };
      try {
        const outcome = await runtime.run(code, { clock, filename }, {
          onOutput(chunks) {
            setOutput((o) => appendOutput(o, chunks));
          },
          onTaskEvents(events) {
            model.append(events);
            redraw();
          },
        });
        model.setDroppedByRunner(outcome.droppedEvents ?? 0);
        redraw();
        setView({
          phase: 'done',
          status: outcome.status,
          exitCode: outcome.exitCode,
          durationMs: outcome.durationMs,
          message: outcome.message,
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

  return { output, view, timeline, run, stop, running: view.phase === 'running' };
}
