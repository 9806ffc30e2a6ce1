/**
 * The page's side of the Python runtime: one module Web Worker hosting Pyodide, reached through
 * the typed messages of protocol.ts. Nothing here knows about Pyodide or about React.
 *
 * Stop is cooperative first (the worker's watchdog ends the run inside the interpreter) and the
 * worker's termination is the hard stop: when the run has not ended within a short grace period,
 * the worker is terminated, the run reported as stopped, and a fresh worker starts loading at once.
 * The reader's code lives in the page, so nothing of theirs is lost.
 */
import {
  readWorkerMessage,
  type Clock,
  type LoadingMessage,
  type OutputChunk,
  type Request,
  type RunOutcome,
  type StandinName,
  type TaskEvent,
  type WorkerInfo,
  type WorkerMessage,
} from './protocol.ts';
import { TaskEventReader } from './task-events.ts';

export type { Clock, LoadingMessage, OutputChunk, RunOutcome, StandinName, TaskEvent, WorkerInfo } from './protocol.ts';

export type RuntimeStatus = 'idle' | 'loading' | 'ready' | 'running' | 'stopping' | 'crashed';

export interface RunOptions {
  clock: Clock;
  /** The name tracebacks show for the program (`main.py` when absent). */
  filename?: string;
  /** Modules beside the program that it may import: file name -> source. */
  files?: Record<string, string>;
  /** Record task events for the timeline (default true). */
  record?: boolean;
  /** Stand-ins the program may import (aiohttp, asyncpg); asyncpg's database loads on first use. */
  standins?: StandinName[];
  /** SQL run on the fresh database before the program. */
  seed?: string;
}

export interface RunHandlers {
  onOutput?(chunks: OutputChunk[]): void;
  onTaskEvents?(events: TaskEvent[]): void;
  /** The run's database is loading (its first run in this worker). */
  onLoading?(message: LoadingMessage): void;
}

export interface PythonRuntime {
  readonly status: RuntimeStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: RuntimeStatus) => void): () => void;
  /** Starts the worker and loads Pyodide (idempotent). */
  warmUp(): Promise<void>;
  run(code: string, options: RunOptions, handlers?: RunHandlers): Promise<RunOutcome>;
  /** Resolves once the run has ended (within about a second). */
  stop(): Promise<void>;
}

/**
 * What the client needs of a Worker (a real one in the browser, a fake one in unit tests). The
 * client posts one message on it (`init`, carrying the port every other message travels on) and
 * never listens to its global channel, which the program running inside can post on.
 */
export interface WorkerLike {
  postMessage(message: Request, transfer: Transferable[]): void;
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RuntimeOptions {
  createWorker: () => WorkerLike;
  /** Absolute URL of the folder holding Pyodide's core files, ending in `/`. */
  indexURL: string;
  /** Absolute URL of the folder holding PGlite's files, ending in `/` (for database examples). */
  databaseURL?: string;
  /** `false` makes the worker run as in a browser without JSPI (tests, the dev page). */
  jspi?: boolean;
  /** How long a cooperative stop may take before the worker is terminated. */
  stopGraceMs?: number;
  /** Share a stop flag with the worker when the page is cross-origin isolated. */
  sharedStop?: boolean;
  /**
   * How long the start-up snapshot should take to download, in ms (the page measures the network:
   * components/snapshot-choice.ts); the worker weighs it against its CPU when the browser does not
   * have the snapshot. Asked at each spawn; default unknown.
   */
  snapshotDownloadMs?: () => Promise<number | undefined>;
  now?: () => number;
}

/** A cooperative stop normally lands in a few ms; past this the worker is terminated. */
export const DEFAULT_STOP_GRACE_MS = 300;

interface ActiveRun {
  id: number;
  handlers: RunHandlers;
  /** Reads the run's task records into events (it keeps the tasks' names between batches). */
  tasks: TaskEventReader;
  startedAt: number;
  resolve(outcome: RunOutcome): void;
  reject(error: Error): void;
  /** Resolves when the run has ended, however it ended. */
  ended: Promise<void>;
}

interface Loading {
  id: number;
  worker: WorkerLike;
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

export class WorkerRuntime implements PythonRuntime {
  readonly #options: Required<Omit<RuntimeOptions, 'jspi' | 'databaseURL'>> & { jspi: boolean | undefined; databaseURL: string | undefined };
  #status: RuntimeStatus = 'idle';
  readonly #listeners = new Set<(status: RuntimeStatus) => void>();
  #worker: WorkerLike | undefined;
  /** The page's end of the worker's private channel (see WorkerLike). */
  #port: MessagePort | undefined;
  #loading: Loading | undefined;
  #ready: Promise<void> | undefined;
  #run: ActiveRun | undefined;
  #stopSignal: Int32Array | undefined;
  #nextId = 1;
  #info: WorkerInfo | undefined;

