/**
 * A worker_threads worker running the runtime's Host: Node's stand-in for the Web Worker. As in
 * worker.ts, the first message brings the port every later message travels on.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { isRequest, type InitRequest } from '../../../src/runtime/protocol.ts';
import { nodeHost } from '../../../scripts/runtime/node-host.ts';

const global = parentPort;
if (!global) throw new Error('node-worker.ts must run as a worker thread');
global.once('message', (init: InitRequest) => {
  const port = init.port as unknown as MessagePort | undefined;
  if (!port || !isRequest(init)) throw new Error('the first message must be init, with a port');
  const host = nodeHost((message) => port.postMessage(message));
  port.on('message', (data: unknown) => {
    if (isRequest(data)) host.handle(data);
  });
  const { port: _transferred, ...request } = init;
  host.handle(request);
});
