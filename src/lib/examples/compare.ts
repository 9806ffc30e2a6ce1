import { unifiedDiff, type DiffLabels } from './diff.ts';
import type { ExampleMeta } from './metadata.ts';

/**
 * Compares what a program printed with its recorded output.
 *
 * The comparison is exact, except for what the example itself declares:
 * - `#: varies: <regex>`: text matching the regex is masked in both outputs (so the expected
 *   output may hold any sample value there);
 * - `#: order: any`: lines are compared as a multiset (threads and processes interleave freely);
 * - `#: slack: 0.3 s`: a time printed in seconds ("took 0.4 s") may come out up to 0.3 s later
 *   than the recorded one, or one rounding step earlier (0.1 for "0.4"), when the rest of its
 *   line is the same. A loaded machine makes every wait end a little late, never early, so
 *   this keeps checking the value (0.4 s cannot pass as 2.0 s) where a mask would accept any.
 * Line endings are normalised to `\n` and a missing final newline is not a difference.
 */
export interface ComparisonRules {
  readonly varies: readonly string[];
  readonly order: ExampleMeta['order'];
  readonly slack?: ExampleMeta['slack'];
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

/** A time in seconds as examples print it: a decimal number followed by the unit " s". */
const SECONDS = /(?<![\w.])\d+\.\d+(?= s\b)/g;

/**
 * True when `actual` is `expected` with its times in seconds shifted by what `slack` allows:
 * the text around the times is identical, and each time is at most `slack` seconds later and
 * at most one step of its printed precision earlier.
 */
export function withinSlack(expected: string, actual: string, slack: number): boolean {
  const skeleton = (line: string) => line.replace(SECONDS, '#');
  if (skeleton(expected) !== skeleton(actual)) return false;
  const wanted = expected.match(SECONDS) ?? [];
  const got = actual.match(SECONDS) ?? [];
  if (wanted.length === 0) return false;
  const EPSILON = 1e-9; // 0.1 + 0.2 is not 0.3 in floating point
  return wanted.every((text, i) => {
    const step = 10 ** -(text.split('.')[1]?.length ?? 0);
    const want = Number(text);
    const value = Number(got[i]);
    return value >= want - step - EPSILON && value <= want + slack + EPSILON;
  });
}

export function compareOutput(
  expected: string,
  actual: string,
  rules: ComparisonRules,
  labels: DiffLabels = { expected: 'expected', actual: 'actual' },
): Comparison {
  const want = normalizeOutput(expected, rules);
  const got = normalizeOutput(actual, rules);
  const { slack } = rules;
  if (slack !== undefined && rules.order === 'exact') {
    // A line whose times are within the slack counts as the recorded line, so a diff shows
    // only what really differs.
    got.forEach((line, i) => {
      const recorded = want[i];
      if (recorded !== undefined && line !== recorded && withinSlack(recorded, line, slack)) got[i] = recorded;
    });
  }
  const ok = want.length === got.length && want.every((line, i) => line === got[i]);
  return { ok, diff: ok ? '' : unifiedDiff(want, got, labels) };
}
