/**
 * The chapters' timeline figures are drawn from recorded runs (`name.timeline.jsonl` beside
 * `name.py`, written by `run_example.py --events`). Each must still be what the program produces:
 * on CPython through the runner CLI, and in Pyodide through the worker's Host and the page's own
 * reader of task events, so a figure can never disagree with its program, or the browser with
 * the command line. A program with stand-ins (`#: standins:`) runs through them on both, as in
 * the page; on CPython the asyncpg stand-in's database is the PostgreSQL of `#: services:`, which
 * it expects at 127.0.0.1:5432. Re-record one with, from its folder:
 *   python3 ../../src/runtime/python/run_example.py [--standins NAMES] --events name.timeline.jsonl name.py
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { helpersImportedBy } from '../../src/lib/examples/discover.ts';
import { EXAMPLES_DIR, timelinePathFor } from '../../src/lib/examples/files.ts';
import { parseExampleMeta, type ExampleMeta } from '../../src/lib/examples/metadata.ts';
import { parseTimeline } from '../../src/lib/timeline/stored.ts';
import type { TaskEvent } from '../../src/runtime/task-events.ts';
import { runOnCPython } from '../../scripts/examples/cpython.ts';
import { PyodideExampleRunner } from '../../scripts/examples/pyodide.ts';
import { findPython, RUNNER_CLI } from '../../scripts/examples/python.ts';
import { missingServices } from '../../scripts/examples/services.ts';
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
const metaOf = (program: string): ExampleMeta => parseExampleMeta(readFileSync(program, 'utf8'));

/**
 * A run's events instant by instant, each instant's events task by task (in the order they
 * happened). What may differ between Python builds is only the order in which tasks step at one
 * instant: asyncio keeps some tasks in a set (a TaskGroup cancels its tasks in the set's order,
 * which follows their addresses). Every task's events, their times and each instant's tasks must
 * match; a figure draws exactly that, a lane per task.
 */
function byInstant(events: TaskEvent[]): { t: number; tasks: [number, TaskEvent[]][] }[] {
  const instants: { t: number; tasks: Map<number, TaskEvent[]> }[] = [];
  for (const event of events) {
    let last = instants.at(-1);
    if (last?.t !== event.t) instants.push((last = { t: event.t, tasks: new Map() }));
    last.tasks.set(event.task, [...(last.tasks.get(event.task) ?? []), event]);
  }
  return instants.map(({ t, tasks }) => ({ t, tasks: [...tasks].sort(([a], [b]) => a - b) }));
}
const scratch = mkdtempSync(path.join(os.tmpdir(), 'timelines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('stored timelines', () => {
  test('there are some, and each sits beside a browser example on the virtual clock', () => {
    expect(timelines.length).toBeGreaterThan(0);
    for (const timeline of timelines) {
      const program = programOf(timeline);
      expect(existsSync(program), `${idOf(timeline)} has no program beside it`).toBe(true);
      expect(timelinePathFor(program)).toBe(timeline);
      const meta = metaOf(program);
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
      const { standins, services } = metaOf(program);
      const missing = await missingServices(services);
      if (missing.length > 0) skipOrFail(ctx, `${idOf(program)}: ${missing.join('; ')}`);
      const events = path.join(scratch, `${path.basename(program, '.py')}-${Math.random().toString(36).slice(2)}.jsonl`);
      const through = standins.length > 0 ? ['--standins', standins.join(',')] : [];
      const run = await runOnCPython(
        program,
        { args: [RUNNER_CLI, '--clock', 'virtual', '--events', events, ...through, path.basename(program)], description: 'runner, virtual clock' },
        python.python,
      );
      expect(run.exitCode, run.output).toBe(0);
      const stored = parseTimeline(readFileSync(timeline, 'utf8'), idOf(timeline));
      expect(byInstant(parseTimeline(readFileSync(events, 'utf8')))).toEqual(byInstant(stored));
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
      const program = programOf(timeline);
      const { standins } = metaOf(program);
      // The helper modules it imports from its folder and the stand-ins it declares, as the page passes them.
      const files = Object.fromEntries(
        helpersImportedBy(idOf(program)).map((id) => [path.basename(id), readFileSync(path.join(EXAMPLES_DIR, id), 'utf8')]),
      );
      const run = await runner.run(program, 'virtual', undefined, { files, ...(standins.length > 0 ? { standins } : {}) });
      expect(run.exitCode, run.output).toBe(0);
      expect(byInstant(run.events)).toEqual(byInstant(parseTimeline(readFileSync(timeline, 'utf8'), idOf(timeline))));
    });
  }
});
