/**
 * Preload hints for the files Pyodide's start fetches, added when a page first needs Python. The
 * worker asks for them only after its own code and Pyodide's loader have arrived; hinted, they
 * are already on their way (the worker then gets them from the HTTP cache, or joins the download
 * under way). `as="fetch"`: the page only fetches them, it never runs or compiles them.
 *
 * The start-up snapshot is not among them: how fast these files arrive decides whether the worker
 * downloads it (snapshot-choice.ts).
 */
import { expectSnapshotDownload } from './snapshot-choice.ts';

export const PYODIDE_START_FILES = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide.asm.mjs', 'pyodide.mjs', 'pyodide-lock.json'];

let snapshotDownload: Promise<number | undefined> | undefined;

/** Pyodide's folder under the site's base (as client.ts's pyodideIndexURL). */
function pyodideFolder(base: string = import.meta.env.BASE_URL): string {
  return `${base.endsWith('/') ? base : `${base}/`}pyodide/`;
}

export function preloadPyodide(doc: Document = document): void {
  const urls: string[] = [];
  for (const file of PYODIDE_START_FILES) {
    const href = `${pyodideFolder()}${file}`;
    urls.push(new URL(href, doc.baseURI).href);
    if (doc.head.querySelector(`link[rel="preload"][href="${href}"]`)) continue;
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    // A fetch() from the worker is a CORS-mode, same-origin-credentials request: so is this one.
    link.crossOrigin = 'anonymous';
    link.href = href;
    doc.head.append(link);
  }
  snapshotDownload ??= expectSnapshotDownload(urls);
}

/**
 * How long the start-up snapshot should take to download, in ms, measured on the preloads above;
 * undefined on a page that did not preload (nothing to measure).
 */
export function expectedSnapshotDownloadMs(): Promise<number | undefined> {
  return snapshotDownload ?? Promise.resolve(undefined);
}
