import { describe, expect, it } from 'vitest';
import { databaseURL, pyodideIndexURL, WorkerRuntime, type RuntimeStatus } from '../../../src/runtime/client.ts';
import { isRequest, readWorkerMessage, type Request, type RunOutcome } from '../../../src/runtime/protocol.ts';
import { FakeWorker } from './fake-worker.ts';

const OK: RunOutcome = { status: 'ok', exitCode: 0, droppedChars: 0, durationMs: 5 };
const INFO = { pyodideVersion: '314.0.7', pythonVersion: '3.14.2', jspi: true, sharedStop: false, loadMs: 1, start: 'fresh' as const };

const STOP_GRACE_MS = 50;

/** A worker that loads at once, answers each run with `reply` and each stop with `onStop`. */
function scripted(
  reply: (request: Extract<Request, { type: 'run' }>, worker: FakeWorker) => void = (r, w) =>
    w.emit({ type: 'result', id: r.id, outcome: OK }),
  onStop: (request: Extract<Request, { type: 'stop' }>, worker: FakeWorker) => void = () => {},
) {
  const workers: FakeWorker[] = [];
  const runtime = new WorkerRuntime({
    indexURL: 'http://localhost/base/pyodide/',
    stopGraceMs: STOP_GRACE_MS,
    createWorker: () => {
      const worker = new FakeWorker((request, w) => {
        if (request.type === 'init') w.emit({ type: 'ready', id: request.id, info: INFO });
        if (request.type === 'run') reply(request, w);
        if (request.type === 'stop') onStop(request, w);
      });
      workers.push(worker);
      return worker;
    },
  });
  const statuses: RuntimeStatus[] = [];
  runtime.onStatus((s) => statuses.push(s));
  return { runtime, workers, statuses };
}

