import { structuredPatch } from 'diff';

/**
 * A unified diff (the format of `diff -u` and `git diff`) between two lists of lines, so a
 * failing example reads the way every developer already knows how to read. The `diff` package
 * finds the changes; this only writes them with our labels and no "No newline" noise.
 */
export interface DiffLabels {
  expected: string;
  actual: string;
}

/** Lines of `expected` marked `-`, lines of `actual` marked `+`, `context` unchanged lines around. */
export function unifiedDiff(
  expected: readonly string[],
  actual: readonly string[],
  labels: DiffLabels,
  context = 3,
): string {
  // Every line ends in a newline, so no hunk ever says "\ No newline at end of file".
  const text = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('');
  const { hunks } = structuredPatch(labels.expected, labels.actual, text(expected), text(actual), '', '', { context });
  if (hunks.length === 0) return '';
  const out = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  for (const hunk of hunks) {
    out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    out.push(...hunk.lines);
  }
  return out.join('\n');
}
