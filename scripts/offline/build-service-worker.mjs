#!/usr/bin/env node
// Builds the service worker of the "Available offline" switch over the built site, after
// `astro build` (see src/offline/sw.ts): bundles the worker, lets Serwist's injectManifest list
// every file of the build with a revision, and writes the sizes the switch shows before the
// reader turns it on (per locale: what one language's copy stores).
//
// OUT_DIR (default ./dist) is the build, as in astro.config.mjs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getManifest, injectManifest } from '@serwist/build';
import { build } from 'esbuild';
import { FILES_FILE, OFFLINE_LOCALES, SERVICE_WORKER_FILE, SIZES_FILE, localeOf } from '../../src/offline/scope.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.resolve(root, process.env.OUT_DIR ?? 'dist');
const work = mkdtempSync(path.join(tmpdir(), 'sw-'));
const bundled = path.join(work, 'sw.js');

await build({
  entryPoints: [path.join(root, 'src/offline/sw.ts')],
  outfile: bundled,
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

/** What the build holds, as Serwist lists it (the same options for both passes below). */
const listing = {
  globDirectory: dist,
  globPatterns: ['**/*'],
  globIgnores: ['dev/**', SERVICE_WORKER_FILE, 'sitemap*.xml'],
  // Pyodide's and PGlite's WebAssembly are 9-10 MB each.
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
  // Astro's fingerprinted assets need no revision query.
  dontCacheBustURLsMatching: /^_astro\//,
};
const storedOnly = (entries) => entries.filter((entry) => localeOf(entry.url) !== undefined);

// First pass: every stored file's size, written for the switch (so the copy holds these two
// files as well, and an offline page can still say what it holds).
let files = [];
await getManifest({
  ...listing,
  manifestTransforms: [
    (entries) => {
      files = storedOnly(entries).map((entry) => [entry.url, entry.size]);
      return { manifest: entries, warnings: [] };
    },
  ],
});
const bytesFor = (locale) =>
  files.reduce((sum, [url, bytes]) => (['shared', locale].includes(localeOf(url)) ? sum + bytes : sum), 0);
// What one language's copy stores, for the switch's label (every page loads it near the switch:
// kept tiny), and every stored file's size, for the progress while saving.
const sizes = { locales: Object.fromEntries(OFFLINE_LOCALES.map((locale) => [locale, bytesFor(locale)])) };
writeFileSync(path.join(dist, SIZES_FILE), JSON.stringify(sizes));
writeFileSync(path.join(dist, FILES_FILE), JSON.stringify(Object.fromEntries(files)));

// Second pass: the worker, with the list (now with those two files) injected.
const { count, size, warnings } = await injectManifest({
  ...listing,
  swSrc: bundled,
  swDest: path.join(dist, SERVICE_WORKER_FILE),
  manifestTransforms: [(entries) => ({ manifest: storedOnly(entries), warnings: [] })],
});
rmSync(work, { recursive: true, force: true });
for (const warning of warnings) console.warn(`service worker: ${warning}`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  `service worker: ${count} files (${mb(size)}) listed; one language stores ` +
    OFFLINE_LOCALES.map((locale) => `${locale} ${mb(sizes.locales[locale])}`).join(', '),
);
