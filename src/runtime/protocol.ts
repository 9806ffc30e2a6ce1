/**
 * The messages between the page (client.ts) and the Python worker (worker.ts, host.ts).
 *
 * Every request carries an `id`; every message the worker sends about a request carries the same
 * `id`, so the page can tell a late message of a stopped run from one of the current run. The page
 * knows nothing of Pyodide, the worker nothing of the page's framework. The first request (`init`)
 * carries a MessagePort; everything after it travels on that port.
 */

import { readSteps, readTaskRecord, type TaskRecord } from './task-events.ts';

export type { TaskEvent, TaskEventKind, TaskOutcome, TaskRecord } from './task-events.ts';

export type Clock = 'real' | 'virtual';

export type Stream = 'stdout' | 'stderr';

export interface OutputChunk {
  stream: Stream;
  text: string;
  /** ms since the run started, in the run's clock. */
  t: number;
  /** The task that wrote it (its number in the task events); absent outside any task. */
  task?: number;
}

export type RunStatus = 'ok' | 'error' | 'stopped' | 'deadlock';

/** A task a deadlock left waiting, and the line of the reader's code it waits on. */
export interface WaitingTask {
  name: string;
  line?: number;
  function?: string;
}

/**
 * `message` as a key and its values, so the page can word it in the reader's language
 * (`playground.explain.<key>` in src/content/i18n/*.json). `tasks` (a deadlock's) is a list.
 */
export interface Explanation {
  key: string;
  values: Record<string, string | number | WaitingTask[]>;
}
/**
 * Stand-ins a run may import instead of libraries the page cannot run (they need sockets):
 * `aiohttp` answers requests with the program's own aiohttp.web handlers, on a network inside the
 * run; `asyncpg` talks to PostgreSQL 18 running in the page (PGlite). See src/runtime/python/standins/.
 */
export type StandinName = 'aiohttp' | 'asyncpg';
export const STANDIN_NAMES: readonly StandinName[] = ['aiohttp', 'asyncpg'];

export interface RunOutcome {
  status: RunStatus;
  /** 0 ok, 1 uncaught exception, the SystemExit code otherwise. */
  exitCode: number;
  /**
   * One sentence a reader can act on, for `error` and `deadlock` ("Deadlock: ... Waiting: Task-1
   * (line 5 in main)."). A stop needs none: the page says it, in the reader's language.
   */
  message?: string;
  /** `message`, for the page to word in the reader's language. */
  explanation?: Explanation;
  /** Output cut to keep the page responsive (0 when nothing was cut). */
  droppedChars: number;
  /** Task events not recorded, past the recorder's cap (absent when none were dropped). */
  droppedEvents?: number;
  /** Wall-clock duration of the run. */
  durationMs: number;
  /**
   * The run's duration on its own clock, which its timeline and printed times count (on the
   * virtual clock, waits take no real time). Absent when the page ended the run.
   */
  clockMs?: number;
  /**
   * The program ran out of memory. WebAssembly memory only grows, so the interpreter keeps what
   * the program took (up to 4 GB): the page replaces the worker to give it back.
   */
  outOfMemory?: boolean;
  /**
   * The interpreter should not serve another run: it holds more memory than a page should keep,
   * or the program changed it in a way that cannot be undone (an audit hook). The page replaces
   * the worker after this run, so the next one starts clean.
   */
  recycle?: boolean;
  /** The stand-ins the program imported: the run was simulated, and the page says so. */
  standins?: StandinName[];
}

export interface RunRequestOptions {
  clock: Clock;
  /** The name tracebacks show for the reader's file; `main.py` when absent. */
  filename?: string;
  /** Modules beside the program that it may import: file name (`server.py`) -> source. */
  files?: Record<string, string>;
  /** Record task events for the timeline (default true; the benchmark turns it off to compare). */
  record?: boolean;
  /** Stand-ins the program may import (an example declares them with `#: standins:`). */
  standins?: StandinName[];
  /** SQL run on the fresh database before the program (with the `asyncpg` stand-in only). */
  seed?: string;
}

/** How the interpreter started: restored from the build's memory snapshot, or from scratch. */
export type PythonStart = 'snapshot' | 'fresh';

export interface WorkerInfo {
  pyodideVersion: string;
  pythonVersion: string;
  /** Whether JavaScript Promise Integration (stack switching) is in use. */
  jspi: boolean;
  /** Whether stop can reach a busy interpreter through shared memory. */
  sharedStop: boolean;
  loadMs: number;
  start: PythonStart;
}

// ---- page -> worker ------------------------------------------------------------------------

