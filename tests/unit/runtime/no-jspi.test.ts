/**
 * The whole path page -> client -> worker thread -> Pyodide, in a runtime without JSPI (as in
 * Safari): same output, and a busy interpreter that cannot hear Stop is terminated and replaced.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerRuntime } from '../../../src/runtime/client.ts';
import type { OutputChunk } from '../../../src/runtime/protocol.ts';
import { NodeThreadWorker } from './fake-worker.ts';

const runtime = new WorkerRuntime({ indexURL: 'unused/', jspi: false, createWorker: () => new NodeThreadWorker() });
afterAll(() => runtime.dispose());

async function run(code: string, clock: 'real' | 'virtual' = 'virtual') {
  const chunks: OutputChunk[] = [];
  const outcome = await runtime.run(code, { clock }, { onOutput: (c) => chunks.push(...c) });
  return { outcome, stdout: chunks.map((c) => c.text).join('') };
}

describe('without JSPI (worker thread, real client)', () => {
  it('runs asyncio.run(main()) with the same output on both clocks', async () => {
    await runtime.warmUp();
    const info = (runtime as WorkerRuntime).info;
    expect(info?.jspi).toBe(false);
    const code = `
import asyncio, time
async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, f"{time.perf_counter() - START:.1f}")
async def main():
    await asyncio.gather(job("b", 0.2), job("a", 0.1))
START = time.perf_counter()
if __name__ == "__main__":
    asyncio.run(main())
`;
    expect(await run(code, 'virtual')).toMatchObject({ stdout: 'a 0.1\nb 0.2\n', outcome: { status: 'ok' } });
    expect(await run(code, 'real')).toMatchObject({ stdout: 'a 0.1\nb 0.2\n', outcome: { status: 'ok' } });
  });

  it('a task awaiting a JavaScript promise: JavaScript cannot run until the program ends, and the run says so', async () => {
    const code = 'import asyncio\nfrom pyodide.code import run_js\nasync def main():\n    await run_js("new Promise((resolve) => setTimeout(resolve, 10))")\nasyncio.run(main())';
    const { outcome } = await run(code);
    expect(outcome.status).toBe('deadlock');
    expect(outcome.message).toMatch(/^The program cannot go on: a task awaits a JavaScript promise, and without JSPI .* Waiting: Task-1 \(line 4 in main\)\.$/);
    expect(outcome.message).not.toMatch(/never happen/);
  });

  // The 1 s goal is measured by `npm run bench`; here Stop must end the run, not hang.
  it('stops a runaway loop (hard stop), and the next run works', async () => {
    const running = runtime.run('while True:\n    pass', { clock: 'real' });
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    await runtime.stop();
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await running).status).toBe('stopped');
    expect(await run('print("fresh")')).toMatchObject({ stdout: 'fresh\n' });
  });
});
