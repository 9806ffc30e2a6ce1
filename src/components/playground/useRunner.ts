import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clock, StandinName } from '../../runtime/client.ts';
import { getRuntime } from '../../runtime/page.ts';
import { appendOutput, emptyOutput, type OutputState } from '../../lib/playground/output.ts';
import type { RunView } from './OutputPanel.tsx';

/** The page has one Python runtime; one playground runs at a time. */
let owner: symbol | undefined;

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
      try {
        const outcome = await runtime.run(code, { clock, filename, ...extra }, {
          onOutput(chunks) {
            setOutput((o) => appendOutput(o, chunks));
          },
          onLoading({ phase, loadedBytes, totalBytes }) {
            setView((v) => (v.phase === 'running' ? { ...v, database: phase === 'ready' ? undefined : { phase, loadedBytes, totalBytes } } : v));
          },
        });
        setView({
          phase: 'done',
          status: outcome.status,
          exitCode: outcome.exitCode,
          durationMs: outcome.durationMs,
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

  return { output, view, lastRun, run, stop, running: view.phase === 'running' };
}
