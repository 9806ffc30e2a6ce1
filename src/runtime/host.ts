/**
 * The worker's side of the runtime, free of any Worker global so it also runs in-process under
 * Node (the unit tests): it loads Pyodide, installs the Python runner, answers requests and
 * streams a run's output and task events back.
 *
 * How a run can be stopped:
 * - the watchdog: Pyodide's periodic signal check (`setInterruptBuffer`) is given an object whose
 *   read raises SIGINT every TICK_MS of running; the runner's handler sends the pending output,
 *   and under JSPI suspends for a moment so this host can read its messages; if Stop came, the run
 *   ends from inside the interpreter;
 * - a wait (real clock) suspends on a promise that Stop resolves early;
 * - with shared memory (cross-origin isolated pages, Node), the page's stop flag is read directly;
 * - otherwise (a busy interpreter without JSPI) the page terminates the worker.
 */
import type { PyodideAPI } from 'pyodide';
import { PageDatabase, type PGliteLike } from './database.ts';
import type { InitRequest, PythonStart, Request, RunOutcome, RunRequest, WorkerInfo, WorkerMessage } from './protocol.ts';
import { installRunner, RUNNER_ROOT, startOptions, writeRunnerFiles, type FoundSnapshot, type StartOptions } from './snapshot.ts';

export interface HostEnvironment {
  /** The runner package's sources: `livepy/session.py` -> text (see python-files.ts). */
  files: Readonly<Record<string, string>>;
  /** Imports Pyodide's loader from `indexURL` and loads the interpreter. */
  loadPyodide(indexURL: string, options: StartOptions): Promise<PyodideAPI>;
  /**
   * The build's start-up snapshot for these runner files (snapshot.ts), once it is known whether
   * there is one: the browser's copy if it has one, else downloaded if it is worth it, given how
   * long `downloadMs` (the page's 'snapshot-choice') says it would take. Absent: Python always
   * starts from scratch.
   */
  findSnapshot?(indexURL: string, downloadMs: Promise<number | undefined>): Promise<FoundSnapshot | undefined>;
  post(message: WorkerMessage): void;
  /** Resolves after the event loop has had a chance to deliver pending messages. */
  yieldToEventLoop(): Promise<void>;
  /** The stand-ins' sources (`standins/aiohttp/__init__.py` -> text), fetched for the first run that declares one. */
  standinFiles?(): Promise<Readonly<Record<string, string>>>;
  /** PGlite with the page's database loaded (from `url` in the browser), reporting bytes as they arrive. */
  loadDatabase?(url: string | undefined, progress: (loadedBytes: number, totalBytes: number) => void): Promise<PGliteLike>;
}

/** How often a busy run sends its output and looks for Stop. */
export const TICK_MS = 30;
/** Pyodide calls the signal check often; read the clock on one call in this many. */
const CLOCK_EVERY_CALLS = 16;
const SIGINT = 2;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Makes Pyodide see a runtime without JSPI, as Safari and some Firefox builds are. */
export function hideJspi(): void {
  const wasm = WebAssembly as unknown as Record<string, unknown>;
  delete wasm['Suspending'];
  delete wasm['Suspender'];
}

export function jspiAvailable(): boolean {
  return 'Suspending' in WebAssembly || 'Suspender' in WebAssembly;
}

interface PythonReset {
  (): void;
}

interface PythonPrepareStandins {
  (names: string): void;
}

interface PythonRun {
  (code: string, filename: string, clock: string, host: object, files: string, record: boolean, standins: string): string;
  callPromising(code: string, filename: string, clock: string, host: object, files: string, record: boolean, standins: string): Promise<string>;
}

/**
 * Past this much WebAssembly memory after a run, the page replaces the interpreter: the memory
 * only grows (a `bytearray(2 * 10**9)` leaves 2 GB behind), and a fresh worker gives it back.
 * A fresh Pyodide with the runner uses about 40 MB; the book's programs stay far below this.
 */
export const RECYCLE_ABOVE_BYTES = 512 * 1024 * 1024;

/** What Python hands over for a memoryview (the task steps of a batch, see timeline.py). */
interface PyBuffer {
  toJs(): unknown;
  destroy(): void;
}

interface CurrentRun {
  id: number;
  stop: boolean;
  wake: (() => void) | undefined;
  /** Resolves when Stop comes (a run still waiting for its database ends at once). */
  stopped: Promise<void>;
  markStopped: () => void;
}