export interface InitRequest {
  type: 'init';
  id: number;
  /**
   * The channel every later message travels on, both ways. The page sends it with the first
   * message and listens nowhere else: the program running in the worker can post on the worker's
   * global scope, but never reaches this port (see worker.ts).
   */
  port?: MessagePort;
  /** Where Pyodide's core files are served, ending in `/` (the site's own origin). */
  indexURL: string;
  /** Where PGlite's files are served, ending in `/`, for runs that need a database. */
  databaseURL?: string;
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

/**
 * Start loading the page's database now, for the run `id` that is about to be sent: a Run pressed
 * while Python still loads, in a playground whose example declares asyncpg, downloads PGlite
 * beside Pyodide instead of after it. Progress is reported under `id`.
 */
export interface PrepareDatabaseRequest {
  type: 'prepare-database';
  id: number;
}

/**
 * Sent once after `init`, for the worker to choose whether to download the build's start-up
 * snapshot when the browser does not have it yet: on a slow network and a fast CPU it costs more
 * to download than it saves (src/lib/playground/snapshot-choice.ts). A snapshot already in the
 * browser's cache is restored either way.
 */
export interface SnapshotChoiceRequest {
  type: 'snapshot-choice';
  id: number;
  /**
   * How long the snapshot should take to download, in ms, at the rate the page measured on
   * Pyodide's own files (Infinity: they took too long to arrive); absent when unknown.
   */
  downloadMs?: number;
}

export type Request = InitRequest | RunRequest | StopRequest | StatusRequest | PrepareDatabaseRequest | SnapshotChoiceRequest;

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
  /**
   * One batch of task events, compact (see task-events.ts, whose `TaskEventReader` reads them):
   * four numbers per step, and records of tasks created, done and renamed.
   */
  steps: Float64Array;
  records: TaskRecord[];
}

export interface ResultMessage {
  type: 'result';
  /** The run's id. */
  id: number;
  outcome: RunOutcome;
}

/**
 * The database a run needs is loading (its first run in this worker): the page shows progress.
 * `download` repeats as bytes arrive; `start` while PostgreSQL starts; `ready` once, with the
 * whole load's duration.
 */
