/** A worker_threads worker running the runtime's Host: Node's stand-in for the Web Worker. */
import { parentPort } from 'node:worker_threads';
import { isRequest } from '../../../src/runtime/protocol.ts';
import { nodeHost } from '../../../scripts/runtime/node-host.ts';

const port = parentPort;
if (!port) throw new Error('node-worker.ts must run as a worker thread');
const host = nodeHost((message) => port.postMessage(message));
port.on('message', (data: unknown) => {
  if (isRequest(data)) host.handle(data);
});