export class Host {
  readonly #env: HostEnvironment;
  #pyodide: PyodideAPI | undefined;
  #runPython: PythonRun | undefined;
  #resetPython: PythonReset | undefined;
  #importStandinsOnce: PythonPrepareStandins | undefined;
  /** Stand-ins already imported once in this interpreter (see livepy/browser.py prepare_standins). */
  readonly #preparedStandins = new Set<string>();
  #loading: Promise<void> | undefined;
  #jspi = false;
  #stopSignal: Int32Array | undefined;
  #current: CurrentRun | undefined;
  #queue: Promise<void> = Promise.resolve();
  #databaseURL: string | undefined;
  /** The stand-ins' files, written into the interpreter's file system once. */
  #standinsWritten: Promise<void> | undefined;
  /** PGlite, loaded by the first run that needs a database and kept for the next ones. */
  #database: Promise<PageDatabase> | undefined;
  /** How long the page expects the snapshot's download to take (a 'snapshot-choice' request). */
  readonly #snapshotDownloadMs = Promise.withResolvers<number | undefined>();

  constructor(env: HostEnvironment) {
    this.#env = env;
  }

  handle(request: Request): void {
    switch (request.type) {
      case 'init':
        void this.#init(request);
        return;
      case 'run':
        // One run at a time, in the order asked.
        this.#queue = this.#queue.then(() => this.#run(request)).catch((error: unknown) => {
          this.#env.post({ type: 'error', id: request.id, message: messageOf(error), fatal: true });
        });
        return;
      case 'stop':
        this.#stop(request.run);
        return;
      case 'snapshot-choice':
        this.#snapshotDownloadMs.resolve(request.downloadMs);
        return;
      case 'prepare-database':
        // Its failure is the run's to report, when the run asks for the database again.
        this.#loadDatabase(request.id).catch(() => undefined);
        return;
      case 'status':
        this.#env.post({
          type: 'status',
          id: request.id,
          status: this.#current ? 'running' : this.#runPython ? 'ready' : 'loading',
          ...(this.#current ? { run: this.#current.id } : {}),
        });
        return;
    }
  }

  async #init(request: InitRequest): Promise<void> {
    try {
      if (!this.#loading) {
        this.#loading = this.#load(request);
      }
      await this.#loading;
      const pyodide = this.#pyodide as PyodideAPI;
      const info: WorkerInfo = {
        pyodideVersion: pyodide.version,
        pythonVersion: String(pyodide.runPython('import sys; sys.version.split()[0]')),
        jspi: this.#jspi,
        sharedStop: this.#stopSignal !== undefined,
        loadMs: this.#loadMs,
        start: this.#start,
      };
      this.#env.post({ type: 'ready', id: request.id, info });
    } catch (error) {
      this.#env.post({ type: 'error', id: request.id, message: `Python could not start: ${messageOf(error)}`, fatal: true });
    }
  }

  #loadMs = 0;
  #start: PythonStart = 'fresh';

  async #load(request: InitRequest): Promise<void> {
    const started = performance.now();
    if (request.jspi === false) hideJspi();
    this.#stopSignal = request.stopSignal;
    this.#databaseURL = request.databaseURL;
    const pyodide = (await this.#restore(request.indexURL)) ?? (await this.#startFresh(request.indexURL));
    this.#jspi = jspiAvailable();
    this.#runPython = pyodide.runPython('from livepy.browser import run\nrun') as PythonRun;
    this.#resetPython = pyodide.runPython('from livepy.browser import reset\nreset') as PythonReset;
    this.#importStandinsOnce = pyodide.runPython('from livepy.browser import prepare_standins\nprepare_standins') as PythonPrepareStandins;
    this.#pyodide = pyodide;
    this.#loadMs = Math.round(performance.now() - started);
  }

  async #startFresh(indexURL: string): Promise<PyodideAPI> {
    const pyodide = await this.#env.loadPyodide(indexURL, startOptions());
    installRunner(pyodide, this.#env.files);
    this.#start = 'fresh';
    return pyodide;
  }

  /** The interpreter from the build's snapshot, or undefined (none, or it would not restore). */
  async #restore(indexURL: string): Promise<PyodideAPI | undefined> {
    const snapshot = await this.#env.findSnapshot?.(indexURL, this.#snapshotDownloadMs.promise);
    if (!snapshot) return undefined;
    try {
      const pyodide = await this.#env.loadPyodide(indexURL, { ...startOptions(), _loadSnapshot: snapshot.memory });
      writeRunnerFiles(pyodide, this.#env.files);
      pyodide.runPython('from livepy.browser import resume\nresume()');
      this.#start = 'snapshot';
      return pyodide;
    } catch {
      // Made by another build of Pyodide, or cut short: a fresh start is only slower.
      return undefined;
    }
  }

  #stop(runId: number): void {
    const current = this.#current;
    if (!current || current.id !== runId) return;
    current.stop = true;
    current.wake?.();
    current.markStopped();
  }

  /** What a run's stand-ins need before it starts: their files, and a database (loaded, seeded). */
  async #prepareStandins(
    request: RunRequest,
    pyodide: PyodideAPI,
    current: CurrentRun,
  ): Promise<{ database?: PageDatabase } | { outcome: RunOutcome }> {
    const { standins = [], seed } = request.options;
    const failed = (message: string) => ({ outcome: { status: 'error', exitCode: 1, message, droppedChars: 0, durationMs: 0 } as RunOutcome });
    if (standins.length === 0) return {};
    // PGlite downloads and starts while the stand-ins are written and imported (seconds, the
    // first time), not after; a failure is reported below, where the run waits for it.
    const loading = standins.includes('asyncpg') ? this.#loadDatabase(request.id) : undefined;
    loading?.catch(() => undefined);
    try {
      await this.#writeStandins(pyodide);
      const fresh = standins.filter((name) => !this.#preparedStandins.has(name));
      if (fresh.length > 0) {
        this.#importStandinsOnce?.(JSON.stringify(fresh));
        for (const name of fresh) this.#preparedStandins.add(name);
      }
    } catch (error) {
      return failed(`The stand-ins could not be loaded: ${messageOf(error)}`);
    }
    if (!loading) return {};
    let database: PageDatabase | void;
    try {
      // PGlite loads for the first run that needs it, beside Python (see 'prepare-database');
      // Stop ends the wait.
      database = await Promise.race([loading, current.stopped]);
    } catch (error) {
      return failed(`The database could not start in this page: ${messageOf(error)}`);
    }
    if (!database) return { outcome: { status: 'stopped', exitCode: 1, droppedChars: 0, durationMs: 0 } };
    const seedError = seed ? database.run(seed) : undefined;
    if (seedError !== undefined) {
      database.reset();
      return failed(`The example's database seed failed: ${seedError}`);
    }
    return { database };
  }

  /** The stand-in packages, in the interpreter's file system beside the runner (not on sys.path). */
  #writeStandins(pyodide: PyodideAPI): Promise<void> {
    if (!this.#standinsWritten) {
      const load = this.#env.standinFiles;
      if (!load) return Promise.reject(new Error('this host offers no stand-ins'));
      this.#standinsWritten = load().then((files) => {
        for (const [path, source] of Object.entries(files)) {
          const target = `${RUNNER_ROOT}/${path}`;
          pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
          pyodide.FS.writeFile(target, source);
        }
      });
      this.#standinsWritten.catch(() => (this.#standinsWritten = undefined));
    }
    return this.#standinsWritten;
  }

  /** The page's database, loading it (with progress for the run that waits) the first time. */
  #loadDatabase(runId: number): Promise<PageDatabase> {
    if (!this.#database) {
      const load = this.#env.loadDatabase;
      if (!load) return Promise.reject(new Error('this host offers no database'));
      const started = performance.now();
      const post = this.#env.post;
      let total = 0;
      this.#database = load(this.#databaseURL, (loadedBytes, totalBytes) => {
        total = totalBytes;
        post({ type: 'loading', id: runId, what: 'database', phase: loadedBytes < totalBytes ? 'download' : 'start', loadedBytes, totalBytes });
      }).then((pg) => {
        post({ type: 'loading', id: runId, what: 'database', phase: 'ready', loadedBytes: total, totalBytes: total, ms: Math.round(performance.now() - started) });
        return new PageDatabase(pg);
      });
      this.#database.catch(() => (this.#database = undefined));
    }
    return this.#database;
  }

  async #run(request: RunRequest): Promise<void> {
    const pyodide = this.#pyodide;
    const runPython = this.#runPython;
    if (!pyodide || !runPython) {
      this.#env.post({ type: 'error', id: request.id, message: 'Python is not loaded yet', fatal: false });
      return;
    }
    const { promise: stopped, resolve: markStopped } = Promise.withResolvers<void>();
    const current: CurrentRun = { id: request.id, stop: false, wake: undefined, stopped, markStopped };
    this.#current = current;
    const post = this.#env.post;
    const { code, options } = request;
    const prepared = await this.#prepareStandins(request, pyodide, current);
    if ('outcome' in prepared) {
      this.#current = undefined;
      post({ type: 'result', id: request.id, outcome: prepared.outcome });
      return;
    }
    const { database } = prepared;
    const stopSignal = this.#stopSignal;
    const checks: CheckCounter = { heap: () => heapOf(pyodide), index: undefined };
    const jsHost = {
      /** Where the runner wants the count of signal checks written (an int32 it owns). */
      countChecksAt: (address: number): void => {
        checks.index = address >> 2;
      },
      jspi: this.#jspi,
      sharedStop: stopSignal !== undefined,
      wait: (ms: number): Promise<void> =>
        new Promise((resolve) => {
          // Longer waits come back early and wait again (the runner checks the time left).
          const timer = setTimeout(done, Math.min(ms, MAX_TIMER_MS));
          function done() {
            clearTimeout(timer);
            current.wake = undefined;
            resolve();
          }
          current.wake = done;
          if (current.stop) done();
        }),
      yieldNow: (): Promise<void> => this.#env.yieldToEventLoop(),
      stopRequested: (): boolean => current.stop || (stopSignal !== undefined && Atomics.load(stopSignal, 0) === 1),
      send: (chunks: string, records: string, steps: PyBuffer | null | undefined): void => {
        if (chunks) post({ type: 'output', id: request.id, chunks: JSON.parse(chunks) });
        if (records) {
          // The steps array, copied out of Python's memory (toJs copies a buffer's contents).
          const stepArray = steps ? (steps.toJs() as Float64Array) : new Float64Array(0);
          steps?.destroy();
          post({ type: 'task-events', id: request.id, steps: stepArray, records: JSON.parse(records) });
        }
      },
      /** The asyncpg stand-in's engine (livepy/browser.py), for a run that declares it. */
      database: database && {
        exchange: (message: Uint8Array): Uint8Array => database.exchange(message),
        copyIn: (statement: string, payload: Uint8Array): Uint8Array => database.copyIn(statement, payload),
      },
    };
    pyodide.setInterruptBuffer(tickSource(checks) as unknown as Int32Array);
    const filename = options.filename ?? 'main.py';
    const files = JSON.stringify(options.files ?? {});
    const standins = JSON.stringify(options.standins ?? []);
    let ended = false;
    const record = options.record !== false;
    try {
      const result = this.#jspi
        ? await runPython.callPromising(code, filename, options.clock, jsHost, files, record, standins)
        : runPython(code, filename, options.clock, jsHost, files, record, standins);
      const outcome = JSON.parse(result) as RunOutcome;
      if (memoryBytes(pyodide) > RECYCLE_ABOVE_BYTES) outcome.recycle = true;
      post({ type: 'result', id: request.id, outcome });
      ended = true;
    } catch (error) {
      // The runner turns every ending of a program into an outcome; an error here means the
      // interpreter itself failed (Pyodide's fatal errors leave it unusable).
      post({ type: 'error', id: request.id, message: messageOf(error), fatal: true });
    } finally {
      // The counter the checks were written to belonged to the run, and is gone with it.
      checks.index = undefined;
      pyodide.setInterruptBuffer(undefined as unknown as Int32Array);
      this.#current = undefined;
    }
    // The next run starts from the snapshot's database; one that cannot be reset is replaced.
    if (database && !database.reset()) {
      this.#database = undefined;
      void database.close().catch(() => undefined);
    }
    if (!ended) return;
    // After the outcome is out: a run queued behind this one waits for it, the reader does not.
    try {
      this.#resetPython?.();
    } catch (error) {
      post({ type: 'error', id: request.id, message: `Python could not be reset: ${messageOf(error)}`, fatal: true });
    }
  }
}