  constructor(options: RuntimeOptions) {
    this.#options = {
      stopGraceMs: DEFAULT_STOP_GRACE_MS,
      sharedStop: true,
      snapshotDownloadMs: () => Promise.resolve(undefined),
      now: () => performance.now(),
      ...options,
      jspi: options.jspi,
      databaseURL: options.databaseURL,
    };
  }

  get status(): RuntimeStatus {
    return this.#status;
  }

  /** What the worker reported when it became ready (versions, JSPI, load time). */
  get info(): WorkerInfo | undefined {
    return this.#info;
  }

  onStatus(listener: (status: RuntimeStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  warmUp(): Promise<void> {
    if (!this.#ready) this.#ready = this.#spawn();
    return this.#ready;
  }

  async run(code: string, options: RunOptions, handlers: RunHandlers = {}): Promise<RunOutcome> {
    if (this.#run) throw new Error('a run is already in progress: stop it before starting another');
    const id = this.#nextId++;
    // Reserve the slot before awaiting the worker, so two quick clicks cannot start two runs.
    const { promise: result, resolve, reject } = Promise.withResolvers<RunOutcome>();
    const { promise: ended, resolve: markEnded } = Promise.withResolvers<void>();
    const run: ActiveRun = {
      id,
      handlers,
      tasks: new TaskEventReader(options.clock),
      startedAt: this.#options.now(),
      resolve: (outcome) => {
        this.#finish(run);
        markEnded();
        resolve(outcome);
      },
      reject: (error) => {
        this.#finish(run);
        markEnded();
        reject(error);
      },
      ended,
    };
    this.#run = run;
    const ready = this.warmUp();
    // A database run while Python still loads: PGlite downloads beside Pyodide, not after it.
    if (this.#loading && options.standins?.includes('asyncpg')) this.#post({ type: 'prepare-database', id });
    try {
      // A stop while loading ends the run without waiting for the worker.
      await Promise.race([ready, ended]);
    } catch (error) {
      run.reject(error instanceof Error ? error : new Error(String(error)));
      return result;
    }
    if (this.#run !== run) return result; // stopped while the worker was loading
    run.startedAt = this.#options.now();
    if (this.#stopSignal) Atomics.store(this.#stopSignal, 0, 0);
    this.#setStatus('running');
    this.#post({
      type: 'run',
      id,
      code,
      options: {
        clock: options.clock,
        filename: options.filename ?? 'main.py',
        ...(options.files ? { files: options.files } : {}),
        ...(options.record === false ? { record: false } : {}),
        ...(options.standins?.length ? { standins: options.standins } : {}),
        ...(options.seed ? { seed: options.seed } : {}),
      },
    });
    return result;
  }

  async stop(): Promise<void> {
    const run = this.#run;
    if (!run) return;
    if (this.#status !== 'running') {
      // Still loading: nothing runs yet, so the run simply never starts.
      run.resolve(this.#stoppedOutcome(run));
      return;
    }
    this.#setStatus('stopping');
    if (this.#stopSignal) Atomics.store(this.#stopSignal, 0, 1);
    this.#post({ type: 'stop', id: this.#nextId++, run: run.id });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const graceOver = new Promise<'late'>((res) => (timer = setTimeout(() => res('late'), this.#options.stopGraceMs)));
    const how = await Promise.race([run.ended.then(() => 'ended' as const), graceOver]);
    clearTimeout(timer);
    if (how === 'ended') return;
    // The interpreter is busy and cannot hear us: end the worker, then load a fresh one.
    run.resolve(this.#stoppedOutcome(run));
    this.#replaceWorker();
  }

  /** Ends the current worker and starts loading a fresh one, so the next Run finds it ready. */
  #replaceWorker(): void {
    this.#discardWorker();
    void this.warmUp().catch(() => undefined);
  }

  /** Ends the worker for good (tests; a page never needs this). */
  dispose(): void {
    this.#discardWorker();
    this.#run?.reject(new Error('the Python runtime was disposed'));
    this.#setStatus('idle');
  }

  #stoppedOutcome(run: ActiveRun): RunOutcome {
    const durationMs = this.#options.now() - run.startedAt;
    return { status: 'stopped', exitCode: 1, droppedChars: 0, durationMs };
  }

  #finish(run: ActiveRun): void {
    if (this.#run !== run) return;
    this.#run = undefined;
    if (this.#status === 'running' || this.#status === 'stopping') this.#setStatus('ready');
  }

  #spawn(): Promise<void> {
    this.#setStatus('loading');
    const worker = this.#options.createWorker();
    this.#worker = worker;
    const { promise, resolve, reject } = Promise.withResolvers<void>();
    const loading: Loading = { id: this.#nextId++, worker, promise, resolve, reject };
    this.#loading = loading;
    const channel = new MessageChannel();
    this.#port = channel.port1;
    channel.port1.onmessage = (event: MessageEvent) => {
      if (this.#worker !== worker) return;
      const message = readWorkerMessage(event.data);
      // A message of the wrong shape is dropped: it cannot be ours.
      if (message) this.#receive(message);
    };
    worker.onerror = (event) => {
      if (this.#worker !== worker) return;
      event.preventDefault?.();
      this.#crash(`the Python worker failed: ${event.message || 'unknown error'}`);
    };
    const sab = this.#options.sharedStop && globalThis.crossOriginIsolated && typeof SharedArrayBuffer === 'function';
    this.#stopSignal = sab ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    const init: Request = {
      type: 'init',
      id: loading.id,
      indexURL: this.#options.indexURL,
      ...(this.#options.databaseURL ? { databaseURL: this.#options.databaseURL } : {}),
      port: channel.port2,
      ...(this.#options.jspi === undefined ? {} : { jspi: this.#options.jspi }),
      ...(this.#stopSignal ? { stopSignal: this.#stopSignal } : {}),
    };
    worker.postMessage(init, [channel.port2]);
    const choose = (downloadMs: number | undefined) => {
      if (this.#worker !== worker) return;
      const choice: Request = { type: 'snapshot-choice', id: loading.id, ...(downloadMs === undefined ? {} : { downloadMs }) };
      channel.port1.postMessage(choice);
    };
    void this.#options.snapshotDownloadMs().then(choose, () => choose(undefined));
    return promise;
  }

  #receive(message: WorkerMessage): void {
    const run = this.#run;
    switch (message.type) {
      case 'ready':
        if (this.#loading?.id === message.id) {
          this.#info = message.info;
          const { resolve } = this.#loading;
          this.#loading = undefined;
          if (this.#status === 'loading') this.#setStatus('ready');
          resolve();
        }
        return;
      case 'output':
        if (run?.id === message.id) run.handlers.onOutput?.(message.chunks);
        return;
      case 'task-events':
        if (run?.id === message.id && run.handlers.onTaskEvents) run.handlers.onTaskEvents(run.tasks.read(message.steps, message.records));
        return;
      case 'loading':
        if (run?.id === message.id) run.handlers.onLoading?.(message);
        return;
      case 'result':
        if (run?.id !== message.id) return;
        run.resolve(message.outcome);
        if (message.outcome.outOfMemory || message.outcome.recycle) this.#replaceWorker();
        return;
      case 'error':
        if (message.fatal || this.#loading?.id === message.id) {
          this.#crash(message.message);
        } else if (run?.id === message.id) {
          run.reject(new Error(message.message));
        }
        return;
      case 'status':
        return;
    }
  }

  /** The worker is gone or unusable: fail what waits on it; the next warmUp starts afresh. */
  #crash(reason: string): void {
    const loading = this.#loading;
    const run = this.#run;
    this.#loading = undefined;
    this.#discardWorker();
    this.#setStatus('crashed');
    loading?.reject(new Error(reason));
    // A run waiting for the worker to load fails through that rejection; a started one ends here.
    if (run && !loading) {
      const durationMs = this.#options.now() - run.startedAt;
      run.resolve({
        status: 'error',
        exitCode: 1,
        message: `Python stopped working (${reason}). A fresh interpreter starts on the next run.`,
        droppedChars: 0,
        durationMs,
      });
      // #finish moved the status to ready; it is not.
      this.#setStatus('crashed');
    }
  }

  #discardWorker(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#ready = undefined;
    this.#info = undefined;
    if (this.#loading) {
      this.#loading.reject(new Error('the Python worker was replaced'));
      this.#loading.promise.catch(() => undefined);
      this.#loading = undefined;
    }
    if (this.#port) {
      this.#port.onmessage = null;
      this.#port.close();
      this.#port = undefined;
    }
    if (worker) {
      worker.onerror = null;
      worker.terminate();
    }
  }

  #post(message: Request): void {
    this.#port?.postMessage(message);
  }

  #setStatus(status: RuntimeStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}

/** PGlite's files (scripts/copy-pglite.mjs), served by the site itself under its base path. */
export function databaseURL(base: string = import.meta.env.BASE_URL, origin: string = globalThis.location?.href): string {
  const folder = `${base.endsWith('/') ? base : `${base}/`}pglite/`;
  return new URL(folder, origin).href;
}

/** Pyodide's files, served by the site itself under its base path (never another host). */
export function pyodideIndexURL(base: string = import.meta.env.BASE_URL, origin: string = globalThis.location?.href): string {
  const folder = `${base.endsWith('/') ? base : `${base}/`}pyodide/`;
  return new URL(folder, origin).href;
}
