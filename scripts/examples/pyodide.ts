import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Host } from '../../src/runtime/host.ts';
import type { Clock, RunOutcome, RunRequestOptions, WorkerInfo, WorkerMessage } from '../../src/runtime/protocol.ts';
import { TaskEventReader, type TaskEvent } from '../../src/runtime/task-events.ts';
import { nodeHost } from '../runtime/node-host.ts';
import { EXAMPLE_TIMEOUT_MS } from './cpython.ts';

/**
 * Runs browser examples in Pyodide under Node through the worker's own Host (src/runtime/host.ts):
 * the same requests, the same Python runner (`livepy.browser.run`), the same output chunks and
 * outcome a reader's browser gets. Only the Worker global is missing, and Host does not need it.
 *
 * Loading Pyodide takes ~2–3 s, so one interpreter serves a whole test file; the runner resets
 * its state at the end of every run (leftover tasks cancelled, loop closed, time restored).
 * `asyncio.run` under Pyodide needs JSPI: Node must run with `--experimental-wasm-jspi`.
 */
export interface PyodideRunResult {
  /** stdout and stderr in the order the program wrote them. */
  output: string;
  exitCode: number | undefined;
  timedOut: boolean;
  outcome: RunOutcome | undefined;
  /** The task events, as the page reads them (what the timeline is drawn from). */
  events: TaskEvent[];
}

type Listener = (message: WorkerMessage) => void;

export class PyodideExampleRunner {
  readonly #host: Host;
  readonly #listeners = new Map<number, Listener>();
  #nextId = 1;
  #info: WorkerInfo | undefined;

  private constructor(snapshot?: Uint8Array) {
    this.#host = nodeHost((message) => this.#listeners.get(message.id)?.(message), snapshot);
  }

  /**
   * Loads Pyodide and the runner; rejects with the worker's own message if it cannot start.
   * Given a start-up snapshot (src/runtime/snapshot.ts), restores it, as a reader's browser does.
   */
  static async create(snapshot?: Uint8Array): Promise<PyodideExampleRunner> {
    const runner = new PyodideExampleRunner(snapshot);
    const id = runner.#nextId++;
    runner.#info = await new Promise<WorkerInfo>((resolve, reject) => {
      runner.#listeners.set(id, (message) => {
        runner.#listeners.delete(id);
        if (message.type === 'ready') resolve(message.info);
        else if (message.type === 'error') reject(new Error(message.message));
      });
      runner.#host.handle({ type: 'init', id, indexURL: '' });
    });
    if (!runner.#info.jspi) {
      throw new Error('Pyodide runs without JSPI here: start Node with --experimental-wasm-jspi');
    }
    return runner;
  }

  /** How the interpreter started: from the snapshot or from scratch. */
  get start(): WorkerInfo['start'] | undefined {
    return this.#info?.start;
  }

  /** e.g. `3.14.2`, the CPython inside Pyodide. */
  get version(): string {
    return this.#info?.pythonVersion ?? 'unknown';
  }

  /**
   * Runs the program at `file` as the playground does, with the clock its output was taken on;
   * `extra.code`, when given, is run under the file's name instead of the file's own text (a page's
   * translated copy of it, say); `extra.files` and `extra.standins` are the helper modules beside
   * it and the stand-ins it declares, as the page passes them.
   */
  run(
    file: string,
    clock: Clock,
    timeoutMs: number = EXAMPLE_TIMEOUT_MS,
    extra: { code?: string } & Pick<RunRequestOptions, 'files' | 'standins'> = {},
  ): Promise<PyodideRunResult> {
    const { code = readFileSync(file, 'utf8'), ...options } = extra;
    return this.runSource(code, { clock, filename: path.basename(file), ...options }, timeoutMs);
  }

  /** Runs `code` with the page's run options (helper modules in `files`), stopped after `timeoutMs`. */
  runSource(code: string, options: RunRequestOptions, timeoutMs: number = EXAMPLE_TIMEOUT_MS): Promise<PyodideRunResult> {
    const id = this.#nextId++;
    let output = '';
    let timedOut = false;
    const events: TaskEvent[] = [];
    const reader = new TaskEventReader(options.clock);
    return new Promise((resolve) => {
      // The reader's Stop button, pressed for them when a run takes too long.
      const pressStop = () => {
        timedOut = true;
        this.#host.handle({ type: 'stop', id: this.#nextId++, run: id });
      };
      let timer = setTimeout(pressStop, timeoutMs);
      const finish = (exitCode: number | undefined, outcome: RunOutcome | undefined): void => {
        clearTimeout(timer);
        this.#listeners.delete(id);
        resolve({ output, exitCode, timedOut, outcome, events });
      };
      this.#listeners.set(id, (message) => {
        if (message.type === 'loading') {
          // The first database run loads PGlite first: the program's time starts once it is in.
          clearTimeout(timer);
          timer = setTimeout(pressStop, timeoutMs);
        } else if (message.type === 'output') {
          for (const chunk of message.chunks) output += chunk.text;
        } else if (message.type === 'task-events') {
          events.push(...reader.read(message.steps, message.records));
        } else if (message.type === 'result') {
          // As the runner CLI does: a deadlock's explanation is the last thing on stderr.
          if (message.outcome.status === 'deadlock' && message.outcome.message) {
            output += `${message.outcome.message}\n`;
          }
          // A run the host could not start (its stand-ins or database failed to load): the
          // program never ran, and the host's sentence is the only account of why.
          if (message.outcome.status === 'error' && message.outcome.message && !message.outcome.explanation) {
            output += `\n[runtime] ${message.outcome.message}\n`;
          }
          finish(message.outcome.exitCode, message.outcome);
        } else if (message.type === 'error') {
          output += `\n[Pyodide error] ${message.message}\n`;
          finish(undefined, undefined);
        }
      });
      this.#host.handle({ type: 'run', id, code, options });
    });
  }
}