describe('runtime client', () => {
  it('starts idle, loads once however often it is warmed up, and reports what the worker said', async () => {
    const { runtime, workers, statuses } = scripted();
    expect(runtime.status).toBe('idle');
    await Promise.all([runtime.warmUp(), runtime.warmUp()]);
    await runtime.warmUp();
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received[0]).toMatchObject({ type: 'init', indexURL: 'http://localhost/base/pyodide/' });
    expect(statuses).toEqual(['loading', 'ready']);
    expect(runtime.info).toEqual(INFO);
  });

  it('runs: loads first if needed, streams output and task events of its own run only, then resolves', async () => {
    const { runtime, statuses } = scripted((request, w) => {
      w.emit({ type: 'output', id: request.id + 100, chunks: [{ stream: 'stdout', text: 'not mine\n', t: 0 }] });
      w.emit({ type: 'output', id: request.id, chunks: [{ stream: 'stdout', text: 'hi\n', t: 0 }] });
      w.emit({ type: 'task-events', id: request.id, steps: new Float64Array([1, 0, 0.002, 0]), records: [[1, 1, 0, 'Task-1', 'main', 0, 0]] });
      w.emit({ type: 'result', id: request.id, outcome: OK });
    });
    const output: string[] = [];
    const events: string[] = [];
    const outcome = await runtime.run('print("hi")', { clock: 'virtual' }, {
      onOutput: (chunks) => output.push(...chunks.map((c) => c.text)),
      onTaskEvents: (list) => events.push(...list.map((e) => e.kind)),
    });
    expect(outcome).toEqual(OK);
    expect(output).toEqual(['hi\n']);
    expect(events).toEqual(['created', 'step-start', 'step-end']);
    expect(statuses).toEqual(['loading', 'ready', 'running', 'ready']);
  });

  it('sends the code, the clock and main.py as the default file name', async () => {
    const { runtime, workers } = scripted();
    await runtime.run('x = 1', { clock: 'real' });
    await runtime.run('x = 2', { clock: 'virtual', filename: 'gather.py' });
    const runs = workers[0]?.received.filter((r) => r.type === 'run');
    expect(runs?.map((r) => r.type === 'run' && [r.code, r.options])).toEqual([
      ['x = 1', { clock: 'real', filename: 'main.py' }],
      ['x = 2', { clock: 'virtual', filename: 'gather.py' }],
    ]);
  });

  it('refuses a second run while one is in progress', async () => {
    const { runtime } = scripted(() => {});
    const first = runtime.run('while True: pass', { clock: 'real' });
    await expect(runtime.run('print(1)', { clock: 'real' })).rejects.toThrow(/already in progress/);
    await runtime.stop();
    await expect(first).resolves.toMatchObject({ status: 'stopped' });
  });

  it('stops cooperatively when the worker ends the run in time', async () => {
    const { runtime, workers, statuses } = scripted(
      () => {}, // runs until stopped
      (stop, w) => w.emit({ type: 'result', id: stop.run, outcome: { ...OK, status: 'stopped', exitCode: 1, durationMs: 100 } }),
    );
    const run = runtime.run('import time; time.sleep(10**9)', { clock: 'real' });
    await new Promise((r) => setTimeout(r, 5));
    await runtime.stop();
    await expect(run).resolves.toMatchObject({ status: 'stopped', durationMs: 100 });
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
    expect(statuses.slice(-3)).toEqual(['running', 'stopping', 'ready']);
  });

  it('terminates a worker that does not stop within the grace period, then loads a fresh one', async () => {
    const { runtime, workers } = scripted(() => {}); // a busy interpreter never answers
    const run = runtime.run('while True: pass', { clock: 'real' });
    await new Promise((r) => setTimeout(r, 5));
    const started = performance.now();
    await runtime.stop();
    // The grace period, then termination: not a wait for a run that never ends.
    expect(performance.now() - started).toBeLessThan(STOP_GRACE_MS + 2000);
    const outcome = await run;
    expect(outcome.status).toBe('stopped');
    expect(outcome.message).toBeUndefined();
    expect(outcome.durationMs).toBeGreaterThan(0);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2); // the fresh worker is loading already
    await runtime.warmUp();
    expect(runtime.status).toBe('ready');
  });

  it('replaces the worker after a program ran out of memory, so the memory is given back', async () => {
    const outOfMemory: RunOutcome = { status: 'error', exitCode: 1, message: 'The program ran out of memory (MemoryError).', droppedChars: 0, durationMs: 9, outOfMemory: true };
    const { runtime, workers } = scripted((request, w) =>
      w.emit({ type: 'result', id: request.id, outcome: workers.length === 1 ? outOfMemory : OK }),
    );
    await expect(runtime.run('chunks = [bytearray(2**28) for _ in range(99)]', { clock: 'virtual' })).resolves.toEqual(outOfMemory);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2); // the fresh worker is loading already
    await expect(runtime.run('print(1)', { clock: 'virtual' })).resolves.toEqual(OK);
    expect(workers[1]?.terminated).toBe(false);
  });

  it('ignores what a terminated worker sends late', async () => {
    let first = true;
    const { runtime, workers } = scripted((request, w) => {
      if (first) {
        first = false;
        return;
      }
      w.emit({ type: 'result', id: request.id, outcome: OK });
    });
    const stopped = runtime.run('while True: pass', { clock: 'real' });
    await new Promise((r) => setTimeout(r, 5));
    await runtime.stop();
    await stopped;
    const late: string[] = [];
    const next = runtime.run('print(1)', { clock: 'real' }, { onOutput: (c) => late.push(...c.map((x) => x.text)) });
    workers[0]?.onmessage?.({ data: { type: 'output', id: 1, chunks: [{ stream: 'stdout', text: 'late', t: 0 }] } } as MessageEvent);
    await expect(next).resolves.toEqual(OK);
    expect(late).toEqual([]);
  });

  it('stopping before the worker has loaded cancels the run without terminating anything', async () => {
    const runtime = new WorkerRuntime({ indexURL: 'x/', createWorker: () => new FakeWorker() });
    const run = runtime.run('print(1)', { clock: 'real' });
    await runtime.stop();
    await expect(run).resolves.toMatchObject({ status: 'stopped' });
  });

  it('a crash during a run ends it with a message, and the next run gets a fresh worker', async () => {
    let crash = true;
    const { runtime, workers } = scripted((request, w) => {
      if (crash) {
        crash = false;
        w.fail('RangeError: Maximum call stack size exceeded');
        return;
      }
      w.emit({ type: 'result', id: request.id, outcome: OK });
    });
    const outcome = await runtime.run('def f(): f()\nf()', { clock: 'real' });
    expect(outcome).toMatchObject({ status: 'error', exitCode: 1 });
    expect(outcome.message).toMatch(/Maximum call stack size exceeded.*fresh interpreter/);
    expect(runtime.status).toBe('crashed');
    await expect(runtime.run('print(1)', { clock: 'real' })).resolves.toEqual(OK);
    expect(workers).toHaveLength(2);
  });

  it('a fatal error message from the worker counts as a crash', async () => {
    let fatal = true;
    const { runtime } = scripted((request, w) => {
      if (fatal) {
        fatal = false;
        w.emit({ type: 'error', id: request.id, message: 'Pyodide has suffered a fatal error', fatal: true });
        return;
      }
      w.emit({ type: 'result', id: request.id, outcome: OK });
    });
    await expect(runtime.run('x', { clock: 'real' })).resolves.toMatchObject({ status: 'error' });
    await expect(runtime.run('x', { clock: 'real' })).resolves.toEqual(OK);
  });

  it('when Python cannot load, warmUp and run fail with the reason and the status is crashed', async () => {
    const runtime = new WorkerRuntime({
      indexURL: 'x/',
      createWorker: () =>
        new FakeWorker((request, w) => {
          if (request.type === 'init') w.emit({ type: 'error', id: request.id, message: 'Python could not start: 404', fatal: true });
        }),
    });
    await expect(runtime.warmUp()).rejects.toThrow('Python could not start: 404');
    expect(runtime.status).toBe('crashed');
    await expect(runtime.run('x', { clock: 'real' })).rejects.toThrow('404');
  });

  it('can force the no-JSPI path through init', async () => {
    const workers: FakeWorker[] = [];
    const runtime = new WorkerRuntime({
      indexURL: 'x/',
      jspi: false,
      createWorker: () => {
        const w = new FakeWorker((r, self) => r.type === 'init' && self.emit({ type: 'ready', id: r.id, info: INFO }));
        workers.push(w);
        return w;
      },
    });
    await runtime.warmUp();
    expect(workers[0]?.received[0]).toMatchObject({ type: 'init', jspi: false });
  });

  it('tells each new worker how long the start-up snapshot would take to download, as the page measured', async () => {
    const workers: FakeWorker[] = [];
    const answers = [5000, undefined];
    const runtime = new WorkerRuntime({
      indexURL: 'x/',
      stopGraceMs: STOP_GRACE_MS,
      snapshotDownloadMs: () => Promise.resolve(answers.shift()),
      createWorker: () => {
        // Ready only once the choice came, as a worker without the snapshot in its cache is.
        const w = new FakeWorker((r, self) => r.type === 'snapshot-choice' && self.emit({ type: 'ready', id: r.id, info: INFO }));
        workers.push(w);
        return w;
      },
    });
    await runtime.warmUp();
    expect(workers[0]?.received.map((r) => r.type)).toEqual(['init', 'snapshot-choice']);
    expect(workers[0]?.received[1]).toEqual({ type: 'snapshot-choice', id: workers[0]?.received[0]?.id, downloadMs: 5000 });
    // A run that will not stop ends its worker; the next worker is told again.
    const running = runtime.run('while True: pass', { clock: 'real' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await runtime.stop();
    await running;
    await runtime.warmUp();
    expect(workers).toHaveLength(2);
    expect(workers[1]?.received[1]).toEqual({ type: 'snapshot-choice', id: workers[1]?.received[0]?.id });
  });

  it('a page that measured nothing tells the worker the download time is unknown', async () => {
    const { runtime, workers } = scripted();
    await runtime.warmUp();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(workers[0]?.received[1]).toEqual({ type: 'snapshot-choice', id: workers[0]?.received[0]?.id });
  });

  it('unsubscribes status listeners', async () => {
    const { runtime } = scripted();
    const seen: RuntimeStatus[] = [];
    const off = runtime.onStatus((s) => seen.push(s));
    off();
    await runtime.warmUp();
    expect(seen).toEqual([]);
  });
});

