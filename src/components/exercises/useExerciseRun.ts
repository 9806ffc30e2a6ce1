import { useCallback, useRef } from 'react';
import type { RunOptions, RunOutcome } from '../../runtime/client.ts';
import { getRuntime } from '../../runtime/page.ts';
import { claimRuntime, releaseRuntime } from '../playground/useRunner.ts';

/**
 * How long a check (or a prediction's run) may compute once Python has started it. Checks run
 * on the virtual clock, so waiting costs nothing: only a runaway (a loop that computes forever)
 * gets near this, and the page stops it, as Stop would.
 */
export const CHECK_BUDGET_MS = 15_000;

export type RunPhase = 'loading' | 'running';

export type ExerciseRunResult = { output: string; outcome: RunOutcome } | 'busy';

/**
 * Runs one program on the page's Python runtime for an exercise: taken exclusively (a playground
 * running elsewhere on the page makes it 'busy'), its output collected whole, stopped when it
 * outlives the budget.
 */
export function useExerciseRun() {
  const me = useRef(Symbol('exercise')).current;
  return useCallback(
    async (code: string, options: RunOptions, onPhase: (phase: RunPhase) => void): Promise<ExerciseRunResult> => {
      if (!claimRuntime(me)) return 'busy';
      const runtime = getRuntime();
      let output = '';
      let timer: ReturnType<typeof setTimeout> | undefined;
      const started = () => {
        if (timer !== undefined) return;
        onPhase('running');
        timer = setTimeout(() => void runtime.stop(), CHECK_BUDGET_MS);
      };
      onPhase(runtime.status === 'ready' ? 'running' : 'loading');
      const off = runtime.onStatus((status) => {
        if (status === 'running') started();
      });
      try {
        const outcome = await runtime.run(code, options, {
          onOutput(chunks) {
            for (const chunk of chunks) output += chunk.text;
          },
        });
        return { output, outcome };
      } finally {
        clearTimeout(timer);
        off();
        releaseRuntime(me);
      }
    },
    [me],
  );
}
