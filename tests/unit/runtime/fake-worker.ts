import { Worker } from 'node:worker_threads';
import type { WorkerLike } from '../../../src/runtime/client.ts';
import type { Request, WorkerMessage } from '../../../src/runtime/protocol.ts';

/** A scripted worker for the client's unit tests: records requests, replies on demand. */
export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: Request[] = [];
  terminated = false;
  /** Called for each request; may reply through `emit`. */
  constructor(private readonly script: (request: Request, worker: FakeWorker) => void = () => {}) {}

  postMessage(message: Request): void {
    this.received.push(message);
    queueMicrotask(() => this.script(message, this));
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(message: WorkerMessage): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent);
  }

  fail(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

/** The real Host in a worker thread, shaped like a Web Worker for the client. */
export class NodeThreadWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly #thread: Worker;

  constructor() {
    this.#thread = new Worker(new URL('./node-worker.ts', import.meta.url));
    this.#thread.on('message', (data: unknown) => this.onmessage?.({ data } as MessageEvent));
    this.#thread.on('error', (error: Error) => this.onerror?.({ message: error.message, preventDefault() {} } as ErrorEvent));
  }

  postMessage(message: Request): void {
    this.#thread.postMessage(message);
  }

  terminate(): void {
    void this.#thread.terminate();
  }
}