describe('the page trusts nothing that comes from the worker', () => {
  it('a message of the wrong shape is dropped: the run goes on and ends normally', async () => {
    const { runtime } = scripted((request, w) => {
      w.emit({ type: 'output', id: request.id, chunks: 5 });
      w.emit({ type: 'output', id: request.id, chunks: [{ stream: 'stdout', text: 'real\n', t: 1 }] });
      w.emit({ type: 'result', id: request.id, outcome: { status: 'ok' } });
      setTimeout(() => w.emit({ type: 'result', id: request.id, outcome: OK }), 5);
    });
    const output: string[] = [];
    const outcome = await runtime.run('print("real")', { clock: 'virtual' }, { onOutput: (c) => output.push(...c.map((x) => x.text)) });
    expect(outcome).toEqual(OK);
    expect(output).toEqual(['real\n']);
  });

  it('what a program posts on the worker\'s global channel never reaches the page', async () => {
    let worker: FakeWorker | undefined;
    const { runtime } = scripted((request, w) => {
      worker = w;
      w.emitOnGlobal({ type: 'result', id: request.id, outcome: OK });
      w.emitOnGlobal({ type: 'output', id: request.id, chunks: [{ stream: 'stdout', text: 'forged\n', t: 0 }] });
    });
    const output: string[] = [];
    const run = runtime.run('...', { clock: 'virtual' }, { onOutput: (c) => output.push(...c.map((x) => x.text)) });
    await new Promise((r) => setTimeout(r, 20));
    expect(runtime.status).toBe('running'); // a forged result did not end it
    expect(output).toEqual([]);
    expect(worker?.received.some((r) => r.type === 'run')).toBe(true);
    await runtime.stop();
    await run;
  });

  it('a run that reports it left the interpreter unfit (memory, audit hook) gets a fresh worker after it', async () => {
    const { runtime, workers } = scripted((r, w) => w.emit({ type: 'result', id: r.id, outcome: { ...OK, recycle: true } }));
    await runtime.run('bytearray(2 * 10**9)', { clock: 'virtual' });
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });
});

