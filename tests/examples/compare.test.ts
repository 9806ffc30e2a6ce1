/** The comparison rules an example can declare, and the diff a failure shows. */
import { describe, expect, test } from 'vitest';
import { compareOutput, normalizeOutput, VARIES_MASK, withinSlack } from '../../src/lib/examples/compare.ts';
import { unifiedDiff } from '../../src/lib/examples/diff.ts';

const exact = { varies: [], order: 'exact' } as const;

describe('compareOutput', () => {
  test('identical outputs match; any other character does not', () => {
    expect(compareOutput('a\nb\n', 'a\nb\n', exact).ok).toBe(true);
    expect(compareOutput('took 1.0 s\n', 'took 1.1 s\n', exact).ok).toBe(false);
    expect(compareOutput('a\n', 'a \n', exact).ok).toBe(false);
  });

  test('CRLF and a missing final newline are not differences', () => {
    expect(compareOutput('a\r\nb\r\n', 'a\nb', exact).ok).toBe(true);
  });

  test('#: varies masks matching text on both sides, and nothing else', () => {
    const rules = { varies: ['\\d+\\.\\d+ s'], order: 'exact' } as const;
    expect(compareOutput('took 1.02 s\n', 'took 0.98 s\n', rules).ok).toBe(true);
    expect(compareOutput('took 1.02 s\n', 'needed 0.98 s\n', rules).ok).toBe(false);
    expect(normalizeOutput('a 1.5 s, b 2.5 s', rules)).toEqual([`a ${VARIES_MASK}, b ${VARIES_MASK}`]);
  });

  test('#: order: any accepts any permutation of the same lines, not different lines', () => {
    const rules = { varies: [], order: 'any' } as const;
    expect(compareOutput('x done\ny done\n', 'y done\nx done\n', rules).ok).toBe(true);
    expect(compareOutput('x done\ny done\n', 'y done\ny done\n', rules).ok).toBe(false);
  });

  test('#: slack lets a time come out later by up to the slack, and one rounding step earlier', () => {
    const rules = { varies: [], order: 'exact', slack: 0.3 } as const;
    expect(compareOutput('took 0.4 s\n', 'took 0.4 s\n', rules).ok).toBe(true);
    expect(compareOutput('took 0.4 s\n', 'took 0.7 s\n', rules).ok).toBe(true);
    expect(compareOutput('took 0.4 s\n', 'took 0.3 s\n', rules).ok).toBe(true);
    // Beyond the slack, or earlier than rounding explains: a real difference.
    expect(compareOutput('took 0.4 s\n', 'took 0.8 s\n', rules).ok).toBe(false);
    expect(compareOutput('took 0.4 s\n', 'took 0.2 s\n', rules).ok).toBe(false);
    expect(compareOutput('took 2.0 s\n', 'took 0.4 s\n', rules).ok).toBe(false);
    // The step follows the printed precision: 0.25 may come out as 0.24, not as 0.2.
    expect(withinSlack('took 0.25 s', 'took 0.24 s', 0.1)).toBe(true);
    expect(withinSlack('took 0.25 s', 'took 0.20 s', 0.1)).toBe(false);
  });

  test('#: slack touches only times in seconds, on lines that are otherwise the same', () => {
    const rules = { varies: [], order: 'exact', slack: 0.3 } as const;
    expect(compareOutput('3 requests in 0.4 s\n', '4 requests in 0.4 s\n', rules).ok).toBe(false);
    expect(compareOutput('took 0.4 s\n', 'took 0.5 ms\n', rules).ok).toBe(false);
    expect(compareOutput('rate 0.4 per s\n', 'rate 0.5 per s\n', rules).ok).toBe(false);
    expect(compareOutput('a 0.1 s, b 0.4 s\n', 'a 0.2 s, b 0.6 s\n', rules).ok).toBe(true);
    expect(compareOutput('a 0.1 s, b 0.4 s\n', 'a 0.2 s, b 0.9 s\n', rules).ok).toBe(false);
  });

  test('#: slack keeps the diff to the lines that really differ', () => {
    const rules = { varies: [], order: 'exact', slack: 0.3 } as const;
    const { diff } = compareOutput('a 0.1 s\nb 0.2 s\n', 'a 0.3 s\nb 0.9 s\n', rules, { expected: 'x.out', actual: 'x.py' });
    expect(diff).toBe('--- x.out\n+++ x.py\n@@ -1,2 +1,2 @@\n a 0.1 s\n-b 0.2 s\n+b 0.9 s');
  });

  test('a mismatch carries a diff with both labels', () => {
    const { diff } = compareOutput('a\nb\n', 'a\nc\n', exact, { expected: 'x.out', actual: 'x.py' });
    expect(diff).toBe('--- x.out\n+++ x.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c');
  });
});

describe('unifiedDiff', () => {
  const labels = { expected: 'want', actual: 'got' };

  test('equal inputs give no diff', () => {
    expect(unifiedDiff(['a', 'b'], ['a', 'b'], labels)).toBe('');
  });

  test('distant changes become separate hunks with correct line numbers', () => {
    const want = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const got = [...want];
    got[1] = 'changed 2';
    got.splice(17, 1); // drop line 18
    const diff = unifiedDiff(want, got, labels, 1);
    expect(diff.split('\n')).toEqual([
      '--- want',
      '+++ got',
      '@@ -1,3 +1,3 @@',
      ' line 1',
      '-line 2',
      '+changed 2',
      ' line 3',
      '@@ -17,3 +17,2 @@',
      ' line 17',
      '-line 18',
      ' line 19',
    ]);
  });

  test('output that stopped early shows the missing lines as removed', () => {
    expect(unifiedDiff(['a', 'b', 'c'], ['a'], labels)).toBe('--- want\n+++ got\n@@ -1,3 +1,1 @@\n a\n-b\n-c');
  });
});
