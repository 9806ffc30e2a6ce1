// Copies PGlite (PostgreSQL in WebAssembly, for the chapters' database examples) into
// public/pglite/ so the site serves its own copy, and adds the page's database snapshot
// (scripts/pglite/snapshot.mjs). Runs before `astro build`/`astro dev`, like copy-pyodide.mjs.
//
// Only what the browser loads: index.js and the chunks it imports (PGlite's file-system backends
// for Node, IndexedDB and OPFS are imported on demand and never used here), pglite.wasm and its
// file-system bundle pglite.data; not initdb (the snapshot is an initialised cluster). A
// manifest gives the files' sizes, for the worker's progress bar (src/runtime/database-loader.ts).
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureSnapshot, pgliteDir, pgliteVersion } from './pglite/snapshot.mjs';

const source = path.join(pgliteDir(), 'dist');
const target = new URL('../public/pglite/', import.meta.url);
const ENTRY = 'index.js';
const SNAPSHOT = 'snapshot.tar.gz';

/** index.js and every module it imports statically, transitively. */
function staticImports(entry) {
  const found = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    const text = readFileSync(path.join(source, file), 'utf8');
    for (const [, imported] of text.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) {
      if (!found.has(imported)) {
        found.add(imported);
        queue.push(imported);
      }
    }
  }
  return [...found].sort();
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const modules = staticImports(ENTRY);
for (const file of [...modules, 'pglite.wasm', 'pglite.data']) {
  copyFileSync(path.join(source, file), new URL(file, target));
}
writeFileSync(new URL(SNAPSHOT, target), await ensureSnapshot());
const sizes = Object.fromEntries(
  ['pglite.wasm', 'pglite.data', SNAPSHOT].map((file) => [file, statSync(new URL(file, target)).size]),
);
const manifest = { version: pgliteVersion(), pglite: ENTRY, snapshot: SNAPSHOT, modules, sizes };
writeFileSync(new URL('manifest.json', target), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`copied PGlite ${manifest.version} (${modules.length} modules, pglite.wasm, pglite.data) and the database snapshot to public/pglite/`);
