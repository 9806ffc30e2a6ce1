// Copies Pyodide's core files from node_modules into public/pyodide/ so the site serves its
// own copy (no request ever leaves the site's origin). Runs before `astro build`/`astro dev`.
import { cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve('pyodide/package.json'));
const target = new URL('../public/pyodide/', import.meta.url);
const CORE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

mkdirSync(target, { recursive: true });
for (const file of CORE_FILES) {
  cpSync(path.join(pyodideDir, file), new URL(file, target));
}
console.log(`copied ${CORE_FILES.length} Pyodide files to public/pyodide/`);