/** Where the count of the interpreter's signal checks goes: an int32 in the interpreter's memory. */
interface CheckCounter {
  heap: () => Int32Array | undefined;
  index: number | undefined;
}

/**
 * What Pyodide reads as its "interrupt buffer": SIGINT once every TICK_MS, nothing otherwise.
 * Reading `[0]` happens inside the interpreter's periodic check (every few dozen loop iterations
 * or calls), so it must stay cheap. Each read is also counted into the runner's counter: the
 * virtual clock's measure of computing (livepy/clock.py, SECONDS_PER_CHECK).
 */
function tickSource(checks: CheckCounter): { 0: number } {
  let calls = 0;
  let next = performance.now() + TICK_MS;
  return {
    get 0(): number {
      ++calls;
      if (checks.index !== undefined) {
        const heap = checks.heap();
        if (heap) heap[checks.index] = calls;
      }
      if (calls % CLOCK_EVERY_CALLS !== 0) return 0;
      const now = performance.now();
      if (now < next) return 0;
      next = now + TICK_MS;
      return SIGINT;
    },
    set 0(_value: number) {
      // Pyodide clears the signal after reading it; there is nothing to clear.
    },
  };
}

/** The interpreter's memory as int32s (a fresh view: growing the memory replaces it). */
function heapOf(pyodide: PyodideAPI): Int32Array | undefined {
  return (pyodide as unknown as { _module?: { HEAP32?: Int32Array } })._module?.HEAP32;
}

/** The interpreter's WebAssembly memory, which only ever grows. */
function memoryBytes(pyodide: PyodideAPI): number {
  const module = (pyodide as unknown as { _module?: { HEAPU8?: Uint8Array } })._module;
  return module?.HEAPU8?.buffer.byteLength ?? 0;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n').filter(Boolean).slice(-1)[0] ?? error.message;
  return String(error);
}
