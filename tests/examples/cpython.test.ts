/**
 * Every example on real CPython, as a reader would run it: browser examples through the runner
 * CLI (the browser's code path), local examples with plain `python3 name.py`.
 */
import { describe, test } from 'vitest';
import { discoverExamples } from '../../src/lib/examples/discover.ts';
import { findPython } from '../../scripts/examples/python.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';
import { loadExample, verifyOnCPython } from '../../scripts/examples/verify.ts';

const { programs } = discoverExamples();
const lookup = findPython();

describe.concurrent('examples on CPython', () => {
  for (const program of programs) {
    test(program.id, async (ctx) => {
      if (!lookup.ok) skipOrFail(ctx, lookup.reason);
      const example = loadExample(program);
      if ('error' in example) throw new Error(example.error);
      const verdict = await verifyOnCPython(example, lookup.python);
      if (verdict.status === 'unavailable') skipOrFail(ctx, verdict.reason);
      if (verdict.status === 'fail') throw new Error(verdict.message);
    });
  }
});