describe('pyodideIndexURL', () => {
  it('serves Pyodide from the site itself, under its base path', () => {
    expect(pyodideIndexURL('/', 'http://127.0.0.1:4321/ch/02/')).toBe('http://127.0.0.1:4321/pyodide/');
    expect(pyodideIndexURL('/asyncio-live/', 'https://example.github.io/asyncio-live/x/')).toBe(
      'https://example.github.io/asyncio-live/pyodide/',
    );
    expect(pyodideIndexURL('/asyncio-live', 'https://example.github.io/')).toBe('https://example.github.io/asyncio-live/pyodide/');
  });
});

describe('databaseURL', () => {
  it('serves PGlite from the site itself, under its base path', () => {
    expect(databaseURL('/', 'http://127.0.0.1:4321/ch/05/')).toBe('http://127.0.0.1:4321/pglite/');
    expect(databaseURL('/asyncio-study/', 'https://example.github.io/asyncio-study/x/')).toBe(
      'https://example.github.io/asyncio-study/pglite/',
    );
  });
});

describe('protocol guards', () => {
  it('keep the stand-ins a run imported, and only known ones', () => {
    const outcome = { ...OK, standins: ['aiohttp', 'asyncpg'] };
    expect(readWorkerMessage({ type: 'result', id: 1, outcome })).toEqual({ type: 'result', id: 1, outcome });
    expect(readWorkerMessage({ type: 'result', id: 1, outcome: { ...OK, standins: ['requests'] } })).toBeUndefined();
    expect(readWorkerMessage({ type: 'result', id: 1, outcome: { ...OK, standins: 'aiohttp' } })).toBeUndefined();
  });

  it("read the database's loading progress, and drop a malformed one", () => {
    const loading = { type: 'loading', id: 4, what: 'database', phase: 'download', loadedBytes: 10, totalBytes: 100 };
    expect(readWorkerMessage({ ...loading, extra: 1 })).toEqual(loading);
    expect(readWorkerMessage({ ...loading, phase: 'ready', ms: 812 })).toEqual({ ...loading, phase: 'ready', ms: 812 });
    expect(readWorkerMessage({ ...loading, what: 'network' })).toBeUndefined();
    expect(readWorkerMessage({ ...loading, loadedBytes: '10' })).toBeUndefined();
    expect(readWorkerMessage({ ...loading, phase: 'ready', ms: 'soon' })).toBeUndefined();
  });

  it("pass a run's loading progress to its handler only, with the stand-ins it declared", async () => {
    const { runtime, workers } = scripted((request, w) => {
      w.emit({ type: 'loading', id: request.id + 100, what: 'database', phase: 'download', loadedBytes: 1, totalBytes: 2 });
      w.emit({ type: 'loading', id: request.id, what: 'database', phase: 'start', loadedBytes: 2, totalBytes: 2 });
      w.emit({ type: 'result', id: request.id, outcome: { ...OK, standins: ['asyncpg'] } });
    });
    const seen: string[] = [];
    const outcome = await runtime.run('x', { clock: 'virtual', standins: ['asyncpg'] }, { onLoading: (m) => seen.push(m.phase) });
    expect(workers[0]?.received.find((r) => r.type === 'run')).toMatchObject({ options: { standins: ['asyncpg'] } });
    expect(outcome.standins).toEqual(['asyncpg']);
    expect(seen).toEqual(['start']);
  });

  it('ask the worker to start loading the database beside Python for a database run pressed while Python loads, and only then', async () => {
    const { runtime, workers } = scripted();
    await runtime.run('x', { clock: 'virtual', standins: ['asyncpg'] });
    // The requests about runs (the snapshot's choice travels beside them, in its own time).
    const requests = (worker: FakeWorker | undefined) => (worker?.received ?? []).filter((r) => r.type !== 'snapshot-choice');
    const first = requests(workers[0]).map((r) => r.type);
    // Before the run, right after init: the worker downloads PGlite while Pyodide loads.
    expect(first).toEqual(['init', 'prepare-database', 'run']);
    const [, prepare, run] = requests(workers[0]);
    expect(prepare?.id).toBe(run?.id);
    // Python ready: the run itself loads the database, as before; a plain run never asks.
    await runtime.run('x', { clock: 'virtual', standins: ['asyncpg'] });
    expect(requests(workers[0]).map((r) => r.type)).toEqual([...first, 'run']);
    const plain = scripted();
    await plain.runtime.run('x', { clock: 'virtual', standins: ['aiohttp'] });
    expect(requests(plain.workers[0]).map((r) => r.type)).toEqual(['init', 'run']);
    expect(isRequest({ type: 'prepare-database', id: 3 })).toBe(true);
  });

  it('accept the messages of the protocol, as fresh copies, and nothing else', () => {
    const result = { type: 'result', id: 1, outcome: { ...OK, extra: '<script>' }, also: 1 };
    expect(readWorkerMessage(result)).toEqual({ type: 'result', id: 1, outcome: OK });
    expect(readWorkerMessage({ type: 'result' })).toBeUndefined();
    expect(readWorkerMessage({ type: 'hello', id: 1 })).toBeUndefined();
    expect(readWorkerMessage(null)).toBeUndefined();
    // The reproducer that once unmounted a playground: chunks that are not a list.
    expect(readWorkerMessage({ type: 'output', id: 3, chunks: 5 })).toBeUndefined();
    expect(readWorkerMessage({ type: 'output', id: 3, chunks: [{ stream: 'stdin', text: 'x', t: 0 }] })).toBeUndefined();
    expect(readWorkerMessage({ type: 'output', id: 3, chunks: [{ stream: 'stdout', text: 'x', t: Infinity }] })).toBeUndefined();
    const noSteps = new Float64Array(0);
    expect(readWorkerMessage({ type: 'task-events', id: 3, steps: noSteps, records: [[2, 1, 0, 'boom', null, 0]] })).toBeUndefined();
    expect(readWorkerMessage({ type: 'task-events', id: 3, steps: new Float64Array([1, 0.5, 0.2, 0]), records: [] })).toBeUndefined();
    expect(readWorkerMessage({ type: 'task-events', id: 3, steps: [1, 0, 0, 0], records: [] })).toBeUndefined();
    expect(readWorkerMessage({ type: 'task-events', id: 3, steps: noSteps, records: [[9, 1, 0]] })).toBeUndefined();
    expect(readWorkerMessage({ type: 'output', id: 3, chunks: [{ stream: 'stdout', text: 'x', t: 0, task: 'me' }] })).toBeUndefined();
    // The timeline's fields: who printed a chunk, who created a task, how many events were dropped.
    expect(readWorkerMessage({ type: 'output', id: 3, chunks: [{ stream: 'stdout', text: 'x', t: 0, task: 2, by: 'me' }] })).toEqual({
      type: 'output',
      id: 3,
      chunks: [{ stream: 'stdout', text: 'x', t: 0, task: 2 }],
    });
    const created = [1, 2, 0, 'a', 'worker', 1, 0];
    expect(readWorkerMessage({ type: 'task-events', id: 3, steps: noSteps, records: [created] })).toEqual({ type: 'task-events', id: 3, steps: noSteps, records: [created] });
    expect(readWorkerMessage({ type: 'task-events', id: 3, steps: noSteps, records: [[1, 2, 0, 'a', 'worker', 'main', 0]] })).toBeUndefined();
    expect(readWorkerMessage({ type: 'result', id: 1, outcome: { ...OK, droppedEvents: 120_000 } })).toEqual({ type: 'result', id: 1, outcome: { ...OK, droppedEvents: 120_000 } });
    expect(readWorkerMessage({ type: 'result', id: 1, outcome: { ...OK, droppedEvents: -1 } })).toBeUndefined();
    expect(readWorkerMessage({ type: 'result', id: 1, outcome: { ...OK, status: 'finished' } })).toBeUndefined();
    expect(readWorkerMessage({ type: 'error', id: 1, message: 'x' })).toBeUndefined();
    expect(isRequest({ type: 'run', id: 2, code: '', options: { clock: 'real' } })).toBe(true);
    expect(isRequest({ type: 'run' })).toBe(false);
    expect(isRequest('run')).toBe(false);
  });
});
