/**
 * Records the output of predict exercises, as the page runs them (the runner, the virtual clock,
 * the exercise's file name), into their program.out; a `runs: local` program (threads, processes,
 * services) runs with plain python3 on the real clock instead, as a reader runs it:
 *
 *     node scripts/exercises/record.ts 11-synchronization/reentrant [more ids...]
 *
 * Read the result before committing it: the tests then hold every run to it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runMerged } from '../examples/process.ts';
import { findPythons } from '../examples/python.ts';
import { EXERCISES_DIR } from '../../src/lib/exercises/load.ts';
import { runOnCPython } from './cpython.ts';
import { shownOutput } from './fixtures.ts';

const ids = process.argv.slice(2);
const [python] = findPythons();
if (ids.length === 0 || !python) {
  console.error(ids.length === 0 ? 'usage: node scripts/exercises/record.ts <exercise id>...' : 'no Python 3.11+ found (set PYTHON)');
  process.exit(2);
}
for (const id of ids) {
  // Read directly, not through the loader: the output being recorded may not exist yet.
  const folder = path.join(EXERCISES_DIR, id);
  const { kind, file, runs } = parseYaml(readFileSync(path.join(folder, 'exercise.yaml'), 'utf8')) as { kind?: string; file?: string; runs?: string };
  if (kind !== 'predict' || !file) throw new Error(`${id}: not a predict exercise with a file name`);
  const program = readFileSync(path.join(folder, 'program.py'), 'utf8');
  if (runs === 'local') {
    // Threads, processes or services: the real clock, as a reader runs it, under its own name.
    const dir = mkdtempSync(path.join(tmpdir(), 'exercise-record-'));
    try {
      writeFileSync(path.join(dir, file), program);
      const result = await runMerged(python.command, [path.join(dir, file)], { cwd: dir, env: process.env, timeoutMs: 60_000 });
      writeFileSync(path.join(folder, 'program.out'), result.output);
      console.log(`${id} (plain python3, exit status ${result.exitCode}):\n${result.output}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    continue;
  }
  const [result] = await runOnCPython(python.command, [{ code: program, filename: file, files: {} }], 60_000);
  if (!result) throw new Error(`${id}: no result`);
  const text = shownOutput(result.output, result.outcome);
  writeFileSync(path.join(folder, 'program.out'), text);
  console.log(`${id} (${result.outcome.status}):\n${text}`);
}
