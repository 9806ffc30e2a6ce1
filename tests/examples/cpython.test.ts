/**
 * Every example on real CPython, as a reader would run it: browser examples through the runner
 * CLI (the browser's code path), local examples with plain `python3 name.py`.
 *
 * Virtual-clock examples run concurrently (they finish in milliseconds and cannot be slowed
 * into a different output). Real-clock examples run one at a time: what they print (who
 * finished first, whether processes beat threads) depends on having the CPU they expect.
 */
import { readFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import { discoverExamples, type ExampleProgram } from '../../src/lib/examples/discover.ts';
import { parseExampleMeta } from '../../src/lib/examples/metadata.ts';
import { findPython } from '../../scripts/examples/python.ts';
import { skipOrFail, type SkipContext } from '../../scripts/examples/tiers.ts';
import { loadExample, verifyOnCPython } from '../../scripts/examples/verify.ts';

const { programs } = discoverExamples();
const lookup = findPython();

function onRealClock(program: ExampleProgram): boolean {
  try {
    return parseExampleMeta(readFileSync(program.file, 'utf8')).clock === 'real';
  } catch {
    return false; // A broken header fails in loadExample with a readable message.
  }
}

async function proveOnCPython(program: ExampleProgram, ctx: SkipContext): Promise<void> {
  if (!lookup.ok) skipOrFail(ctx, lookup.reason);
  const example = loadExample(program);
  if ('error' in example) throw new Error(example.error);
  const verdict = await verifyOnCPython(example, lookup.python);
  if (verdict.status === 'unavailable') skipOrFail(ctx, verdict.reason);
  if (verdict.status === 'fail') throw new Error(verdict.message);
}

describe.concurrent('virtual-clock examples on CPython', () => {
  for (const program of programs.filter((p) => !onRealClock(p))) {
    test(program.id, (ctx) => proveOnCPython(program, ctx));
  }
});

describe('real-clock examples on CPython, one at a time', () => {
  for (const program of programs.filter(onRealClock)) {
    test(program.id, (ctx) => proveOnCPython(program, ctx));
  }
});
