/**
 * Every example on real CPython, as a reader would run it: browser examples through the runner
 * CLI (the browser's code path), local examples with plain `python3 name.py`.
 *
 * Each example runs on the first interpreter found (see scripts/examples/python.ts) that
 * satisfies its PEP 723 `requires-python` and imports its `dependencies`; the tier prints which
 * interpreter ran how many examples. A browser example for a newer Python than any found here
 * (a 3.13 feature, say, where CI's CPython is 3.11) is proven by the Pyodide tier alone.
 *
 * Virtual-clock examples run concurrently (they finish in milliseconds and cannot be slowed
 * into a different output). Real-clock examples run one at a time: what they print (who
 * finished first, whether processes beat threads) depends on having the CPU they expect.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, test } from 'vitest';
import { discoverExamples, type ExampleProgram } from '../../src/lib/examples/discover.ts';
import { parseExampleMeta, runsForRealOnCPython, type ExampleMeta } from '../../src/lib/examples/metadata.ts';
import { findPythons, satisfiesRequiresPython } from '../../scripts/examples/python.ts';
import { skipOrFail, type SkipContext } from '../../scripts/examples/tiers.ts';
import { loadExample, verifyOnCPython } from '../../scripts/examples/verify.ts';

const { programs } = discoverExamples();
const pythons = findPythons();

function metaOf(program: ExampleProgram): ExampleMeta | undefined {
  try {
    return parseExampleMeta(readFileSync(program.file, 'utf8'));
  } catch {
    return undefined; // A broken header fails in loadExample with a readable message.
  }
}

/** Browser examples that no interpreter here is new enough for: Pyodide proves them alone. */
const pyodideOnly = new Set(
  programs
    .filter((program) => {
      const meta = metaOf(program);
      return (
        meta?.runs === 'browser' &&
        pythons.length > 0 &&
        !pythons.some((python) => satisfiesRequiresPython(python.version, meta.requiresPython))
      );
    })
    .map((program) => program.id),
);
const onCPython = programs.filter((program) => !pyodideOnly.has(program.id));

/** interpreter label -> examples it ran, for the report at the end. */
const used = new Map<string, number>();

async function proveOnCPython(program: ExampleProgram, ctx: SkipContext): Promise<void> {
  if (pythons.length === 0) skipOrFail(ctx, 'no Python 3.11+ interpreter found (set PYTHON to one)');
  const example = loadExample(program);
  if ('error' in example) throw new Error(example.error);
  const verdict = await verifyOnCPython(example, pythons);
  if (verdict.status === 'unavailable') skipOrFail(ctx, verdict.reason);
  if (verdict.status === 'not-applicable') throw new Error(`examples/${program.id}: ${verdict.reason}`);
  if (verdict.status === 'fail') throw new Error(verdict.message);
  if (verdict.interpreter) {
    const label = `${verdict.interpreter.command} (CPython ${verdict.interpreter.version})`;
    used.set(label, (used.get(label) ?? 0) + 1);
  }
}

afterAll(() => {
  const lines = [...used].map(([label, count]) => `  ${label}: ${count} example(s)`);
  if (pyodideOnly.size > 0) lines.push(`  Pyodide only (newer Python than any found here): ${[...pyodideOnly].join(', ')}`);
  console.log(`\nInterpreters that ran the examples on CPython:\n${lines.join('\n')}\n`);
});

/** Runs on the real clock here: local examples, real-clock ones, and those with stand-ins (for real). */
function realClockHere(program: ExampleProgram): boolean {
  const meta = metaOf(program);
  return meta !== undefined && (meta.clock === 'real' || runsForRealOnCPython(meta));
}

describe.concurrent('virtual-clock examples on CPython', () => {
  for (const program of onCPython.filter((p) => !realClockHere(p))) {
    test(program.id, (ctx) => proveOnCPython(program, ctx));
  }
});

describe('real-clock examples on CPython, one at a time', () => {
  for (const program of onCPython.filter(realClockHere)) {
    test(program.id, (ctx) => proveOnCPython(program, ctx));
  }
});
