// A reader's network for `npm run bench`: an HTTP proxy in front of the preview server that sends
// what it serves over one link of a given speed, after a round trip of a given length, compressed
// the way the deploy target compresses (GitHub Pages gzips text, JavaScript, JSON, SVG and
// WebAssembly on the fly; a file that is already compressed, such as Pyodide's standard library
// zip or the start-up snapshot, goes as it is).
//
// The link is shared: every response's bytes queue on it, as they would on a reader's one
// connection to the internet, so six files at once take as long as one file six times the size.
// Chrome's own network emulation is not used: it applies to a page, and the Python worker's
// downloads are what matter here.
//
// It speaks HTTP/2 over TLS, as GitHub Pages does: over HTTP/1.1 a browser opens six connections
// to a host, and the page's small files would queue behind Python's large ones. The certificate
// is made for the run (openssl) and Chromium is told to trust its key, which keeps its HTTP cache
// working (a certificate error would turn it off).
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The reader's networks the navigation figures are also taken on. */
export const NETWORKS = {
  // A home connection.
  broadband: { mbps: 50, rttMs: 30 },
  // A phone on a good mobile network.
  mobile: { mbps: 10, rttMs: 70 },
};

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|xml|manifest\+json)|image\/svg\+xml)/;
/** Bytes put on the link at a time: a little over a TCP window's worth of packets. */
const SLICE = 16 * 1024;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * How far behind the link may fall and still catch up: a timer that fires late on a busy machine
 * must not slow the link down (the bytes it owed go out at once), while a link idle for a while
 * gains no more than this much of a burst.
 */
const CATCH_UP_MS = 50;

/** One link of `mbps` megabits per second: `send` resolves when the bytes have crossed it. */
function link(mbps) {
  const bytesPerMs = (mbps * 1e6) / 8 / 1000;
  let freeAt = 0;
  return async (bytes) => {
    const start = Math.max(performance.now() - CATCH_UP_MS, freeAt);
    freeAt = start + bytes / bytesPerMs;
    await sleep(freeAt - performance.now());
  };
}

/** What `target` serves for `path`, whole: status, headers and body. */
function fetchUpstream(target, path) {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(new URL(path, target), { headers: { 'accept-encoding': 'identity' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 502,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end();
  });
}

/** The response a static site sends for `path`, whole, and its gzipped body if it would gzip it. */
async function staticResponse(target, path) {
  const upstream = await fetchUpstream(target, path);
  const compressible = COMPRESSIBLE.test(String(upstream.headers['content-type'] ?? '')) && upstream.body.length > 0;
  return {
    ...upstream,
    gzipped: compressible ? gzipSync(upstream.body) : undefined,
  };
}

/** A key and a certificate for 127.0.0.1, and the argument that makes Chromium trust the key. */
function certificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-tls-'));
  try {
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const pem = { key: readFileSync(key), cert: readFileSync(cert) };
    const spki = createHash('sha256').update(createPublicKey(pem.cert).export({ type: 'spki', format: 'der' })).digest('base64');
    return { ...pem, chromiumArgs: [`--ignore-certificate-errors-spki-list=${spki}`] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Headers that belong to one HTTP/1.1 connection, which HTTP/2 forbids. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];

/**
 * Starts the proxy for `target` (the preview server's origin) on a port the OS picks; it serves
 * at `origin`, to a Chromium given `chromiumArgs`. What it serves is kept, read and compressed
 * once per file (a static site's files do not change), so that neither the preview server's
 * reading nor the proxy's gzip counts against the page.
 */
export async function startThrottle(target, { mbps, rttMs }) {
  const { key, cert, chromiumArgs } = certificate();
  const carry = link(mbps);
  let sentBytes = 0;
  const send = (bytes) => {
    sentBytes += bytes;
    return carry(bytes);
  };
  const files = new Map();
  const file = (path) => {
    if (!files.has(path)) files.set(path, staticResponse(target, path));
    return files.get(path);
  };
  const server = createSecureServer({ key, cert, allowHTTP1: true }, async (req, res) => {
    try {
      const [upstream] = await Promise.all([file(req.url ?? '/'), sleep(rttMs)]);
      const headers = { ...upstream.headers };
      // GitHub Pages varies on nothing but the encoding (Vite's preview adds `Vary: Origin`).
      delete headers.vary;
      let body = upstream.body;
      if (upstream.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = upstream.gzipped;
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      headers['content-length'] = String(body.length);
      for (const name of HOP_BY_HOP) delete headers[name];
      res.writeHead(upstream.status, headers);
      if (req.method === 'HEAD') return res.end();
      for (let at = 0; at < body.length; at += SLICE) {
        const slice = body.subarray(at, at + SLICE);
        await send(slice.length);
        if (!res.write(slice)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      res.destroy(error);
    }
  });
  const sessions = new Set();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `https://127.0.0.1:${port}`,
    chromiumArgs,
    /** How many bytes of bodies have crossed the link so far. */
    sent: () => sentBytes,
    /** Reads and compresses these paths ahead, so that no measured visit waits for either. */
    async prime(paths) {
      for (const path of paths) await file(path);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
      }),
  };
}
