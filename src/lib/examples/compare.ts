import { unifiedDiff, type DiffLabels } from './diff.ts';
import type { ExampleMeta } from './metadata.ts';

/**
 * Compares what a program printed with its recorded output.
 *
 * The comparison is exact, except for what the example itself declares:
 * - `#: varies: <regex>`: text matching the regex is masked in both outputs (so the expected
 *   output may hold any sample value there);
 * - `#: order: any`: lines are compared as a multiset (threads and processes interleave freely).
 * Line endings are normalised to `\n` and a missing final newline is not a difference.
 */
export interface ComparisonRules {
  readonly varies: readonly string[];
  readonly order: ExampleMeta['order'];
}

export interface Comparison {
  ok: boolean;
  /** Unified diff of the normalised outputs (empty when they match). */
  diff: string;
}

/** What replaces text matched by a `#: varies:` pattern. */
export const VARIES_MASK = '<varies>';

export function normalizeOutput(text: string, rules: ComparisonRules): string[] {
  let normalized = text.replace(/\r\n?/g, '\n');
  for (const pattern of rules.varies) {
    normalized = normalized.replace(new RegExp(pattern, 'g'), VARIES_MASK);
  }
  const lines = normalized.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return rules.order === 'any' ? [...lines].sort() : lines;
}

export function compareOutput(
  expected: string,
  actual: string,
  rules: ComparisonRules,
  labels: DiffLabels = { expected: 'expected', actual: 'actual' },
): Comparison {
  const want = normalizeOutput(expected, rules);
  const got = normalizeOutput(actual, rules);
  const ok = want.length === got.length && want.every((line, i) => line === got[i]);
  return { ok, diff: ok ? '' : unifiedDiff(want, got, labels) };
}
