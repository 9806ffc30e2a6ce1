import { Worker } from 'node:worker_threads';
import type { WorkerLike } from '../../../src/runtime/client.ts';
import type { Request, WorkerMessage } from '../../../src/runtime/protocol.ts';

/**
 * A scripted worker for the client's unit tests: takes the port the first message brings,
 * records every request, replies on demand on that port (as the real worker does), and can post
 * on its global channel as a reader's program can (`js.postMessage`), which nobody should hear.
 */
export class FakeWorker implements WorkerLike {
  onerror: ((event: ErrorEvent) => void) | null = null;
  /** Whoever listens to the worker's global channel (the page must not). */
  onmessage: ((event: MessageEvent) => void) | null = null;
  readonly received: Request[] = [];
  terminated = false;
  #port: MessagePort | undefined;

  /** Called for each request; may reply through `emit`. */
  constructor(private readonly script: (request: Request, worker: FakeWorker) => void = () => {}) {}

  postMessage(message: Request, transfer: Transferable[] = []): void {
    const port = transfer.find((item): item is MessagePort => item instanceof MessagePort);
    if (port) {
      this.#port = port;
      port.onmessage = (event: MessageEvent) => this.#take(event.data as Request);
    }
    this.#take(message);
  }

  #take(message: Request): void {
    this.received.push(message);
    queueMicrotask(() => this.script(message, this));
  }

  terminate(): void {
    this.terminated = true;
    this.#port?.close();
  }

  /** A message on the private channel, as the host sends them (any shape: tests forge some). */
  emit(message: WorkerMessage | Record<string, unknown>): void {
    if (!this.terminated) this.#port?.postMessage(message);
  }

  /** A message on the worker's global channel, as a program's `js.postMessage(...)` sends it. */
  emitOnGlobal(message: unknown): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent);
  }

  fail(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

/** The real Host in a worker thread (node-worker.ts), shaped like a Web Worker for the client. */
export class NodeThreadWorker implements WorkerLike {
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly #thread: Worker;

  constructor() {
    this.#thread = new Worker(new URL('./node-worker.ts', import.meta.url));
    this.#thread.on('error', (error: Error) => this.onerror?.({ message: error.message, preventDefault() {} } as ErrorEvent));
  }

  postMessage(message: Request, transfer: Transferable[] = []): void {
    this.#thread.postMessage(message, transfer as never);
  }

  terminate(): void {
    void this.#thread.terminate();
  }
}
