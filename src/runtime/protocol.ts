/**
 * The messages between the page (client.ts) and the Python worker (worker.ts, host.ts).
 *
 * Every request carries an `id`; every message the worker sends about a request carries the same
 * `id`, so the page can tell a late message of a stopped run from one of the current run. The page
 * knows nothing of Pyodide, the worker nothing of the page's framework.
 */

export type Clock = 'real' | 'virtual';

export type Stream = 'stdout' | 'stderr';

export interface OutputChunk {
  stream: Stream;
  text: string;
  /** ms since the run started, in the run's clock. */
  t: number;
}

export type TaskEventKind = 'created' | 'step-start' | 'step-end' | 'done';
export type TaskOutcome = 'result' | 'exception' | 'cancelled';

/** One moment in a task's life, in the run's clock (ms since the run started). */
export interface TaskEvent {
  kind: TaskEventKind;
  /** A number for the task, unique within one run, in order of creation (1, 2, ...). */
  task: number;
  name: string;
  t: number;
  /** Only on `done`. */
  outcome?: TaskOutcome;
  /** On `created`: the coroutine's name; on `done`: the result's or exception's repr (short). */
  detail?: string;
}

export type RunStatus = 'ok' | 'error' | 'stopped' | 'deadlock';

export interface RunOutcome {
  status: RunStatus;
  /** 0 ok, 1 uncaught exception, the SystemExit code otherwise. */
  exitCode: number;
  /**
   * One sentence a reader can act on, for `error` and `deadlock` ("Deadlock: ... Waiting: Task-1
   * (line 5 in main)."). A stop needs none: the page says it, in the reader's language.
   */
  message?: string;
  /** Output cut to keep the page responsive (0 when nothing was cut). */
  droppedChars: number;
  /** Wall-clock duration of the run. */
  durationMs: number;
  /**
   * The program ran out of memory. WebAssembly memory only grows, so the interpreter keeps what
   * the program took (up to 4 GB): the page replaces the worker to give it back.
   */
  outOfMemory?: boolean;
}

export interface RunRequestOptions {
  clock: Clock;
  /** The name tracebacks show for the reader's file; `main.py` when absent. */
  filename?: string;
}

export interface WorkerInfo {
  pyodideVersion: string;
  pythonVersion: string;
  /** Whether JavaScript Promise Integration (stack switching) is in use. */
  jspi: boolean;
  /** Whether stop can reach a busy interpreter through shared memory. */
  sharedStop: boolean;
  loadMs: number;
}

// ---- page -> worker ------------------------------------------------------------------------

export interface InitRequest {
  type: 'init';
  id: number;
  /** Where Pyodide's core files are served, ending in `/` (the site's own origin). */
  indexURL: string;
  /** `false` makes the worker behave as in a browser without JSPI (tests, the dev page). */
  jspi?: boolean;
  /** Int32Array over a SharedArrayBuffer: the page writes 1 at [0] to ask a busy run to stop. */
  stopSignal?: Int32Array;
}

export interface RunRequest {
  type: 'run';
  id: number;
  code: string;
  options: RunRequestOptions;
}

export interface StopRequest {
  type: 'stop';
  id: number;
  /** The id of the run to stop. */
  run: number;
}

export interface StatusRequest {
  type: 'status';
  id: number;
}

export type Request = InitRequest | RunRequest | StopRequest | StatusRequest;

// ---- worker -> page ------------------------------------------------------------------------

export type WorkerStatus = 'loading' | 'ready' | 'running';

export interface ReadyMessage {
  type: 'ready';
  id: number;
  info: WorkerInfo;
}

export interface StatusMessage {
  type: 'status';
  id: number;
  status: WorkerStatus;
  /** The run in progress, if any. */
  run?: number;
}

export interface OutputMessage {
  type: 'output';
  /** The run's id. */
  id: number;
  chunks: OutputChunk[];
}

export interface TaskEventsMessage {
  type: 'task-events';
  /** The run's id. */
  id: number;
  events: TaskEvent[];
}

export interface ResultMessage {
  type: 'result';
  /** The run's id. */
  id: number;
  outcome: RunOutcome;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  message: string;
  /** The interpreter cannot be trusted any more: the page must start a fresh worker. */
  fatal: boolean;
}

export type WorkerMessage =
  | ReadyMessage
  | StatusMessage
  | OutputMessage
  | TaskEventsMessage
  | ResultMessage
  | ErrorMessage;

/** Type guard for messages arriving from a worker (anything else is ignored, not trusted). */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return (
    typeof id === 'number' &&
    (type === 'ready' ||
      type === 'status' ||
      type === 'output' ||
      type === 'task-events' ||
      type === 'result' ||
      type === 'error')
  );
}

/** Type guard for requests arriving at the worker. */
export function isRequest(data: unknown): data is Request {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return typeof id === 'number' && (type === 'init' || type === 'run' || type === 'stop' || type === 'status');
}
