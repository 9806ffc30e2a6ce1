/**
 * The chapters' timeline figures are drawn from recorded runs (`name.timeline.jsonl` beside
 * `name.py`, written by `run_example.py --events`). Each must still be what the program produces:
 * on CPython through the runner CLI, and in Pyodide through the worker's Host and the page's own
 * reader of task events, so a figure can never disagree with its program, or the browser with
 * the command line. Re-record one with, from its folder:
 *   python3 ../../src/runtime/python/run_example.py --events name.timeline.jsonl name.py
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES_DIR, timelinePathFor } from '../../src/lib/examples/files.ts';
import { parseExampleMeta } from '../../src/lib/examples/metadata.ts';
import { parseTimeline } from '../../src/lib/timeline/stored.ts';
import { runOnCPython } from '../../scripts/examples/cpython.ts';
import { PyodideExampleRunner } from '../../scripts/examples/pyodide.ts';
import { findPython, RUNNER_CLI } from '../../scripts/examples/python.ts';
import { skipOrFail } from '../../scripts/examples/tiers.ts';

const SUFFIX = '.timeline.jsonl';

function storedTimelines(dir: string = EXAMPLES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return storedTimelines(full);
    return entry.name.endsWith(SUFFIX) ? [full] : [];
  });
}

const timelines = storedTimelines().sort();
const programOf = (timeline: string) => timeline.slice(0, -SUFFIX.length) + '.py';
const idOf = (file: string) => path.relative(EXAMPLES_DIR, file).split(path.sep).join('/');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'timelines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('stored timelines', () => {
  test('there are some, and each sits beside a browser example on the virtual clock', () => {
    expect(timelines.length).toBeGreaterThan(0);
    for (const timeline of timelines) {
      const program = programOf(timeline);
      expect(existsSync(program), `${idOf(timeline)} has no program beside it`).toBe(true);
      expect(timelinePathFor(program)).toBe(timeline);
      const meta = parseExampleMeta(readFileSync(program, 'utf8'));
      expect([meta.runs, meta.clock], `${idOf(program)} must run in the browser on the virtual clock`).toEqual(['browser', 'virtual']);
    }
  });
});

describe('each stored timeline is what its program produces on CPython', () => {
  for (const timeline of timelines) {
    test(idOf(timeline), async (ctx) => {
      const python = findPython();
      if (!python.ok) skipOrFail(ctx, python.reason);
      const program = programOf(timeline);
      const events = path.join(scratch, `${path.basename(program, '.py')}-${Math.random().toString(36).slice(2)}.jsonl`);
      const run = await runOnCPython(
        program,
        { args: [RUNNER_CLI, '--clock', 'virtual', '--events', events, path.basename(program)], description: 'runner, virtual clock' },
        python.python,
      );
      expect(run.exitCode, run.output).toBe(0);
      expect(parseTimeline(readFileSync(events, 'utf8'))).toEqual(parseTimeline(readFileSync(timeline, 'utf8'), idOf(timeline)));
    });
  }
});

describe('each stored timeline is what the page reads from its run in Pyodide', () => {
  let runner: PyodideExampleRunner | undefined;
  let loadError: string | undefined;
  beforeAll(async () => {
    try {
      runner = await PyodideExampleRunner.create();
    } catch (error) {
      loadError = `Pyodide could not be loaded under Node: ${(error as Error).message}`;
    }
  });

  for (const timeline of timelines) {
    test(idOf(timeline), async (ctx) => {
      if (loadError !== undefined) skipOrFail(ctx, loadError);
      if (!runner) throw new Error('Pyodide runner was not created');
      const run = await runner.run(programOf(timeline), 'virtual');
      expect(run.exitCode, run.output).toBe(0);
      expect(run.events).toEqual(parseTimeline(readFileSync(timeline, 'utf8'), idOf(timeline)));
    });
  }
});
