import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunOutcome } from '../../src/runtime/protocol.ts';
import type { CheckRun } from '../../src/lib/exercises/driver.ts';

/** The batch runner: one CPython process runs every request through the playground runner. */
export const RUN_CHECKS = fileURLToPath(new URL('./run_checks.py', import.meta.url));

export interface BatchResult {
  output: string;
  outcome: RunOutcome;
}

/**
 * Runs `runs` one after another in one `python` process through the browser's runner (virtual
 * clock, helper files in a folder of their own, the interpreter restored after each run). Much
 * faster than a process per run; `timeoutMs` bounds the whole batch.
 */
export function runOnCPython(python: string, runs: CheckRun[], timeoutMs: number): Promise<BatchResult[]> {
  if (runs.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn(python, [RUN_CHECKS], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CPython batch of ${runs.length} check runs took longer than ${timeoutMs} ms (a runaway fixture?)`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean);
      if (code !== 0 || lines.length !== runs.length) {
        reject(new Error(`${python} ${RUN_CHECKS} exited with ${code} after ${lines.length} of ${runs.length} runs:\n${Buffer.concat(err).toString('utf8').slice(-2000)}`));
        return;
      }
      resolve(lines.map((line) => JSON.parse(line) as BatchResult));
    });
    child.stdin.end(JSON.stringify(runs));
  });
}

/** The same, split over `processes` interpreters (the machine's cores), results in order. */
export async function runOnCPythonInParallel(python: string, runs: CheckRun[], timeoutMs: number, processes = 2): Promise<BatchResult[]> {
  const shares = Array.from({ length: processes }, (_, share) => runs.filter((_, index) => index % processes === share));
  const results = await Promise.all(shares.map((share) => runOnCPython(python, share, timeoutMs)));
  return runs.map((_, index) => results[index % processes]![Math.floor(index / processes)]!);
}
