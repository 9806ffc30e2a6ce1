/**
 * What a playground program may reach from the worker: the site's own origin, nothing else.
 *
 * The program runs beside the host and can call any global through Pyodide's `js` module: fetch,
 * XMLHttpRequest, WebSocket, a nested Worker with unguarded globals of its own. A share link runs
 * someone else's code, which must not be able to send the reader's data anywhere. The hard limit
 * is the page's Content-Security-Policy (`connect-src 'self'`, see src/lib/csp.ts), which a worker
 * made from a blob: URL inherits; these wrappers come first so that a refused request says why
 * in words, instead of a bare "Failed to fetch".
 */

export const BLOCKED_MESSAGE =
  'Playground programs may only reach this site itself; a request to another address was blocked: ';

export class BlockedRequestError extends Error {
  override name = 'BlockedRequestError';
}

/** The globals a worker offers for reaching the network (a subset of WorkerGlobalScope). */
export interface NetworkScope {
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  WebSocket?: unknown;
  EventSource?: unknown;
  Worker?: unknown;
  SharedWorker?: unknown;
  importScripts?: unknown;
  close?: () => void;
}

/** Whether `url` (absolute, or relative to `base`) is on `origin`; unparsable URLs are not. */
export function isSameOrigin(url: string | URL, origin: string, base: string = origin): boolean {
  try {
    return new URL(url, base).origin === origin;
  } catch {
    return false;
  }
}

function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (typeof input === 'object' && input !== null && 'url' in input) return String((input as { url: unknown }).url);
  return String(input);
}

function refuse(what: string): never {
  throw new BlockedRequestError(`${BLOCKED_MESSAGE}${what}`);
}

/**
 * Wraps `scope`'s network globals so that only `origin` can be reached, and removes the ways
 * around the wrappers (sockets, nested workers). `base` resolves relative URLs (the worker's own
 * location). Call once, before any program runs.
 */
export function guardNetwork(scope: NetworkScope, origin: string, base: string = origin): void {
  const fetchOriginal = scope.fetch?.bind(scope);
  if (fetchOriginal) {
    scope.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = urlOf(input);
      if (!isSameOrigin(url, origin, base)) return Promise.reject(new BlockedRequestError(`${BLOCKED_MESSAGE}${url}`));
      return fetchOriginal(input, init);
    }) as typeof fetch;
  }

  const Xhr = scope.XMLHttpRequest;
  if (Xhr) {
    scope.XMLHttpRequest = class GuardedXMLHttpRequest extends Xhr {
      override open(method: string, url: string | URL, ...rest: unknown[]): void {
        if (!isSameOrigin(url, origin, base)) refuse(urlOf(url));
        (super.open as (...args: unknown[]) => void)(method, url, ...rest);
      }
    } as typeof XMLHttpRequest;
  }

  // No WebSocket or EventSource is ever needed by a lesson here; a nested worker would bring
  // fresh, unguarded globals; `close()` would end the worker silently, mid-run.
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'importScripts'] as const) {
    if (name in scope) {
      // A plain function, so that `new WebSocket(...)` reaches the message too.
      const blocked = function blocked(): never {
        refuse(name);
      };
      Object.defineProperty(scope, name, { configurable: false, writable: false, value: blocked });
    }
  }
  if ('close' in scope) {
    Object.defineProperty(scope, 'close', { configurable: false, value: () => refuse('close() of the Python worker') });
  }
}
