import path from 'node:path';
import { compareOutput } from '../../src/lib/examples/compare.ts';
import type { ExampleMeta } from '../../src/lib/examples/metadata.ts';

/** What one runtime made of one example. */
export interface RunOutcome {
  output: string;
  exitCode: number | undefined;
  timedOut: boolean;
  timeoutMs?: number;
}

/**
 * Either undefined (the example did what its `.out` says) or a message a person can act on:
 * which file, on which runtime, what went wrong, and the diff of expected against actual.
 */
export function judgeRun(
  id: string,
  runtimeLabel: string,
  meta: ExampleMeta,
  expected: string,
  outcome: RunOutcome,
): string | undefined {
  const name = path.basename(id, '.py');
  const comparison = compareOutput(expected, outcome.output, meta, {
    expected: `${name}.out (expected)`,
    actual: `${name}.py (printed)`,
  });
  const problems: string[] = [];
  if (outcome.timedOut) {
    problems.push(`did not finish within ${Number(((outcome.timeoutMs ?? 0) / 1000).toFixed(1))} s and was stopped`);
  } else if (outcome.exitCode !== meta.exitCode) {
    const why = outcome.exitCode === 1 ? ' (an uncaught exception)' : outcome.exitCode === undefined ? ' (killed by a signal)' : '';
    problems.push(`exited with status ${outcome.exitCode ?? 'none'}${why}, expected ${meta.exitCode}`);
  }
  if (!comparison.ok) problems.push('printed something other than its expected output');
  if (problems.length === 0) return undefined;

  const lines = [`examples/${id} on ${runtimeLabel}: ${problems.join('; ')}.`];
  if (!comparison.ok) {
    lines.push('', comparison.diff);
    if (meta.varies.length > 0) lines.push('', `(text matching ${meta.varies.map((v) => `/${v}/`).join(', ')} is masked as <varies>)`);
    if (meta.slack !== undefined) {
      lines.push('', `(times in seconds may be up to ${meta.slack} s later than recorded, or one rounding step earlier)`);
    }
    if (meta.order === 'any') lines.push('', '(lines compared in any order: both sides sorted)');
  } else if (outcome.output.trim() !== '') {
    lines.push('', 'Output:', outcome.output.trimEnd());
  }
  return lines.join('\n');
}