export interface LoadingMessage {
  type: 'loading';
  /** The run's id. */
  id: number;
  what: 'database';
  phase: 'download' | 'start' | 'ready';
  loadedBytes: number;
  totalBytes: number;
  /** On `ready`: how long loading took. */
  ms?: number;
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
  | LoadingMessage
  | ErrorMessage;

// ---- reading what arrives -------------------------------------------------------------------
//
// The reader's program runs in the worker, beside the host, so anything it can reach it can send.
// The page reads every message as untrusted input: a message of the wrong shape is dropped, never
// passed on, and what is passed on is a fresh copy holding only the fields declared above.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isId = (value: unknown): value is number => Number.isSafeInteger(value);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);
const optionalString = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

const STREAMS = ['stdout', 'stderr'] as const;
const RUN_STATUSES = ['ok', 'error', 'stopped', 'deadlock'] as const;
const WORKER_STATUSES = ['loading', 'ready', 'running'] as const;
const LOADING_PHASES = ['download', 'start', 'ready'] as const;

const optionalId = (value: unknown): value is number | undefined => value === undefined || isId(value);

function readChunk(value: unknown): OutputChunk | undefined {
  if (!isObject(value)) return undefined;
  const { stream, text, t, task } = value;
  if (!oneOf(stream, STREAMS) || typeof text !== 'string' || !isFiniteNumber(t) || !optionalId(task)) return undefined;
  return task === undefined ? { stream, text, t } : { stream, text, t, task };
}

function readWaitingTask(value: unknown): WaitingTask | undefined {
  if (!isObject(value) || typeof value['name'] !== 'string') return undefined;
  const { name, line, function: where } = value;
  if (!(line === undefined || Number.isInteger(line)) || !optionalString(where)) return undefined;
  return { name, ...(line === undefined ? {} : { line: line as number }), ...(where === undefined ? {} : { function: where }) };
}

function readExplanation(value: unknown): Explanation | undefined {
  if (!isObject(value) || typeof value['key'] !== 'string' || !isObject(value['values'])) return undefined;
  const values: Explanation['values'] = {};
  for (const [name, item] of Object.entries(value['values'])) {
    if (typeof item === 'string' || isFiniteNumber(item)) values[name] = item;
    else {
      const tasks = readAll(item, readWaitingTask);
      if (!tasks) return undefined;
      values[name] = tasks;
    }
  }
  return { key: value['key'], values };
}

function readOutcome(value: unknown): RunOutcome | undefined {
  if (!isObject(value)) return undefined;
  const { status, exitCode, message, explanation, droppedChars, droppedEvents, durationMs, clockMs, outOfMemory, recycle, standins } = value;
  if (!oneOf(status, RUN_STATUSES) || !Number.isInteger(exitCode) || !isFiniteNumber(droppedChars) || !isFiniteNumber(durationMs)) {
    return undefined;
  }
  if (!optionalString(message) || ![undefined, true, false].includes(outOfMemory as boolean) || ![undefined, true, false].includes(recycle as boolean)) {
    return undefined;
  }
  if (!(droppedEvents === undefined || (Number.isSafeInteger(droppedEvents) && (droppedEvents as number) >= 0))) return undefined;
  if (!(clockMs === undefined || isFiniteNumber(clockMs))) return undefined;
  const explained = explanation === undefined ? undefined : readExplanation(explanation);
  if (explanation !== undefined && explained === undefined) return undefined;
  const standinList = standins === undefined ? undefined : readAll(standins, (item) => (oneOf(item, STANDIN_NAMES) ? item : undefined));
  if (standins !== undefined && standinList === undefined) return undefined;
  return {
    status,
    exitCode: exitCode as number,
    droppedChars,
    durationMs,
    ...(clockMs === undefined ? {} : { clockMs: clockMs as number }),
    ...(message === undefined ? {} : { message }),
    ...(droppedEvents === undefined ? {} : { droppedEvents: droppedEvents as number }),
    ...(explained === undefined ? {} : { explanation: explained }),
    ...(outOfMemory === undefined ? {} : { outOfMemory: outOfMemory as boolean }),
    ...(recycle === undefined ? {} : { recycle: recycle as boolean }),
    ...(standinList === undefined ? {} : { standins: standinList }),
  };
}

function readInfo(value: unknown): WorkerInfo | undefined {
  if (!isObject(value)) return undefined;
  const { pyodideVersion, pythonVersion, jspi, sharedStop, loadMs, start } = value;
  if (typeof pyodideVersion !== 'string' || typeof pythonVersion !== 'string' || typeof jspi !== 'boolean') return undefined;
  if (typeof sharedStop !== 'boolean' || !isFiniteNumber(loadMs)) return undefined;
  if (start !== 'snapshot' && start !== 'fresh') return undefined;
  return { pyodideVersion, pythonVersion, jspi, sharedStop, loadMs, start };
}

/** Every item read, or undefined when any item is not of the expected shape. */
function readAll<T>(value: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: T[] = [];
  for (const item of value) {
    const read_ = read(item);
    if (read_ === undefined) return undefined;
    items.push(read_);
  }
  return items;
}

/** A message from the worker, checked and copied; undefined for anything else. */
export function readWorkerMessage(data: unknown): WorkerMessage | undefined {
  if (!isObject(data) || !isId(data['id'])) return undefined;
  const id = data['id'];
  switch (data['type']) {
    case 'ready': {
      const info = readInfo(data['info']);
      return info && { type: 'ready', id, info };
    }
    case 'status': {
      const { status, run } = data;
      if (!oneOf(status, WORKER_STATUSES) || !(run === undefined || isId(run))) return undefined;
      return { type: 'status', id, status, ...(run === undefined ? {} : { run }) };
    }
    case 'output': {
      const chunks = readAll(data['chunks'], readChunk);
      return chunks && { type: 'output', id, chunks };
    }
    case 'task-events': {
      const records = readAll(data['records'], readTaskRecord);
      const steps = readSteps(data['steps']);
      return records && steps && { type: 'task-events', id, steps, records };
    }
    case 'result': {
      const outcome = readOutcome(data['outcome']);
      return outcome && { type: 'result', id, outcome };
    }
    case 'loading': {
      const { what, phase, loadedBytes, totalBytes, ms } = data;
      if (what !== 'database' || !oneOf(phase, LOADING_PHASES) || !isFiniteNumber(loadedBytes) || !isFiniteNumber(totalBytes)) {
        return undefined;
      }
      if (!(ms === undefined || isFiniteNumber(ms))) return undefined;
      return { type: 'loading', id, what, phase, loadedBytes, totalBytes, ...(ms === undefined ? {} : { ms }) };
    }
    case 'error': {
      const { message, fatal } = data;
      if (typeof message !== 'string' || typeof fatal !== 'boolean') return undefined;
      return { type: 'error', id, message, fatal };
    }
    default:
      return undefined;
  }
}

/** Type guard for requests arriving at the worker (on its own channel, from the page). */
/** Every request's type, once: the compiler refuses this list if a request is missing from it. */
const REQUEST_TYPES: Readonly<Record<Request['type'], true>> = {
  init: true,
  run: true,
  stop: true,
  status: true,
  'prepare-database': true,
  'snapshot-choice': true,
};

export function isRequest(data: unknown): data is Request {
  if (typeof data !== 'object' || data === null) return false;
  const { type, id } = data as { type?: unknown; id?: unknown };
  return typeof id === 'number' && typeof type === 'string' && Object.hasOwn(REQUEST_TYPES, type);
}
