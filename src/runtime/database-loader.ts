/**
 * Loads PGlite in the worker from the site's own copy (scripts/copy-pglite.mjs puts it under
 * `<base>/pglite/`): its module, its WebAssembly, its file-system bundle and the page's database
 * snapshot, downloaded in parallel with the bytes counted for a progress bar, then started from
 * the snapshot (no initdb in the reader's browser). Every request stays on the site's origin.
 */
import type { PGliteLike } from './database.ts';

/** What copy-pglite.mjs writes beside the files: their sizes (uncompressed), for progress. */
export interface DatabaseManifest {
  pglite: string;
  snapshot: string;
  sizes: Record<string, number>;
}

interface PGliteModule {
  PGlite: {
    create(options: {
      pgliteWasmModule: WebAssembly.Module;
      initdbWasmModule: WebAssembly.Module;
      fsBundle: Blob;
      loadDataDir: Blob;
    }): Promise<PGliteLike>;
  };
}

/**
 * PGlite starts downloading initdb.wasm unless it is given a module, even when it loads a data
 * directory and never runs initdb. The smallest valid module stands in for it: never called.
 */
function unusedInitdb(): WebAssembly.Module {
  return new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
}

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response;
}

/** The response's body, counting its bytes as they arrive. */
function counted(response: Response, report: (bytes: number) => void): ReadableStream<Uint8Array> {
  return (response.body as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        report(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
}

async function blobOf(url: string, report: (bytes: number) => void): Promise<Blob> {
  return new Response(counted(await fetched(url), report)).blob();
}

/** The snapshot as PGlite reads it best: typed as gzip when it still is (a server may have
 * decompressed it on the way, sending it with Content-Encoding: gzip). */
async function snapshotOf(url: string, report: (bytes: number) => void): Promise<Blob> {
  const blob = await blobOf(url, report);
  const magic = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return magic[0] === 0x1f && magic[1] === 0x8b ? new Blob([blob], { type: 'application/gzip' }) : blob;
}

export async function loadPageDatabase(
  url: string,
  progress: (loadedBytes: number, totalBytes: number) => void,
): Promise<PGliteLike> {
  const manifest = (await (await fetched(`${url}manifest.json`)).json()) as DatabaseManifest;
  const total = Object.values(manifest.sizes).reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  const report = (bytes: number): void => {
    loaded += bytes;
    progress(Math.min(loaded, total - 1), total);
  };
  progress(0, total);
  const [module, pgliteWasmModule, fsBundle, loadDataDir] = await Promise.all([
    import(/* @vite-ignore */ `${url}${manifest.pglite}`) as Promise<PGliteModule>,
    fetched(`${url}pglite.wasm`).then((response) =>
      // Compiled while it downloads.
      WebAssembly.compileStreaming(new Response(counted(response, report), { headers: { 'Content-Type': 'application/wasm' } })),
    ),
    blobOf(`${url}pglite.data`, report),
    snapshotOf(`${url}${manifest.snapshot}`, report),
  ]);
  progress(total, total);
  return module.PGlite.create({ pgliteWasmModule, initdbWasmModule: unusedInitdb(), fsBundle, loadDataDir });
}
